import path from 'node:path';
import { isWithin, toDisplayPath } from '@connector-alm/core';
import type { Finding } from '../model/finding.js';
import { CONFIG_IGNORE_UNMATCHED_RULE_ID } from '../repository/rules/configuration-rules.js';
import { nameExcerpt } from '../text/message-values.js';
import type { ValidatorConfig } from './config-types.js';
import { ignoringPattern } from './ignore.js';
import { unmatchedGlobFindings } from './unmatched-globs.js';

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
 * The REPO-CONFIG-IGNORE-UNMATCHED findings of a run over `found` (every connector folder under its
 * paths, ignored ones too): each `ignore` pattern that matches no connector folder, on its line, when
 * the run proves it (unmatchedGlobs).
 */
export function unmatchedIgnoreFindings(
  found: readonly string[],
  paths: readonly string[],
  cwd: string,
  config: ValidatorConfig,
  platform: NodeJS.Platform = process.platform,
): Finding[] {
  const globs = config.ignore.map((pattern, index) => ({
    pattern,
    place: config.ignorePlaces?.[index],
    named: `The ignore pattern '${nameExcerpt(pattern)}'`,
    effect: 'it skips nothing',
    purpose: 'to skip the connector folders in it',
  }));
  return unmatchedGlobFindings(CONFIG_IGNORE_UNMATCHED_RULE_ID, globs, found, paths, cwd, config, platform);
}
