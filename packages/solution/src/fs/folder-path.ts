import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';

/**
 * Refuses, before anything is written, a folder to write that exists as something else or whose
 * path runs through a file. Node would otherwise fail half-way with ENOTDIR or EEXIST, which the CLI
 * can only print as an unexpected failure. A link to a folder counts as a folder.
 */
export async function refuseNonFolder(folder: string): Promise<void> {
  const resolved = path.resolve(folder);
  for (let current = resolved; ; current = path.dirname(current)) {
    // stat follows links; lstat still sees a link that leads nowhere, which is not a folder either.
    const stat =
      (await fs.stat(current).catch(() => undefined)) ?? (await fs.lstat(current).catch(() => undefined));
    if (stat?.isDirectory()) return;
    if (stat) {
      throw new UserError(
        current === resolved
          ? `${folder} exists and is not a folder.`
          : `${folder} cannot be made: ${current} is a file, not a folder.`,
        { hint: 'Give the path of a folder, or move the file out of the way.' },
      );
    }
    if (path.dirname(current) === current) return;
  }
}
