import { promises as fs } from 'node:fs';
import path from 'node:path';
import { refusePathThroughFile } from './folder-path.js';
import { temporarySibling } from './temporary.js';
import { writingTo } from './write-failure.js';

/** Writes through a temporary file in the same folder and renames, so a failure never leaves half a file. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await writingTo(file, async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = temporarySibling(file);
    try {
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  });
}

/**
 * Creates and removes a temporary file where `writeFileAtomically` will write one, so that a folder
 * which refuses it is told before a long piece of work runs, not after its result is made. A folder
 * path through a file is refused as such first: mkdir would only say EEXIST or ENOTDIR.
 */
export async function checkWritable(file: string): Promise<void> {
  refusePathThroughFile(file);
  await writingTo(file, async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = temporarySibling(file);
    await fs.writeFile(temporary, '');
    await fs.rm(temporary, { force: true });
  });
}
