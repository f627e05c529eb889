import { joinedList } from '@connector-alm/core';
import { effectiveLevel } from '../engine.js';
import { PROFILES, type Level, type Profile } from '../model/finding.js';
import type { RuleMetadata } from '../model/rule.js';
import type { ValidatorConfig } from './config-types.js';
import { ignorePatternMatches } from './ignore.js';
import { nameExcerpt } from '../text/message-values.js';

/** The rules' metadata the comparison reads: their ids and default levels. */
export type RuleLevels = Pick<RuleMetadata, 'id' | 'levels'>;

/** One thing a configuration file loosens compared with the base's. */
export interface Loosening {
  kind: 'rule' | 'ignore' | 'profile';
  /** Where it is said in the file (a path as in a JSON pointer), for locating it on its line. */
  path: string[];
  /** Point at the key rather than the value (a rule's id). */
  atKey: boolean;
  /** What was loosened, as a clause: "turns SWG-OP-SUMMARY off (was error at the base)". */
  message: string;
}

export interface LooseningOptions {
  /**
   * The connector folders the change touches, relative to the head configuration file's folder and
   * `/`-separated, to say which ones an added ignore pattern skips.
   */
  changedFolders?: readonly string[];
  platform?: NodeJS.Platform;
}

/** A lowered level of one rule in one profile. */
interface Lowered {
  profile: Profile;
  from: Level;
  to: Level;
}

const RANK: Record<Level, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** Whether a level is below another: what a reviewer must notice, as tightening never needs to be. */
export function isLowerLevel(level: Level, than: Level): boolean {
  return RANK[level] < RANK[than];
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
 * `turns X off (was error at the base)`, `lowers X to warning for custom (was error at the base)`,
 * or per profile when the profiles differ.
 */
function describeLowered(ruleId: string, lowered: readonly Lowered[]): string {
  const groups = new Map<string, Lowered[]>();
  for (const entry of lowered) {
    const key = `${entry.from}>${entry.to}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const forProfiles = (entries: readonly Lowered[]) =>
    entries.length === PROFILES.length ? '' : ` for ${joinedList(entries.map((entry) => entry.profile))}`;
  const everyOff = lowered.every((entry) => entry.to === 'off');
  if (groups.size === 1) {
    const { from, to } = lowered[0]!;
    const verb = to === 'off' ? `turns ${ruleId} off` : `lowers ${ruleId} to ${to}`;
    return `${verb}${forProfiles(lowered)} (was ${from} at the base)`;
  }
  const parts = [...groups.values()].map(
    (entries) => `${entries[0]!.from} → ${entries[0]!.to}${forProfiles(entries)}`,
  );
  return `${everyOff ? `turns ${ruleId} off` : `lowers ${ruleId}`} (${parts.join(', ')}; base → this change)`;
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
