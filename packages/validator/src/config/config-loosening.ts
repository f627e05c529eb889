import { joinedList } from '@connector-alm/core';
import { effectiveLevel } from '../engine.js';
import { PROFILES } from '../model/finding.js';
import { describeLowered, isLowerLevel, type Lowered } from './lowered-levels.js';
import { overrideLoosening } from './override-loosening.js';

export { isLowerLevel };
import type { ValidatorConfig } from './config-types.js';
import { ignorePatternMatches } from './ignore.js';
import { nameExcerpt } from '../text/message-values.js';

export type { Loosening, RuleLevels } from './loosening.js';
import type { Loosening, RuleLevels } from './loosening.js';

export interface LooseningOptions {
  /**
   * The connector folders the change touches, relative to the head configuration file's folder and
   * `/`-separated, to say which ones an added ignore pattern skips.
   */
  changedFolders?: readonly string[];
  platform?: NodeJS.Platform;
}

/**
 * What the head's configuration loosens compared with the base's: each rule whose effective level
 * goes down in some profile, each `ignore` pattern added, and a `profile` change that lowers a rule
 * for the folders it applies to (those outside the PowerPlatformConnectors layout, custom when
 * unset). A file the change adds or deletes is compared as the defaults (DEFAULT_CONFIG), so a
 * deleted file loosens what it made stricter than the defaults. Tightening is not a change here.
 */
export function configLoosening(
  base: ValidatorConfig,
  head: ValidatorConfig,
  rules: readonly RuleLevels[],
  options: LooseningOptions = {},
): Loosening[] {
  return [
    ...profileLoosening(base, head, rules),
    ...rules.flatMap((rule) => ruleLoosening(rule, base, head)),
    ...ignoreLoosening(base, head, options),
    ...overrideLoosening(base, head, rules),
  ];
}

function ruleLoosening(rule: RuleLevels, base: ValidatorConfig, head: ValidatorConfig): Loosening[] {
  const lowered: Lowered[] = [];
  for (const profile of PROFILES) {
    const from = effectiveLevel(rule, profile, base.rules);
    const to = effectiveLevel(rule, profile, head.rules);
    if (isLowerLevel(to, from)) lowered.push({ profile, from, to });
  }
  if (lowered.length === 0) return [];
  return [
    { kind: 'rule', path: ['rules', rule.id], atKey: true, message: describeLowered(rule.id, lowered) },
  ];
}

/**
 * A `profile` change, when it lowers some rule for the folders it applies to. The level each rule has
 * there is compared, each side with its own overrides: a rule the change lowers in a profile is also
 * reported on its own, this is about the folders the change moves to another profile.
 */
function profileLoosening(
  base: ValidatorConfig,
  head: ValidatorConfig,
  rules: readonly RuleLevels[],
): Loosening[] {
  const from = base.profile ?? 'custom';
  const to = head.profile ?? 'custom';
  if (from === to) return [];
  const lowered = rules.filter((rule) =>
    isLowerLevel(effectiveLevel(rule, to, head.rules), effectiveLevel(rule, from, base.rules)),
  );
  if (lowered.length === 0) return [];
  const examples = lowered
    .slice(0, 3)
    .map(
      (rule) =>
        `${rule.id} ${effectiveLevel(rule, from, base.rules)} → ${effectiveLevel(rule, to, head.rules)}`,
    );
  const more = lowered.length > examples.length ? `, and ${lowered.length - examples.length} more` : '';
  return [
    {
      kind: 'profile',
      path: ['profile'],
      atKey: false,
      message:
        `changes profile from ${base.profile ?? 'the default (custom)'} to ${head.profile ?? 'the default (custom)'}, ` +
        `which lowers ${lowered.length === 1 ? '1 rule' : `${lowered.length} rules`} for connector folders outside the ` +
        `PowerPlatformConnectors layout (${examples.join(', ')}${more})`,
    },
  ];
}

function ignoreLoosening(
  base: ValidatorConfig,
  head: ValidatorConfig,
  options: LooseningOptions,
): Loosening[] {
  const before = new Set(base.ignore);
  const changed = options.changedFolders;
  return head.ignore.flatMap((pattern, index): Loosening[] => {
    if (before.has(pattern)) return [];
    let skips = '';
    // A change that touches no connector folder is told nothing of them: "skips none of the
    // connector folders this change touches" read as if it touched some.
    if (changed && changed.length > 0) {
      const skipped = changed.filter((folder) => ignorePatternMatches(pattern, folder, options.platform));
      skips =
        skipped.length === 0
          ? ', which skips none of the connector folders this change touches'
          : `, which skips ${skipped.length === 1 ? '1 connector folder' : `${skipped.length} connector folders`} this change touches (${joinedList(skipped.map(nameExcerpt), { max: MAX_NAMED_FOLDERS, quote: "'" })})`;
    }
    return [
      {
        kind: 'ignore',
        path: ['ignore', String(index)],
        atKey: false,
        message: `adds ignore pattern '${nameExcerpt(pattern)}'${skips}`,
      },
    ];
  });
}

/**
 * Folders named in an ignore pattern's message. Each added pattern has its own finding: a change that
 * adds thousands of patterns each skipping its thousands of folders had every message name them all
 * (29 MB of findings for 1,000 by 1,000, their product), so past a few the rest are counted.
 */
export const MAX_NAMED_FOLDERS = 10;
