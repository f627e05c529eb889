import type { Finding } from '../model/finding.js';
import { CONFIG_OVERRIDE_UNMATCHED_RULE_ID } from '../repository/rules/configuration-rules.js';
import { nameExcerpt } from '../text/message-values.js';
import type { ValidatorConfig } from './config-types.js';
import { globsOnIgnoredFoldersFindings } from './override-globs-on-ignored.js';
import { unmatchedGlobFindings, type ConfigGlob } from './unmatched-globs.js';

/**
 * The REPO-CONFIG-OVERRIDE-UNMATCHED findings of a run over `found` (every connector folder under its
 * paths, ignored ones too): each `files` glob of an override that matches no connector folder, on its
 * line, and each that matches only folders `ignore` skips. Glob by glob: in an entry whose other
 * globs match, one matching nothing is still a slip (a typo, a folder renamed) that leaves the
 * folders it meant with the defaults.
 */
export function unmatchedOverrideFindings(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): Finding[] {
  const globs: ConfigGlob[] = (config.overrides ?? []).flatMap((override, index) => {
    const entry = `overrides[${index}]`;
    return override.files.map((pattern, glob) => ({
      pattern,
      place: config.overridePlaces?.[index]?.[glob],
      named: `The files pattern '${nameExcerpt(pattern)}' in ${entry}`,
      effect: `it applies ${entry} to no folder`,
      purpose: `for ${entry} to apply to the connector folders in it`,
    }));
  });
  return [
    ...unmatchedGlobFindings(CONFIG_OVERRIDE_UNMATCHED_RULE_ID, globs, found, paths, cwd, config, platform),
    ...globsOnIgnoredFoldersFindings(
      CONFIG_OVERRIDE_UNMATCHED_RULE_ID,
      globs,
      { found, paths, cwd },
      config,
      platform,
    ),
  ];
}
