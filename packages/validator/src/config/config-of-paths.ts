import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isFile, toDisplayPath, UsageError } from '@connector-alm/core';
import { quoted } from '../text/message-values.js';
import { findConfigFile, repositoryRootOf } from './find-config.js';

/**
 * Where the search for the configuration file of `given` (a path from `cwd`) starts: `cwd` when it
 * is in the repository that holds the path, or the path is in none, so that a run inside the
 * repository finds what it always found; else the top level of the path's repository, as if run
 * there. `validate ~/src/fork/certified-connectors/Foo` run from the home folder used no
 * configuration (or another repository's), and showed findings the repository's CI, which runs at
 * its top level, does not: rules turned off came back and `ignore` was not applied.
 */
export function configSearchStart(given: string, cwd: string): string {
  const root = repositoryRootOf(existingFolderOf(path.resolve(cwd, given)));
  if (root === undefined) return cwd;
  const cwdRoot = repositoryRootOf(cwd);
  return cwdRoot !== undefined && sameFile(cwdRoot, root) ? cwd : root;
}

/**
 * The configuration file that applies to `paths` (from `cwd`): each path's, found from where its
 * search starts (configSearchStart). One run applies one configuration, so paths whose files differ
 * (two repositories, or a repository's path beside one that no file applies to) are a usage error
 * naming two of them: findings that depend on the company a path keeps would differ from the
 * repository's CI. No path: the working directory's file.
 */
export function findConfigFileOfPaths(paths: readonly string[], cwd: string): string | undefined {
  const fileFrom = new Map<string, string | undefined>();
  let first: { given: string; file: string | undefined } | undefined;
  for (const given of paths) {
    const start = configSearchStart(given, cwd);
    if (!fileFrom.has(start)) fileFrom.set(start, findConfigFile(start));
    const file = fileFrom.get(start);
    if (!first) first = { given, file };
    else if (!sameConfiguration(file, first.file)) {
      const named = (found: string | undefined) =>
        found === undefined ? 'no configuration file' : quoted(toDisplayPath(cwd, found));
      throw new UsageError(
        `takes its configuration from ${named(file)}, and ${quoted(first.given)} from ${named(first.file)}.`,
        {
          location: { file: given },
          hint: "One run applies one configuration: run once for each repository, or give the file to apply to every path (--config, the action's config input).",
        },
      );
    }
  }
  return first ? first.file : findConfigFile(cwd);
}

function sameConfiguration(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameFile(a, b);
}

/** Whether two paths lead to one file or folder (the temp folder is reached through a link on macOS). */
function sameFile(a: string, b: string): boolean {
  return realPath(a) === realPath(b);
}

function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The folder a path is in, or is: a path that does not exist (a connector folder the branch
 * deleted, a mistyped one that validation will report) is in the nearest folder above it that does.
 */
function existingFolderOf(absolute: string): string {
  let at = absolute;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return isFile(at) ? path.dirname(at) : at;
}
