import path from 'node:path';
import { existingFolderOf, isWithin, toDisplayPath, UsageError } from '@connector-alm/core';
import { quoted } from '../text/message-values.js';
import { Git, NotAWorkTreeError } from './git.js';
import { RepositoryOwnerError } from './refused-ownership.js';
import { realCasePath } from './repository-paths.js';
import { isRepositoryRoot } from './repository-root.js';

/**
 * The git work tree that holds the paths to compare with a base ref: the one they are in, wherever
 * the command runs. `validate ~/src/connectors/certified-connectors/Contoso --base main` run from the
 * home folder was told that the home folder is no git work tree. The working directory's work tree
 * is kept when it holds every path and no repository is nested between a path and its top level, so
 * that the common run asks git nothing more. A path in a nested repository (an ignored clone, a
 * submodule, a home folder that is a dotfiles repository) is compared in that one: the outer one
 * sees nothing of its changes, and said "No problems". The paths must share one work tree: one
 * comparison has one merge base. A path in no work tree at all (extract-connectors' output under
 * runner.temp) is left to be validated without a comparison (validateAgainstBase: `uncompared`),
 * unless no path is in one: then there is nothing to compare, and it is refused (NotAWorkTreeError).
 */
export async function repositoryOfPaths(paths: readonly string[], cwd: string): Promise<Git> {
  const atCwd = new Git(cwd);
  const folders = await Promise.all(paths.map((given) => nearestFolder(path.resolve(cwd, given))));
  const cwdTop = await atCwd.topLevel().then(realCasePath, () => undefined);
  if (cwdTop !== undefined && folders.every((folder) => isDirectlyIn(cwdTop, folder))) return atCwd;

  let first: { given: string; top: string; git: Git } | undefined;
  let inNoWorkTree: NotAWorkTreeError | undefined;
  const topOf = new Map<string, string>();
  for (const [index, given] of paths.entries()) {
    const folder = folders[index]!;
    const git = new Git(folder);
    let top = topOf.get(folder);
    if (top === undefined) {
      const asked = await git.topLevel().then(realCasePath, (error: unknown) => locatedAt(error, given));
      if (asked instanceof NotAWorkTreeError) {
        inNoWorkTree ??= asked;
        continue;
      }
      if (typeof asked !== 'string') throw asked;
      top = asked;
      topOf.set(folder, top);
    }
    if (!first) first = { given, top, git };
    else if (top !== first.top) {
      throw new UsageError(
        `is in the git work tree ${quoted(toDisplayPath(cwd, top))}, and ${quoted(first.given)} in ${quoted(toDisplayPath(cwd, first.top))}.`,
        {
          location: { file: given },
          hint: 'A comparison with a base ref is made in one repository: give the paths of one, and run once for each repository.',
        },
      );
    }
  }
  if (!first && inNoWorkTree) throw inNoWorkTree;
  // No path at all: the working directory's, as validate's default path is.
  return first?.git ?? atCwd;
}

/**
 * Whether `folder` is in the work tree whose top level is `top` and in no repository nested in it:
 * no folder from it up to `top` (excluded) holds a `.git` entry, a folder or a submodule's file.
 * Looked at on disk, without asking git.
 */
function isDirectlyIn(top: string, folder: string): boolean {
  if (!isWithin(top, folder)) return false;
  for (let at = folder; at !== top; at = path.dirname(at)) {
    if (isRepositoryRoot(at)) return false;
    if (path.dirname(at) === at) return false;
  }
  return true;
}

/** The real path of the folder a path is in, or is (existingFolderOf: a deleted folder's parent). */
async function nearestFolder(absolute: string): Promise<string> {
  const folder = existingFolderOf(absolute);
  return realCasePath(folder).catch(() => folder);
}

/**
 * "is not inside a git work tree" said of the path given, not of the folder git was asked in. A
 * repository git refuses for its owner stays at the repository: the command that lets git in names it.
 */
function locatedAt(error: unknown, given: string): unknown {
  if (!(error instanceof UsageError) || error.location === undefined) return error;
  if (error instanceof RepositoryOwnerError) return error;
  if (error instanceof NotAWorkTreeError) return new NotAWorkTreeError(given);
  return new UsageError(error.message, { location: { file: given }, hint: error.hint });
}
