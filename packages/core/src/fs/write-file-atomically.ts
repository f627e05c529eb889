import { promises as fs } from 'node:fs';
import { writeTarget } from '../broken-link.js';
import { inFolderMadeFor } from './made-folders.js';
import { forgetTemporary } from './temporaries-on-signal.js';
import { removeTemporary, temporarySibling } from './temporary-sibling.js';
import { writingTo } from './write-failure.js';

export interface AtomicWriteOptions {
  /**
   * The permission bits the file gets (e.g. those of the file it replaces: the rename puts a new
   * file in its place, which would otherwise get the defaults). Set after writing, so no umask
   * applies.
   */
  mode?: number;
  /**
   * The owner and group the file gets (e.g. those of the file it replaces: the new file is the
   * writer's, of the writer's group). Only root may give a file away, and only a member may give it
   * a group: the caller makes sure it may (the chown fails otherwise, and nothing is replaced).
   */
  owner?: { uid: number; gid: number };
}

/**
 * Writes through a temporary file in the same folder, flushed to the disk, and renames, so a failure
 * or a power loss never leaves half a file. Missing parent folders are made, and removed again when the write fails (inFolderMadeFor).
 * A `file` that is a symbolic link is written through: the file it leads to is replaced, the link kept.
 */
export async function writeFileAtomically(
  file: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  // Through a link, to where it leads (writeTarget): the rename would replace the link itself.
  const target = writeTarget(file);
  await writingTo(file, () => inFolderMadeFor(target, () => writeThroughTemporary(target, bytes, options)));
}

async function writeThroughTemporary(
  file: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const temporary = temporarySibling(file);
  try {
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      // Before the mode: a chown clears the set-user-ID and set-group-ID bits.
      if (options.owner !== undefined) await handle.chown(options.owner.uid, options.owner.gid);
      if (options.mode !== undefined) await handle.chmod(options.mode);
      // On disk before the rename: ext4 (for a new file), XFS and btrfs may write the rename first,
      // and after a power loss the file is then there but empty. The folder is not synced after the
      // rename: that would make the new name last, not the file whole (a loss then leaves the old
      // file, whole), and cost a second flush per file for validate --fix on many files; Windows
      // cannot sync a folder either.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await removeTemporary(temporary);
    throw error;
  } finally {
    forgetTemporary(temporary);
  }
}
