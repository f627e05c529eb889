import { promises as fs, type Stats } from 'node:fs';
import { isBelow, writeFileAtomically, writeFileInPlace } from '@connector-alm/core';
import { entryPath } from '../loader/connector-folder.js';
import { isWritableFile } from './file-writable.js';
import { canReplaceKeepingOwner, processUser } from './replace-keeping-owner.js';

/** A file written, or why it was not. */
export type FixWrite = { written: true } | { written: false; reason: string };

/**
 * Writes the fixed text of the file `name` of a connector folder (absolute), in place of `read`,
 * the text it had when it was read. Checked again at the time of writing, as the loader checks
 * when reading: a symbolic link is written through only to a file inside the folder (the link is
 * kept, its target replaced), and a file that no longer holds what was read is left alone: a
 * fix made of old text would undo the edits made since. A read-only file is left alone too: the
 * rename of the new text over it would replace it anyway.
 * The file keeps its owner, group and mode: a maker who fixes a shared checkout does not make its
 * files theirs (see `writeKeepingOwner`).
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
  await writeKeepingOwner(target, Buffer.from(fixed, 'utf8'), current);
  return { written: true };
}

/**
 * Writes `bytes` to `file`, which keeps the owner, group and mode of `stat`. Replaced through a
 * temporary file when the new file can be given its owner and group (we own the file and are of
 * its group, or are root), so that a failure never leaves half a file. Otherwise written in
 * place: a new file would be ours, of our group, and only root may give it away; a group member
 * who may write the file would take it from its owner. Written in place too when the file has
 * other names (hard links), for everyone: see `canReplaceKeepingOwner`. Atomicity is given up for
 * those cases only.
 */
async function writeKeepingOwner(file: string, bytes: Buffer, stat: Stats): Promise<void> {
  const user = processUser();
  if (canReplaceKeepingOwner(stat, user)) {
    // On Windows there are no owners to keep (user.uid is undefined).
    const owner = user.uid === undefined ? undefined : { uid: stat.uid, gid: stat.gid };
    await writeFileAtomically(file, bytes, { mode: stat.mode & 0o7777, owner });
  } else {
    await writeFileInPlace(file, bytes);
  }
}

function refused(reason: string): FixWrite {
  return { written: false, reason };
}
