import path from 'node:path';
import { isWithin, slashSeparated } from '@connector-alm/core';
import type { DiscoveredTree } from '../loader/discover.js';
import type { GitIgnored } from '../loader/connector-folder.js';
import { Git } from './git.js';
import { isRepositoryRoot } from './repository-root.js';

/**
 * Up to this many connector folders of a work tree, git is asked about those folders alone; past it,
 * about the whole work tree, whose paths would make a command line longer than Windows takes (32,767
 * characters) in a checkout of PowerPlatformConnectors.
 */
const MAX_FOLDERS_NAMED = 50;

/**
 * What git ignores in each connector folder that discovery found (`tree`, for `paths` given from
 * `cwd`): the names of its entries that git ignores (a paconn settings.json, a .vscode/ folder), or
 * `all` when it ignores the folder itself. A folder git ignores nothing of is not in the map.
 *
 * Git is asked once per work tree, and not at all for folders in none: discovery noted the
 * repositories it met in the listings it read, and only the folders above each path given are
 * looked at for a `.git` entry, so that validating the corpus, which is in no work tree, costs a few
 * looks at the disk and no git process. `onFailure`: `ignore` for a plain `validate`, which checks
 * the folders as they are on disk and takes nothing for ignored when git cannot tell (not installed,
 * a repository it refuses); `throw` for `validate --base`, whose comparison has asked git already.
 * `paths` are the paths discovery was given, from `cwd`.
 */
export async function gitIgnoredEntries(
  tree: DiscoveredTree,
  options: {
    paths: readonly string[];
    cwd: string;
    onFailure: 'ignore' | 'throw';
    /** The git of a work tree's top level: a port for tests, which count the git processes. */
    gitAt?: (root: string) => Pick<Git, 'ignoredEntries'>;
  },
): Promise<Map<string, GitIgnored>> {
  const ignored = new Map<string, GitIgnored>();
  if (tree.folders.length === 0) return ignored;
  const { onFailure, gitAt = (root: string) => new Git(root) } = options;
  const byRoot = foldersByWorkTree(tree, options.paths, options.cwd);
  for (const [root, folders] of byRoot) {
    const named = folders.length <= MAX_FOLDERS_NAMED ? folders.map((folder) => specOf(root, folder)) : [];
    let listed: string[];
    try {
      // A folder that is the top level itself is named by no pathspec: the whole tree is asked about.
      listed = await gitAt(root).ignoredEntries(named.includes('') ? [] : named);
    } catch (error) {
      if (onFailure === 'throw') throw error;
      continue;
    }
    for (const [folder, entries] of ignoredByFolder(root, folders, listed)) ignored.set(folder, entries);
  }
  return ignored;
}

/** The folders of `tree` by the top level of the work tree each is in; those in none are left out. */
function foldersByWorkTree(
  tree: DiscoveredTree,
  paths: readonly string[],
  cwd: string,
): Map<string, string[]> {
  const known = new Set(tree.repositoryRoots);
  // The folders discovery listed end at each path given (or at the folder of a file given); above
  // them, the disk is looked at, once per folder.
  const stops = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    stops.add(absolute);
    stops.add(path.dirname(absolute));
  }
  const above = new Map<string, string | undefined>();
  const rootAbove = (folder: string): string | undefined => {
    if (above.has(folder)) return above.get(folder);
    const parent = path.dirname(folder);
    const root = isRepositoryRoot(folder) ? folder : parent === folder ? undefined : rootAbove(parent);
    above.set(folder, root);
    return root;
  };
  const byRoot = new Map<string, string[]>();
  for (const folder of tree.folders) {
    let root: string | undefined;
    for (let at = folder; ; at = path.dirname(at)) {
      if (known.has(at)) {
        root = at;
        break;
      }
      if (stops.has(at) || path.dirname(at) === at) {
        root = path.dirname(at) === at ? undefined : rootAbove(path.dirname(at));
        break;
      }
    }
    if (root === undefined) continue;
    const inRoot = byRoot.get(root);
    if (inRoot) inRoot.push(folder);
    else byRoot.set(root, [folder]);
  }
  return byRoot;
}

/** A folder as git's pathspec names it from the top level `root`: `/`-separated, '' for the top level. */
function specOf(root: string, folder: string): string {
  return slashSeparated(path.relative(root, folder));
}

/** What git's listing (relative to `root`) says each of `folders` has ignored. */
function ignoredByFolder(
  root: string,
  folders: readonly string[],
  listed: readonly string[],
): Map<string, GitIgnored> {
  const namesIn = new Map<string, string[]>();
  const wholeFolders = new Set<string>();
  for (const entry of listed) {
    const isFolder = entry.endsWith('/');
    const absolute = path.join(root, isFolder ? entry.slice(0, -1) : entry);
    const parent = path.dirname(absolute);
    const names = namesIn.get(parent);
    if (names) names.push(path.basename(absolute));
    else namesIn.set(parent, [path.basename(absolute)]);
    if (isFolder) wholeFolders.add(absolute);
  }
  const ignored = new Map<string, GitIgnored>();
  for (const folder of folders) {
    let whole = false;
    // The folder itself, or a folder above it up to the top level.
    for (let at = folder; at !== root && isWithin(root, at); at = path.dirname(at)) {
      if (wholeFolders.has(at)) whole = true;
    }
    const names = namesIn.get(folder);
    if (whole) ignored.set(folder, 'all');
    else if (names !== undefined) ignored.set(folder, names);
  }
  return ignored;
}
