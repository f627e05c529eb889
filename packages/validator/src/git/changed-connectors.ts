import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isTopFolderName } from '@connector-alm/core';
import { isConnectorFolderListing } from '../loader/connector-folder.js';
import { discoverConnectorFolders } from '../loader/discover.js';
import type { Git } from './git.js';

/**
 * Files changed on this branch: between the merge base and HEAD, plus (when asked) the uncommitted
 * and untracked files of the work tree. Repository-relative, `/`-separated, sorted.
 */
export async function changedFilesSince(
  git: Git,
  mergeBase: string,
  options: { includeWorkingTree?: boolean } = {},
): Promise<string[]> {
  const { known, untracked } = await branchChanges(git, mergeBase, options);
  return [...new Set([...known, ...untracked])].sort();
}

/**
 * The files changed on this branch as changedFilesSince lists them, told apart: those git knows
 * (committed, or changed in the work tree or the index, a staged new file included), and the
 * untracked files of the work tree, which no commit holds until they are added.
 */
export async function branchChanges(
  git: Git,
  mergeBase: string,
  options: { includeWorkingTree?: boolean } = {},
): Promise<{ known: string[]; untracked: string[] }> {
  const known = new Set(await git.changedFiles(mergeBase, 'HEAD'));
  if (!options.includeWorkingTree) return { known: [...known].sort(), untracked: [] };
  for (const file of await git.changedFiles(mergeBase)) known.add(file);
  return { known: [...known].sort(), untracked: (await git.untrackedFiles()).sort() };
}

/**
 * The connector folders (repository-relative, `.` for the top level) that hold the changed files,
 * as discovering the tree finds them: for each file, its outermost enclosing folder that is a
 * direct child of `certified-connectors/` (or another top folder of the layout), or that is a
 * connector folder in the work tree or at `baseRev` (a connector deleted on the branch still
 * counts; the top level only in the work tree). So a new folder with only a readme, or with a
 * misnamed swagger, is a changed connector and is validated, as `validate` on the tree would. Files
 * outside any connector (the repository's README, workflows) map to nothing.
 */
export async function connectorFoldersOf(
  files: readonly string[],
  git: Git,
  topLevel: string,
  baseRev: string,
): Promise<string[]> {
  const verdicts = new Map<string, Promise<boolean>>();
  const isConnector = (folder: string): Promise<boolean> => {
    let verdict = verdicts.get(folder);
    if (!verdict) {
      verdict = isConnectorFolderIn(folder, git, topLevel, baseRev);
      verdicts.set(folder, verdict);
    }
    return verdict;
  };
  const projects = new Map<string, Promise<string[] | undefined>>();
  const heldConnectors = (folder: string): Promise<string[] | undefined> => {
    let held = projects.get(folder);
    if (!held) {
      held = connectorsHeldBy(folder, topLevel);
      projects.set(folder, held);
    }
    return held;
  };
  const topLevelCounts = isTopLevelConnectorNow(topLevel);
  const found = new Set<string>();
  for (const file of files) {
    // Outermost first, as discovery descends: a connector folder nested in another one's
    // subfolder belongs to the outer one.
    for (const folder of ancestors(file).reverse()) {
      if (folder === '.' && !(await topLevelCounts)) continue;
      if (isInLayoutFolder(folder) && !(await isConnector(folder))) {
        // A project that keeps its connector further down (Snowflake v2's ConnectorArtifacts/):
        // the file is of the folder discovery finds that holds it, or of none (the project's C#).
        const held = await heldConnectors(folder);
        if (held) {
          const owner = held.find((connector) => file.startsWith(`${connector}/`));
          if (owner) found.add(owner);
          break;
        }
      }
      if (isInLayoutFolder(folder) || (await isConnector(folder))) {
        found.add(folder);
        break;
      }
    }
  }
  return [...found].sort();
}

/**
 * The connector folders discovery finds in a child of a top folder that is no connector folder
 * itself (repository-relative), or undefined when it finds the child itself, or the child is gone
 * from the work tree (a connector deleted on the branch).
 */
async function connectorsHeldBy(folder: string, topLevel: string): Promise<string[] | undefined> {
  const absolute = path.join(topLevel, folder);
  const held = await discoverConnectorFolders([absolute], topLevel).catch(() => [absolute]);
  if (held.length === 1 && held[0] === absolute) return undefined;
  return held.map((connector) => path.relative(topLevel, connector).split(path.sep).join('/'));
}

/**
 * The top level counts only while it is a connector folder in the work tree. One that was a
 * connector folder at the base only (upstream's #2178 moved such files into certified-connectors/)
 * cannot be reported deleted, nor be a rename's source; named as a changed folder, it would have
 * every connector of the repository validated for a change to its README.md.
 */
async function isTopLevelConnectorNow(topLevel: string): Promise<boolean> {
  return isConnectorFolderListing(await fs.readdir(topLevel).catch(() => [] as string[]));
}

/** A direct child of a top folder of the layout, such as `certified-connectors/Contoso`. */
function isInLayoutFolder(folder: string): boolean {
  const parent = path.posix.dirname(folder);
  return parent !== '.' && isTopFolderName(path.posix.basename(parent));
}

async function isConnectorFolderIn(
  folder: string,
  git: Git,
  topLevel: string,
  baseRev: string,
): Promise<boolean> {
  const onDisk = await fs.readdir(path.join(topLevel, folder)).catch(() => [] as string[]);
  if (isConnectorFolderListing(onDisk)) return true;
  const atBase = await git.listFolder(baseRev, folder);
  return isConnectorFolderListing(
    atBase.filter((entry) => entry.type === 'blob').map((entry) => path.posix.basename(entry.path)),
  );
}

/** `a/b/c.json` → `a/b`, `a`, `.` */
function ancestors(file: string): string[] {
  const result: string[] = [];
  let folder = path.posix.dirname(file);
  while (folder !== '.' && folder !== '/' && folder !== '') {
    result.push(folder);
    folder = path.posix.dirname(folder);
  }
  result.push('.');
  return result;
}
