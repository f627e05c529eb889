import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isBelow, makeScratchFolder, removeScratchFolder, withoutTrailingSlashes } from '@connector-alm/core';
import type { Git } from './git.js';

/** A connector folder written out as it was at some commit. */
export interface MaterializedFolder {
  /** The folder itself, under `root`, at the same relative path as in the repository. */
  path: string;
  /** The temporary directory that holds it; remove it with `cleanup`. */
  root: string;
  cleanup(): Promise<void>;
}

/** Regular and executable files; links and submodules are left out (the loader would refuse links anyway). */
const FILE_MODES = new Set(['100644', '100755']);

/**
 * Writes `folder` (repository-relative, `.` for the top level) as it was at `rev` into a new
 * temporary directory, byte for byte from git's object store, keeping its path so that the profile
 * (certified-connectors/…) and the findings' relative files stay the same. Returns undefined when
 * the folder did not exist at `rev`: the connector is new.
 */
export async function materializeFolder(
  git: Git,
  rev: string,
  folder: string,
): Promise<MaterializedFolder | undefined> {
  const entries = (await git.listTree(rev, folder)).filter(
    (entry) => entry.type === 'blob' && FILE_MODES.has(entry.mode),
  );
  if (entries.length === 0) return undefined;
  // Remembered for the signal clean-up until cleanup: Ctrl+C in `validate --base` must not leave it.
  const root = makeScratchFolder('connector-alm-base-');
  const cleanup = (): Promise<void> => removeScratchFolder(root);
  try {
    const inside = folder === '.' || folder === '' ? '' : withoutTrailingSlashes(folder);
    const target = path.join(root, inside === '' ? 'connector' : inside);
    await fs.mkdir(target, { recursive: true });
    const blobs = await git.readBlobs([...new Set(entries.map((entry) => entry.object))]);
    for (const entry of entries) {
      const relative = inside === '' ? entry.path : entry.path.slice(inside.length + 1);
      const destination = path.resolve(target, relative);
      // Git never stores `..` segments, but a path must not leave the temporary directory whatever happens.
      if (!isBelow(target, destination)) continue;
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.writeFile(destination, blobs.get(entry.object) ?? Buffer.alloc(0));
    }
    return { path: target, root, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * The connector's folder at `rev` where it is now, else where the branch renamed it from: the first
 * of `places` that holds one, written out (materializeFolder), with the place it was found at.
 */
export async function materializeFirstFolder(
  git: Git,
  rev: string,
  places: readonly string[],
): Promise<{ place: string; folder: MaterializedFolder } | undefined> {
  for (const place of places) {
    const folder = await materializeFolder(git, rev, place);
    if (folder) return { place, folder };
  }
  return undefined;
}
