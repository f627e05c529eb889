import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';

/** The owner and permission bits of a file, as a stat gives them. */
export type FileOwnership = Pick<Stats, 'mode' | 'uid'>;

/**
 * Whether the file's owner write permission decides that it is read-only: for its owner, and for
 * root, who may write any file, the cleared bit is what says "read-only" (and Windows' read-only
 * attribute clears it; there `uid` is undefined). For anyone else the bit says nothing about them: a
 * file of mode 0464 whose group may write it, or an ACL that lets them, is writable, and whether it
 * is only the system's `access` knows.
 */
export function readOnlyByOwnerBit(file: FileOwnership, processUid: number | undefined): boolean {
  const ownerBitCounts = processUid === undefined || processUid === 0 || processUid === file.uid;
  return ownerBitCounts && (file.mode & 0o200) === 0;
}

/** Whether this process may write the file `stat` describes (followed through links), as `validate --fix` would. */
export async function isWritableFile(file: string, stat: FileOwnership): Promise<boolean> {
  if (readOnlyByOwnerBit(stat, process.getuid?.())) return false;
  try {
    await fs.access(file, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}
