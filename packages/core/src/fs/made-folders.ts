import { lstatSync, mkdirSync, promises as fs, rmdirSync } from 'node:fs';
import path from 'node:path';
import { isFolder } from './is-file.js';
import { forgetMadeFolder, makeWhileListening, rememberMadeFolder } from './temporaries-on-signal.js';

/** The folders that makeFolderWithParents made, for its caller to remove or keep when done. */
export interface MadeFolders {
  /**
   * Removes them again, deepest first: a failed unpack into `solutions/Contoso/src` must not leave
   * `solutions/Contoso` behind, nor a failed `pack src a/b/x.zip` the folders a and a/b. Each is
   * removed only while it is empty (or already gone), so nothing put there meanwhile is lost.
   */
  remove(): Promise<void>;
  /** Keeps them: they hold the result of a write that is done. */
  keep(): void;
}

/**
 * Makes `folder` with its missing parents, for a writer whose target lies there. Until its caller
 * removes or keeps them, the folders it made are remembered for the signal clean-up
 * (temporaries-on-signal), which removes them too, each only while empty: Ctrl+C must not leave them
 * either. A folder that was there before is never among them.
 *
 * Made synchronously on purpose: a signal is handled only between two steps of JavaScript, so the
 * folders are made and remembered in one step. Made by a promise, they would exist, not yet
 * remembered, while the event loop waits for it, and a signal then left them. (A few lstat and
 * mkdir calls.) The signal listener is installed before the first is made (makeWhileListening):
 * without one, a signal ends the process at once, between two steps or not.
 */
export function makeFolderWithParents(folder: string): MadeFolders {
  const resolved = path.resolve(folder);
  const missing = missingFolders(resolved);
  // Nothing missing: as `mkdir -p`, nothing to do for a folder, EEXIST for a file.
  if (missing.length === 0) mkdirSync(resolved, { recursive: true });
  const made = makeWhileListening(() => makeEach(missing));
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

/**
 * Makes the folder that `file` is to be written in (makeFolderWithParents), runs `write`, and keeps
 * the folders it made only when `write` succeeds: a write that fails leaves no empty folders behind.
 */
export async function inFolderMadeFor<T>(file: string, write: () => Promise<T>): Promise<T> {
  const made = makeFolderWithParents(path.dirname(path.resolve(file)));
  try {
    const result = await write();
    made.keep();
    return result;
  } catch (error) {
    await made.remove();
    throw error;
  }
}

/**
 * `folder` and those of its parents that are not there, top first: what `mkdir -p` would make. Empty
 * when `folder` is there (a folder, or a file: makeEach then fails as mkdir does).
 */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let each = folder; !exists(each); each = path.dirname(each)) {
    missing.unshift(each);
    if (path.dirname(each) === each) break;
  }
  return missing;
}

/**
 * Makes the folders, top first, each remembered as soon as it is made, and returns them deepest
 * first. One that another process made since missingFolders looked (parallel packs into a new `out`)
 * is not ours: it is neither remembered nor returned, and the folders below it are still made, as
 * `mkdir -p` does. One that cannot be made fails with the error of its own mkdir, which names it (a
 * synchronous `mkdir -p` names the folder asked for instead); those made before it are removed again.
 *
 * What remains possible between processes: a folder we made and remove again (this failure, a failed
 * write, a signal) may be one that another process has just found there and is about to make its
 * own folder or file in. Each is removed only while empty, so nothing put there is lost, but that
 * process's next mkdir or write can still fail with ENOENT. Closing that would need a lock shared by
 * the processes; a failed write is rare, and the other process's error names the missing folder.
 */
function makeEach(missing: readonly string[]): string[] {
  const made: string[] = [];
  try {
    for (const each of missing) {
      if (!makeMissingFolder(each)) continue;
      made.unshift(each);
      rememberMadeFolder(each);
    }
  } catch (error) {
    for (const each of made) {
      try {
        rmdirSync(each);
      } catch {
        // Not empty: something was put there meanwhile, which is not ours to remove.
      }
      forgetMadeFolder(each);
    }
    throw error;
  }
  return made;
}

/**
 * Makes `folder`: true when this call made it, false when another process made it first. Anything
 * else there (a file, a link to one) fails with mkdir's EEXIST, as before. stat follows links, as
 * mkdir of the folders below does: a link to a folder serves as the folder, as mkdir -p takes it.
 */
export function makeMissingFolder(folder: string): boolean {
  try {
    mkdirSync(folder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(folder)) return false;
    throw error;
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
