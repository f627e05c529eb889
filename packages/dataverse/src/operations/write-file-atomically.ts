import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { writingTo } from '@connector-alm/solution';

/** Writes through a temporary file in the same folder and renames, so a failure never leaves half a zip. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await writingTo(file, async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = temporaryOf(file);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  });
}

/**
 * Creates and removes the temporary file that `writeFileAtomically` will write, so that a folder
 * which refuses it is told before a long export runs, not after its result is downloaded.
 */
export async function checkWritable(file: string): Promise<void> {
  if ((await stat(file).catch(() => undefined))?.isDirectory())
    throw new UserError(`${file} is a folder; the exported zip cannot be written there.`, {
      hint: 'Give the path of the zip file to write, ending in .zip.',
    });
  await writingTo(file, async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = temporaryOf(file);
    await writeFile(temporary, '');
    await rm(temporary, { force: true });
  });
}

function temporaryOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}
