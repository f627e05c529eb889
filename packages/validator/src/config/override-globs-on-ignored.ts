import { toDisplayPath } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';
import { quoteList } from '../text/message-values.js';
import type { ValidatorConfig } from './config-types.js';
import { ignorePatternMatches, isIgnored, relativeToConfig } from './ignore.js';
import { configGlobFinding, levelInFile, runFindsEveryFolderOf, type ConfigGlob } from './unmatched-globs.js';

/**
 * The findings of `ruleId` on the globs that match connector folders, but only folders the file's
 * `ignore` skips: an override whose globs name only ignored folders applies to nothing validated, as
 * one that matches nothing does (an ignore pattern added later, or an override written for folders
 * the team meant to keep checked). Said when the run proves it (runFindsEveryFolderOf), as for a
 * glob that matches nothing. Not for `ignore` patterns themselves: skipping a folder another pattern
 * skips too is harmless.
 */
export function globsOnIgnoredFoldersFindings(
  ruleId: string,
  globs: readonly ConfigGlob[],
  run: { found: readonly string[]; paths: readonly string[]; cwd: string },
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): Finding[] {
  const { found, paths, cwd } = run;
  const configPath = config.path;
  if (globs.length === 0 || config.ignore.length === 0 || !configPath) return [];
  if (!runFindsEveryFolderOf(configPath, paths, cwd)) return [];
  const level = levelInFile(ruleId, config);
  if (level === 'off') return [];
  const relative = found.map((folder) => relativeToConfig(folder, configPath));
  return globs.flatMap(({ pattern, place, named, effect }) => {
    const matched = found.filter((_, index) => ignorePatternMatches(pattern, relative[index]!, platform));
    if (matched.length === 0 || !matched.every((folder) => isIgnored(folder, config, platform))) return [];
    const shown = matched.map((folder) => toDisplayPath(cwd, folder));
    const message = `${named} matches only connector folders that the file's ignore patterns skip (${quoteList(shown)}), so ${effect} that is validated.`;
    return [configGlobFinding(ruleId, level, message, place, cwd, configPath)];
  });
}
