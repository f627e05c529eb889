import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forgetTemporary, makeWhileListening, rememberTemporary } from './temporaries-on-signal.js';

/**
 * A new, empty folder in the system's temporary folder (`<tmp>/<prefix>1a2b3c`), for work that is
 * never renamed into place: a solution zip staged to read its connectors, a package's nested zips,
 * a connector as it was at the base commit. It is remembered for the signal clean-up
 * (temporaries-on-signal) until removeScratchFolder: Ctrl+C or a cancelled job must not leave it,
 * with a copy of the maker's solution in it, in a temp folder that a self-hosted runner keeps.
 *
 * Made synchronously on purpose, as makeFolderWithParents: made and remembered in one step, with
 * the signal listener installed before (makeWhileListening), so a signal is handled only once it
 * is remembered.
 */
export function makeScratchFolder(prefix: string): string {
  return makeWhileListening(() => {
    const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
    rememberTemporary(folder, 'scratch');
    return folder;
  });
}

/** Removes a folder of makeScratchFolder with all it holds, and forgets it. */
export async function removeScratchFolder(folder: string): Promise<void> {
  try {
    await fs.rm(folder, { recursive: true, force: true });
  } finally {
    forgetTemporary(folder);
  }
}
