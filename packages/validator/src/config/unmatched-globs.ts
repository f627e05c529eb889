import path from 'node:path';
import { isWithin, slashSeparated, toDisplayPath, withoutTrailingSlashes } from '@connector-alm/core';
import { locatedFinding, type Finding, type Level, type Severity } from '../model/finding.js';
import { configurationRules } from '../repository/rules/configuration-rules.js';
import { nameExcerpt } from '../text/message-values.js';
import { strictestLevel } from './loosening-findings.js';
import type { ConfigPlace, ValidatorConfig } from './config-types.js';
import { ignorePatternMatches, relativeToConfig } from './ignore.js';
import { mistypedGlobMeant } from './mistyped-glob.js';

// The globs of the configuration file (`ignore`, an override's `files`) name connector folders
// relative to the file's folder, all matched by ignorePatternMatches (isIgnored, folderSettings): one
// that matches none does nothing, silently. What is said of it is the same whichever list holds it.

/**
 * The indexes of `globs` that match no connector folder, when the run proves it: one of its paths
 * holds the configuration file's folder, so every connector folder the globs could match was found.
 * A run of some folders cannot know, and says nothing.
 */
export function unmatchedGlobs(
  globs: readonly string[],
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): number[] {
  if (globs.length === 0 || !config.path) return [];
  const configPath = config.path;
  if (!runFindsEveryFolderOf(configPath, paths, cwd)) return [];
  const relative = found.map((folder) => relativeToConfig(folder, configPath));
  return globs.flatMap((glob, index) =>
    relative.some((folder) => ignorePatternMatches(glob, folder, platform)) ? [] : [index],
  );
}

/**
 * Whether a run over `paths` finds every connector folder the globs of the file at `configPath` could
 * match: one of its paths holds the file's folder.
 */
export function runFindsEveryFolderOf(configPath: string, paths: readonly string[], cwd: string): boolean {
  const folderOfFile = path.dirname(configPath);
  return paths.some((given) => isWithin(path.resolve(cwd, given), folderOfFile));
}

/**
 * For a pattern that matches nothing from the file's folder: the folder above it from which it would
 * match some connector folder (the repository's top level for a file kept in .github/), if any.
 */
export function folderThePatternIsWrittenFrom(
  pattern: string,
  found: readonly string[],
  config: ValidatorConfig & { path: string },
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  for (let folder = path.dirname(path.dirname(config.path)); ; folder = path.dirname(folder)) {
    if (found.some((connector) => ignorePatternMatches(pattern, relativeTo(folder, connector), platform)))
      return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/**
 * What to write for a pattern naming a folder above connector folders (`connectors/legacy`, as a
 * .gitignore names a folder): patterns name the connector folders themselves, so the one that matches
 * those under it, `<pattern>/*` (or `/**` for deeper ones), written from the file's folder; undefined
 * when neither matches a connector folder.
 */
function patternForConnectorsUnder(
  pattern: string,
  found: readonly string[],
  config: ValidatorConfig & { path: string },
  platform: NodeJS.Platform,
): string | undefined {
  const folderOfFile = path.dirname(config.path);
  const folder = withoutTrailingSlashes(pattern);
  for (const candidate of [`${folder}/*`, `${folder}/**`]) {
    if (
      found.some((connector) =>
        ignorePatternMatches(candidate, relativeTo(folderOfFile, connector), platform),
      )
    )
      return candidate;
    const from = folderThePatternIsWrittenFrom(candidate, found, config);
    if (from) return slashSeparated(path.join(path.relative(folderOfFile, from), candidate));
  }
  return undefined;
}

function relativeTo(folder: string, connector: string): string {
  return slashSeparated(path.relative(folder, connector));
}

/** A glob of the configuration file, where it is, and the words its finding says of it. */
export interface ConfigGlob {
  pattern: string;
  /** Its place in the file; the file's start when unknown (a configuration built by hand). */
  place?: ConfigPlace;
  /** The glob as the message names it: `The ignore pattern 'legacy'`. */
  named: string;
  /** What matching nothing does, after "so": `it skips nothing`. */
  effect: string;
  /** What the advised glob for a folder of connector folders does: `to skip the connector folders in it`. */
  purpose: string;
}

/**
 * The findings of `ruleId` on the globs that match no connector folder of a run over `found` (every
 * connector folder under its paths, ignored ones too), each on its line with what to write where a
 * glob is written from another folder or names the folder that holds connector folders, at the rule's
 * strictest level in the file (none when the file turns it off).
 */
export function unmatchedGlobFindings(
  ruleId: string,
  globs: readonly ConfigGlob[],
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): Finding[] {
  const patterns = globs.map((glob) => glob.pattern);
  const unmatched = unmatchedGlobs(patterns, found, paths, cwd, config, platform);
  if (unmatched.length === 0 || !config.path) return [];
  const level = levelInFile(ruleId, config);
  if (level === 'off') return [];
  const withPath = { ...config, path: config.path };
  const folderOfFile = path.dirname(withPath.path);
  const shownFolder = `${slashSeparated(toDisplayPath(cwd, folderOfFile))}/`;
  // The connector folders under the file's folder as its globs name them, for a typo's correction;
  // made once, for the first glob that needs them.
  let under: string[] | undefined;
  const foldersUnderFile = () =>
    (under ??= found
      .filter((folder) => isWithin(folderOfFile, folder))
      .map((folder) => relativeToConfig(folder, withPath.path)));
  return unmatched.map((index) => {
    const { pattern, place, named, effect, purpose } = globs[index]!;
    const from = folderThePatternIsWrittenFrom(pattern, found, withPath, platform);
    const under = from ? undefined : patternForConnectorsUnder(pattern, found, withPath, platform);
    const meant = from || under ? undefined : mistypedGlobMeant(pattern, foldersUnderFile(), platform);
    const unmatchedWords = `${named} matches no connector folder under the file's folder, ${shownFolder}, so ${effect}`;
    const message = from
      ? `${named} matches no connector folder, so ${effect}: patterns are relative to the file's folder, ${shownFolder}, and it matches from ${slashSeparated(toDisplayPath(cwd, from))}/; write '${nameExcerpt(slashSeparated(path.join(path.relative(folderOfFile, from), pattern)))}'.`
      : under
        ? `${unmatchedWords}: patterns name connector folders, not the folders that hold them; write '${nameExcerpt(under)}' ${purpose}.`
        : `${unmatchedWords}.${meant === undefined ? '' : ` Did you mean '${nameExcerpt(meant)}'?`}`;
    return configGlobFinding(ruleId, level, message, place, cwd, withPath.path);
  });
}

/** The level of a configuration rule: its strictest in the file, whose top-level `rules` alone set it. */
export function levelInFile(ruleId: string, config: ValidatorConfig): Level {
  return strictestLevel(
    configurationRules.find((candidate) => candidate.id === ruleId)!,
    config,
  );
}

/** A finding on a glob of the configuration file, on its place (the file's start when unknown). */
export function configGlobFinding(
  ruleId: string,
  severity: Severity,
  message: string,
  place: ConfigPlace | undefined,
  cwd: string,
  configPath: string,
): Finding {
  const at = place ?? { line: 1, column: 1 };
  return locatedFinding({
    ruleId,
    severity,
    message,
    file: toDisplayPath(cwd, configPath),
    line: at.line,
    column: at.column,
    connector: toDisplayPath(cwd, path.dirname(configPath)),
  });
}
