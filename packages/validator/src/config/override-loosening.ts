import { joinedList } from '@connector-alm/core';
import { effectiveLevel, type RuleOverrides } from '../engine.js';
import { PROFILES, type Profile } from '../model/finding.js';
import { nameExcerpt } from '../text/message-values.js';
import type { Loosening, RuleLevels } from './loosening.js';
import type { ConfigOverride, ValidatorConfig } from './config-types.js';
import { mergeRuleOverrides } from './folder-settings.js';
import { describeLowered, isLowerLevel, type Lowered } from './lowered-levels.js';

/**
 * What the entries of one configuration's `overrides` with the same `files` give the folders those
 * match, over the file's `rules`; and where in the file they say it (indexes in `overrides`).
 */
interface OverrideSettings {
  files: readonly string[];
  profile?: Profile;
  rules: RuleOverrides;
  /** The last entry with these files, the last to give a profile, and the last to name each rule. */
  lastAt?: number;
  profileAt?: number;
  ruleAt: Map<string, number>;
}

/**
 * What the head's `overrides` loosen compared with the base's: for each list of `files` in either
 * (entries compared by their files, as written), each rule the entries name whose level goes down
 * for those folders, and a profile they give that lowers some rule there. Folders matched by
 * entries of different files are not worked out pattern by pattern: an entry whose files are new is
 * compared with the file's own levels, so one that narrows or widens another is reported, as
 * meant or not, rather than missed.
 */
export function overrideLoosening(
  base: ValidatorConfig,
  head: ValidatorConfig,
  rules: readonly RuleLevels[],
): Loosening[] {
  const keys = new Set([...(base.overrides ?? []), ...(head.overrides ?? [])].map(filesKey));
  return [...keys].flatMap((key) => {
    const from = settingsOf(base, key);
    const to = settingsOf(head, key);
    const scope = ` in overrides for ${joinedList(to.files.map(nameExcerpt), { max: 3, quote: "'" })}`;
    const at = (index: number | undefined, ...rest: string[]) =>
      index !== undefined
        ? ['overrides', String(index), ...rest]
        : ['overrides', ...(to.lastAt === undefined ? [] : [String(to.lastAt)])];
    const found: Loosening[] = [];
    const lowered =
      from.profile === to.profile ? [] : rules.filter((rule) => loweredLevels(rule, from, to).length > 0);
    if (lowered.length > 0) {
      found.push({
        kind: 'profile',
        path: at(to.profileAt, 'profile'),
        atKey: false,
        message: profileMessage(scope, lowered, from, to),
      });
    }
    // A rule's own finding is about its level: both sides with the head's profile, which the
    // profile's finding is about.
    const sameProfile = { ...from, profile: to.profile };
    for (const rule of rules) {
      if (!from.ruleAt.has(rule.id) && !to.ruleAt.has(rule.id)) continue;
      const levels = loweredLevels(rule, sameProfile, to);
      if (levels.length === 0) continue;
      found.push({
        kind: 'rule',
        path: at(to.ruleAt.get(rule.id), 'rules', rule.id),
        atKey: to.ruleAt.has(rule.id),
        message: describeLowered(rule.id, levels, scope),
      });
    }
    return found;
  });
}

function filesKey(override: ConfigOverride): string {
  return JSON.stringify(override.files);
}

function settingsOf(config: ValidatorConfig, key: string): OverrideSettings {
  const settings: OverrideSettings = {
    files: JSON.parse(key) as string[],
    rules: config.rules,
    ruleAt: new Map(),
  };
  for (const [index, override] of (config.overrides ?? []).entries()) {
    if (filesKey(override) !== key) continue;
    settings.lastAt = index;
    if (override.profile) {
      settings.profile = override.profile;
      settings.profileAt = index;
    }
    if (!override.rules) continue;
    settings.rules = mergeRuleOverrides(settings.rules, override.rules);
    for (const ruleId of Object.keys(override.rules)) settings.ruleAt.set(ruleId, index);
  }
  return settings;
}

/**
 * The profiles in which a rule's level goes down for the folders: each profile a folder may have
 * where the entries give none (its place in the layout, or the file's profile), else theirs.
 */
function loweredLevels(rule: RuleLevels, from: OverrideSettings, to: OverrideSettings): Lowered[] {
  return PROFILES.flatMap((profile) => {
    const before = effectiveLevel(rule, from.profile ?? profile, from.rules);
    const after = effectiveLevel(rule, to.profile ?? profile, to.rules);
    return isLowerLevel(after, before) ? [{ profile, from: before, to: after }] : [];
  });
}

function profileMessage(
  scope: string,
  lowered: readonly RuleLevels[],
  from: OverrideSettings,
  to: OverrideSettings,
): string {
  const gives = to.profile === undefined ? `gives no profile${scope}` : `gives profile ${to.profile}${scope}`;
  const examples = lowered.slice(0, 3).map((rule) => {
    const [first] = loweredLevels(rule, from, to);
    return `${rule.id} ${first!.from} → ${first!.to}`;
  });
  const more = lowered.length > examples.length ? `, and ${lowered.length - examples.length} more` : '';
  const count = lowered.length === 1 ? '1 rule' : `${lowered.length} rules`;
  if (from.profile !== undefined) {
    return `${gives} (was ${from.profile} at the base), which lowers ${count} for those folders (${examples.join(', ')}${more})`;
  }
  // The folders had their own profiles (their place in the layout, else the file's): the lowering
  // is for those that had the profiles named, which a reviewer can tell from the patterns.
  const had = PROFILES.filter((profile) =>
    lowered.some((rule) => loweredLevels(rule, from, to).some((entry) => entry.profile === profile)),
  );
  return `${gives} (each folder had its own at the base), which lowers ${count} for those that were ${joinedList(had, { conjunction: 'or' })} (${examples.join(', ')}${more})`;
}
