import path from 'node:path';
import { isWithin, slashSeparated, toDisplayPath, withoutTrailingSlashes } from '@connector-alm/core';
import { locatedFinding, type Finding } from '../model/finding.js';
import {
  CONFIG_IGNORE_UNMATCHED_RULE_ID,
  configurationRules,
} from '../repository/rules/configuration-rules.js';
import { nameExcerpt } from '../text/message-values.js';
import { strictestLevel } from './loosening-findings.js';
import type { ValidatorConfig } from './config-types.js';
import { ignorePatternMatches, ignoringPattern } from './ignore.js';

/** A connector folder that a path names (or leads to alone) and the configuration's `ignore` skips. */
export interface IgnoredFolder {
  /** As reachable from the working directory, as a validated connector's path is. */
  path: string;
  /** The pattern that skips it, as the file writes it. */
  pattern: string;
  /** The configuration file, as reachable from the working directory. */
  file: string;
  /** The pattern's line in the file, when known. */
  line?: number;
}

/**
 * The connector folders skipped by `ignore` that were asked for: those under a path whose every
 * connector folder is skipped (a path naming an ignored connector folder, or a tree of ignored ones).
 * A run that validated nothing under a path said "No problems in 0 connectors" and passed, and a pull
 * request that changes only an ignored connector showed a green "0 connectors checked", with no word
 * of why: as linters do for a file named on the command line that an ignore pattern skips, it is said.
 * A tree where only some folders are skipped is what `ignore` is for, and is not remarked on.
 */
export function ignoredFoldersAskedFor(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
): IgnoredFolder[] {
  if (config.ignore.length === 0) return [];
  const skipped = new Map<string, number>();
  for (const folder of found) {
    const index = ignoringPattern(folder, config);
    if (index !== undefined) skipped.set(folder, index);
  }
  if (skipped.size === 0) return [];
  const asked = new Set<string>();
  for (const given of paths) {
    const root = path.resolve(cwd, given);
    const under = found.filter((folder) => isWithin(root, folder));
    if (under.length > 0 && under.every((folder) => skipped.has(folder)))
      for (const folder of under) asked.add(folder);
  }
  return found
    .filter((folder) => asked.has(folder))
    .map((folder) => {
      const index = skipped.get(folder)!;
      const line = config.ignorePlaces?.[index]?.line;
      return {
        path: toDisplayPath(cwd, folder),
        pattern: config.ignore[index]!,
        file: toDisplayPath(cwd, config.path!),
        ...(line !== undefined && { line }),
      };
    });
}

/** What a report says of an ignored folder: `… is not validated: the ignore pattern '…' (.connector-alm.yml:10) skips it.` */
export function ignoredFolderNote(ignored: IgnoredFolder): string {
  const place = `${ignored.file}${ignored.line === undefined ? '' : `:${ignored.line}`}`;
  return `${ignored.path} is not validated: the ignore pattern '${nameExcerpt(ignored.pattern)}' (${place}) skips it.`;
}

/**
 * The indexes of the `ignore` patterns that match no connector folder, when the run proves it: one of
 * its paths holds the configuration file's folder, so every connector folder the patterns could
 * match was found. A run of some folders cannot know, and says nothing.
 */
export function unmatchedIgnorePatterns(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): number[] {
  if (config.ignore.length === 0 || !config.path) return [];
  const folderOfFile = path.dirname(config.path);
  if (!paths.some((given) => isWithin(path.resolve(cwd, given), folderOfFile))) return [];
  const relative = found.map((folder) => relativeTo(folderOfFile, folder));
  return config.ignore.flatMap((pattern, index) =>
    relative.some((folder) => ignorePatternMatches(pattern, folder, platform)) ? [] : [index],
  );
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
 * .gitignore names a folder): patterns name the connector folders themselves, so the one that skips
 * those under it, `<pattern>/*` (or `/**` for deeper ones), written from the file's folder; undefined
 * when neither matches a connector folder.
 */
function patternForConnectorsUnder(
  pattern: string,
  found: readonly string[],
  config: ValidatorConfig & { path: string },
): string | undefined {
  const folderOfFile = path.dirname(config.path);
  const folder = withoutTrailingSlashes(pattern);
  for (const candidate of [`${folder}/*`, `${folder}/**`]) {
    if (found.some((connector) => ignorePatternMatches(candidate, relativeTo(folderOfFile, connector))))
      return candidate;
    const from = folderThePatternIsWrittenFrom(candidate, found, config);
    if (from) return slashSeparated(path.join(path.relative(folderOfFile, from), candidate));
  }
  return undefined;
}

function relativeTo(folder: string, connector: string): string {
  return slashSeparated(path.relative(folder, connector));
}

/**
 * The REPO-CONFIG-IGNORE-UNMATCHED findings of a run over `found` (every connector folder under its
 * paths, ignored ones too), on each pattern's line, at the rule's strictest level in the file (none
 * when the file turns it off).
 */
export function unmatchedIgnoreFindings(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
): Finding[] {
  const unmatched = unmatchedIgnorePatterns(found, paths, cwd, config);
  const rule = configurationRules.find((candidate) => candidate.id === CONFIG_IGNORE_UNMATCHED_RULE_ID)!;
  if (unmatched.length === 0 || !config.path) return [];
  const level = strictestLevel(rule, config);
  if (level === 'off') return [];
  const file = config.path;
  const folderOfFile = path.dirname(file);
  const shownFolder = `${slashSeparated(toDisplayPath(cwd, folderOfFile))}/`;
  return unmatched.map((index) => {
    const pattern = config.ignore[index]!;
    const from = folderThePatternIsWrittenFrom(pattern, found, { ...config, path: file });
    const under = from ? undefined : patternForConnectorsUnder(pattern, found, { ...config, path: file });
    const unmatchedWords = `The ignore pattern '${nameExcerpt(pattern)}' matches no connector folder under the file's folder, ${shownFolder}, so it skips nothing`;
    const message = from
      ? `The ignore pattern '${nameExcerpt(pattern)}' matches no connector folder, so it skips nothing: patterns are relative to the file's folder, ${shownFolder}, and it matches from ${slashSeparated(toDisplayPath(cwd, from))}/; write '${nameExcerpt(slashSeparated(path.join(path.relative(folderOfFile, from), pattern)))}'.`
      : under
        ? `${unmatchedWords}: patterns name connector folders, not the folders that hold them; write '${nameExcerpt(under)}' to skip the connector folders in it.`
        : `${unmatchedWords}.`;
    const place = config.ignorePlaces?.[index] ?? { line: 1, column: 1 };
    return locatedFinding({
      ruleId: CONFIG_IGNORE_UNMATCHED_RULE_ID,
      severity: level,
      message,
      file: toDisplayPath(cwd, file),
      line: place.line,
      column: place.column,
      connector: toDisplayPath(cwd, folderOfFile),
    });
  });
}
