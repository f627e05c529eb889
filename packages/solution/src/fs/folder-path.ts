import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';

/**
 * Refuses, before anything is written, a folder to write that exists as something else or whose
 * path runs through a file. Node would otherwise fail half-way with ENOTDIR or EEXIST, which the CLI
 * can only print as an unexpected failure. A link to a folder counts as a folder.
 * The error is located at the file in the way (the folder itself, or a parent that is a file), named
 * as the caller named the folder, so that an annotation can point at a file that exists.
 * A usage error (exit code 2 on the CLI): the path given is of the wrong kind, as a missing one is.
 */
export async function refuseNonFolder(folder: string): Promise<void> {
  const resolved = path.resolve(folder);
  for (let current = resolved; ; current = path.dirname(current)) {
    // stat follows links; lstat still sees a link that leads nowhere, which is not a folder either.
    const stat =
      (await fs.stat(current).catch(() => undefined)) ?? (await fs.lstat(current).catch(() => undefined));
    if (stat?.isDirectory()) return;
    if (stat) {
      const below = path.relative(current, resolved);
      throw new UsageError(
        below === ''
          ? 'exists and is not a folder.'
          : `is a file, not a folder, so ${below} cannot be made inside it.`,
        {
          location: { file: path.join(folder, path.relative(resolved, current)) },
          hint: 'Give the path of a folder, or move the file out of the way.',
        },
      );
    }
    if (path.dirname(current) === current) return;
  }
}

/**
 * Refuses, before any work, a file to write whose path is a folder: the final rename onto it would
 * fail with EISDIR only after the work is done. `what` names the file in the message ("the package
 * cannot be written there"). Returns what stands at the path, if anything, for callers that compare it.
 * A usage error, as refuseNonFolder's.
 */
export async function refuseFolder(file: string, what: string, hint: string): Promise<Stats | undefined> {
  const existing = await fs.stat(file).catch(() => undefined);
  if (existing?.isDirectory())
    throw new UsageError(`is a folder; ${what} cannot be written there.`, { location: { file }, hint });
  return existing;
}
