import { toDisplayPath, UsageError } from '@connector-alm/core';
import { quoted } from '../text/message-values.js';
import { ConfigLookup } from './config-lookup.js';
import type { ValidatorConfig } from './config-types.js';
import { findConfigFile } from './find-config.js';

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
 * `folders` are absolute, after the configuration's `ignore`, which may skip the nested checkout.
 */
export function refuseFoldersOfAnotherConfiguration(
  folders: readonly string[],
  config: ValidatorConfig,
  cwd: string,
): void {
  if (!config.foundBySearch) return;
  const lookup = new ConfigLookup(cwd);
  for (const folder of folders) {
    const file = lookup.fileOf(folder);
    if (lookup.sameConfiguration(file, config.path)) continue;
    throw new UsageError(
      `takes its configuration from ${named(file, cwd)}, and the paths it was found under from ${named(config.path, cwd)}.`,
      {
        location: { file: toDisplayPath(cwd, folder) },
        hint: `One run applies one configuration: give the file to apply to every folder (--config, the action's config input), ignore the folder${config.path === undefined ? ' in a configuration file' : ` in ${toDisplayPath(cwd, config.path)}`}, or run from the folder's repository.`,
      },
    );
  }
}

function named(file: string | undefined, cwd: string): string {
  return file === undefined ? 'no configuration file' : quoted(toDisplayPath(cwd, file));
}
