import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isWithin } from '@connector-alm/core';

/**
 * Makes `folder` with its missing parents, and returns what removes the folders it made again: a
 * failed unpack into `solutions/Contoso/src` must not leave `solutions/Contoso` behind. Each is
 * removed only while it is empty (or already gone), so nothing put there meanwhile is lost.
 */
export async function makeFolderWithParents(folder: string): Promise<() => Promise<void>> {
  const resolved = path.resolve(folder);
  const first = await fs.mkdir(resolved, { recursive: true });
  return async () => {
    if (first === undefined) return;
    for (let made = resolved; isWithin(first, made); made = path.dirname(made)) {
      const gone = await fs.rmdir(made).then(
        () => true,
        (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
      );
      if (!gone || made === first) return;
    }
  };
}
