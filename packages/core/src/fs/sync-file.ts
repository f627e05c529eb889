import { promises as fs } from 'node:fs';

/**
 * Flushes the bytes of a file written by path (a write stream, `fs.writeFile`) to the disk, for a
 * writer about to rename it, or a folder holding it, into place: ext4 (for a new file), XFS and
 * btrfs may write the rename to the disk first, and after a power loss the file is then there but
 * empty or partial. Opened for writing, not reading: Windows flushes a file (FlushFileBuffers) only
 * through a handle that may write it. Opening it changes neither its bytes nor its times.
 *
 * `datasync`: the bytes and what reading them back needs (the size, the blocks), not the times, which
 * a full sync also writes; the same on Windows (FlushFileBuffers).
 */
export async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
