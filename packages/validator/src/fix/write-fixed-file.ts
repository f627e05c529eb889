import { promises as fs } from 'node:fs';
import { isBelow, writeFileAtomically } from '@connector-alm/core';
import { entryPath } from '../loader/connector-folder.js';
import { isWritableFile } from './file-writable.js';

/** A file written, or why it was not. */
export type FixWrite = { written: true } | { written: false; reason: string };

/**
 * Writes the fixed text of the file `name` of a connector folder (absolute), in place of `read`,
 * the text it had when it was read. Checked again at the time of writing, as the loader checks
 * when reading: a symbolic link is written through only to a file inside the folder (the link is
 * kept, its target replaced), and a file that no longer holds what was read is left alone: a
 * fix made of old text would undo the edits made since. A read-only file is left alone too: the
 * rename of the new text over it would replace it anyway (and give it to whoever ran the fix).
 */
export async function writeFixedFile(
  folder: string,
  name: string,
  read: string,
  fixed: string,
): Promise<FixWrite> {
  const file = entryPath(folder, name);
  const stat = await fs.lstat(file);
  let target = file;
  if (stat.isSymbolicLink()) {
    target = await fs.realpath(file);
    if (!isBelow(await fs.realpath(folder), target)) {
      return refused('it is a symbolic link to a file outside the connector folder; it was not written.');
    }
  }
  const current = await fs.stat(target);
  if (!current.isFile()) return refused('it is not a regular file.');
  if (!(await isWritableFile(target, current))) {
    return refused(
      'it is read-only: it was not written; make it writable (or check it out for editing) and run validate --fix again.',
    );
  }
  if (!(await fs.readFile(target)).equals(Buffer.from(read, 'utf8'))) {
    return refused('it changed since it was read; run validate --fix again.');
  }
  await writeFileAtomically(target, Buffer.from(fixed, 'utf8'), { mode: current.mode & 0o7777 });
  return { written: true };
}

function refused(reason: string): FixWrite {
  return { written: false, reason };
}
