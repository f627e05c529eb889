import path from 'node:path';
import { slashSeparated, toDisplayPath, UsageError, userErrorsTogether } from '@connector-alm/core';
import { quoted } from '../text/message-values.js';
import {
  anotherConfigurationHint,
  type AnotherConfigurationHintFacts,
} from './another-configuration-hint.js';
import { ConfigLookup } from './config-lookup.js';
import type { ValidatorConfig } from './config-types.js';
import { CONFIG_FILE_NAMES, findConfigFile } from './find-config.js';
import { FoundFolders, type FoundFolderPlace } from './found-folders.js';
import { globLiteral } from './ignore-backslashes.js';

/** Where the search for the configuration file of `given` (a path from `cwd`) starts (ConfigLookup.searchStart). */
export function configSearchStart(given: string, cwd: string): string {
  return new ConfigLookup(cwd).searchStart(given);
}

/**
 * The configuration file that applies to `paths` (from `cwd`): each path's, found from where its
 * search starts (ConfigLookup). One run applies one configuration, so paths whose files differ
 * (two repositories, or a repository's path beside one that no file applies to) are a usage error
 * naming two of them: findings that depend on the company a path keeps would differ from the
 * repository's CI. No path: the working directory's file.
 */
export function findConfigFileOfPaths(paths: readonly string[], cwd: string): string | undefined {
  const lookup = new ConfigLookup(cwd);
  let first: { given: string; file: string | undefined } | undefined;
  for (const given of paths) {
    const file = lookup.fileOf(given);
    if (!first) first = { given, file };
    else if (!lookup.sameConfiguration(file, first.file)) {
      throw new UsageError(
        `takes its configuration from ${named(file, cwd)}, and ${quoted(first.given)} from ${named(first.file, cwd)}.`,
        {
          location: { file: given },
          hint: "One run applies one configuration: run once for each repository, or give the file to apply to every path (--config, the action's config input).",
        },
      );
    }
  }
  return first ? first.file : findConfigFile(cwd);
}

/**
 * Refuses a connector folder found under the paths whose own search would take another file than the
 * one in use, when that one was found by the search (`foundBySearch`, no --config): a folder of a
 * repository nested in the paths' one (a checkout of upstream in a workspace repository) took the
 * workspace's file when found under `.`, and its own (or none) when named itself, so one connector's
 * findings depended on how it was named. The same usage error as two paths whose files differ.
 * `folders` are absolute, as discovery found them under `paths`, after the configuration's `ignore`,
 * which may skip the nested checkout. A folder takes its given path's file unless a repository is
 * nested between them (FoundFolders), and then that repository's, as its own search finds it.
 */
export function refuseFoldersOfAnotherConfiguration(
  paths: readonly string[],
  folders: readonly string[],
  config: ValidatorConfig,
  cwd: string,
): void {
  if (!config.foundBySearch) return;
  const lookup = new ConfigLookup(cwd);
  const found = new FoundFolders(paths, cwd);
  // Each given path's folder and each nested repository's top level is looked up once, and refused
  // once, at its first folder: a workspace holding two checkouts hears of both in one run (and of a
  // checkout's 300 connector folders, once).
  const fileOfPlace = new Map<string, string | undefined>();
  const refusals: UsageError[] = [];
  for (const folder of folders) {
    const place = found.placeOf(folder);
    const lookedUp = place.nested ?? place.given ?? folder;
    if (fileOfPlace.has(lookedUp)) continue;
    const file = lookup.fileOf(lookedUp);
    fileOfPlace.set(lookedUp, file);
    if (lookup.sameConfiguration(file, config.path)) continue;
    refusals.push(
      new UsageError(
        `takes its configuration from ${named(file, cwd)}, and the paths it was found under from ${named(config.path, cwd)}.`,
        {
          location: { file: toDisplayPath(cwd, folder) },
          hint: anotherConfigurationHint(hintFacts(lookup, place, folder, config)),
        },
      ),
    );
  }
  if (refusals.length > 0) throw userErrorsTogether(refusals);
}

/**
 * What the refusal's hint names: the `ignore` pattern of the folder's repository (the nested one's top
 * level, else the folder itself), relative to the file in use or, with
 * none, to where a new file would be found for the paths (their repository's top level, else where
 * their search starts, the working directory).
 */
function hintFacts(
  lookup: ConfigLookup,
  place: FoundFolderPlace,
  folder: string,
  config: ValidatorConfig,
): AnotherConfigurationHintFacts {
  const repository = place.nested ?? folder;
  let file = config.path;
  if (file === undefined) {
    const start = lookup.searchStart(place.given ?? folder);
    file = path.join(lookup.repositoryOf(start) ?? start, CONFIG_FILE_NAMES[0]);
  }
  const relative = slashSeparated(path.relative(path.dirname(file), repository));
  return {
    ignorePattern: relative === '' ? '**' : `${globLiteral(relative)}/**`,
    file: toDisplayPath(lookup.cwd, file),
    fileInUse: config.path !== undefined,
    // The search of a repository's top level starts in the working directory when it holds it.
    runFromFoldersRepository: lookup.searchStart(repository) === lookup.cwd,
  };
}

function named(file: string | undefined, cwd: string): string {
  return file === undefined ? 'no configuration file' : quoted(toDisplayPath(cwd, file));
}
