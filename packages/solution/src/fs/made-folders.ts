import { promises as fs } from 'node:fs';
import path from 'node:path';
import { forgetMadeFolder, isWithin, rememberMadeFolder } from '@connector-alm/core';

/** The folders that makeFolderWithParents made, for its caller to remove or keep when done. */
export interface MadeFolders {
  /**
   * Removes them again, deepest first: a failed unpack into `solutions/Contoso/src` must not leave
   * `solutions/Contoso` behind. Each is removed only while it is empty (or already gone), so nothing
   * put there meanwhile is lost.
   */
  remove(): Promise<void>;
  /** Keeps them: they hold the result of a write that is done. */
  keep(): void;
}

/**
 * Makes `folder` with its missing parents. Until its caller removes or keeps them, the folders it
 * made are remembered for the signal clean-up (temporaries-on-signal), which removes them too, each
 * only while empty: Ctrl+C must not leave them either. A folder that was there before is never
 * among them.
 */
export async function makeFolderWithParents(folder: string): Promise<MadeFolders> {
  const resolved = path.resolve(folder);
  const first = await fs.mkdir(resolved, { recursive: true });
  // Remembered before anything else runs: a signal is handled only between two steps of the writer.
  const made = first === undefined ? [] : foldersFrom(first, resolved);
  for (const each of made) rememberMadeFolder(each);
  const forget = (): void => made.forEach(forgetMadeFolder);
  return {
    async remove() {
      try {
        for (const each of made) {
          const gone = await fs.rmdir(each).then(
            () => true,
            (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
          );
          if (!gone) return;
        }
      } finally {
        forget();
      }
    },
    keep: forget,
  };
}

/** `deepest` and its parents up to `first`, which lies above it (or is it), deepest first. */
function foldersFrom(first: string, deepest: string): string[] {
  const folders: string[] = [];
  for (let each = deepest; isWithin(first, each); each = path.dirname(each)) {
    folders.push(each);
    if (each === first) break;
  }
  return folders;
}
