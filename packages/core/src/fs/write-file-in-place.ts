import { constants as fsConstants, promises as fs } from 'node:fs';
import { writingTo } from './write-failure.js';

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

/**
 * Writes `bytes` into the file `file` itself, which keeps its owner, group, mode, ACLs and hard links: no new file takes its place. The price is
 * atomicity: a failure half-way leaves half a file, so `writeFileAtomically` is the rule and this the
 * exception, for a file that a new one could not replace as it is (one of another user's).
 * The bytes are written over the old ones first and the rest cut off after, rather than the file
 * emptied first: a text no longer than the old one needs no new blocks of the disk, so a full disk
 * cannot leave it empty, and a reader meanwhile sees the old length, not nothing.
 * The file must exist: it is opened without O_CREAT. And it must be no symbolic link (O_NOFOLLOW,
 * ELOOP): the caller checked the real path it passes, and a link swapped in for it meanwhile would
 * be followed to wherever it leads. (Windows has no O_NOFOLLOW; its links need privileges to make.)
 */
export async function writeFileInPlace(file: string, bytes: Uint8Array): Promise<void> {
  await writingTo(file, async () => {
    const handle = await fs.open(file, fsConstants.O_WRONLY | NO_FOLLOW);
    try {
      // From the handle's position, 0 as it was just opened; writeFile goes on until all is written.
      await handle.writeFile(bytes);
      await handle.truncate(bytes.length);
    } finally {
      await handle.close();
    }
  });
}
