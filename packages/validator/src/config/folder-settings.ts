import type { RuleOverrides } from '../engine.js';
import { PROFILES, type Level, type Profile } from '../model/finding.js';
import type { ValidatorConfig } from './config-types.js';
import { ignorePatternMatches, relativeToConfig } from './ignore.js';

/** What the configuration says of one connector folder, its `overrides` applied. */
export interface FolderSettings {
  /**
   * The profile the last override matching the folder gives it, which wins over the folder's place
   * in the PowerPlatformConnectors layout (resolveProfile): an override names its folders, where the
   * top-level `profile` is a default for those outside the layout. Undefined when none gives one.
   */
  profile?: Profile;
  /** The rule levels: the file's `rules`, with those of each matching override over them in order. */
  rules: RuleOverrides;
}

/**
 * The settings of each set of matching overrides, per configuration: the same object for every folder
 * they match, so that the engine's rule list made for one set of levels (activeRules, keyed by the
 * object) serves them all, as it serves a run without overrides.
 */
const settingsCache = new WeakMap<ValidatorConfig, Map<string, FolderSettings>>();

/**
 * The settings of a connector folder (absolute, or relative to the working directory the
 * configuration's path was resolved from): the overrides whose `files` globs match it, relative to
 * the configuration file's folder as `ignore`'s are, applied in the file's order.
 */
export function folderSettings(
  folder: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): FolderSettings {
  const overrides = config.overrides ?? [];
  if (overrides.length === 0 || !config.path) return { rules: config.rules };
  const relative = relativeToConfig(folder, config.path);
  const matching = overrides.flatMap((override, index) =>
    override.files.some((pattern) => ignorePatternMatches(pattern, relative, platform)) ? [index] : [],
  );
  if (matching.length === 0) return { rules: config.rules };
  let byMatching = settingsCache.get(config);
  if (!byMatching) settingsCache.set(config, (byMatching = new Map()));
  const key = matching.join(',');
  let settings = byMatching.get(key);
  if (!settings) {
    settings = { rules: config.rules };
    for (const index of matching) {
      const { profile, rules } = overrides[index]!;
      settings = {
        profile: profile ?? settings.profile,
        rules: rules ? mergeRuleOverrides(settings.rules, rules) : settings.rules,
      };
    }
    byMatching.set(key, settings);
  }
  return settings;
}

/**
 * `later`'s levels over `earlier`'s, profile by profile: a rule's level for every profile replaces
 * what it had; a level for some profiles keeps the earlier level of the others.
 */
export function mergeRuleOverrides(earlier: RuleOverrides, later: RuleOverrides): RuleOverrides {
  const merged: RuleOverrides = { ...earlier };
  for (const [ruleId, level] of Object.entries(later)) {
    const before = merged[ruleId];
    if (typeof level === 'string' || before === undefined) merged[ruleId] = level;
    else merged[ruleId] = { ...perProfile(before), ...level };
  }
  return merged;
}

function perProfile(level: Level | Partial<Record<Profile, Level>>): Partial<Record<Profile, Level>> {
  return typeof level === 'string' ? Object.fromEntries(PROFILES.map((profile) => [profile, level])) : level;
}
