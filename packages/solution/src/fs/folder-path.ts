import { promises as fs, type Stats } from 'node:fs';
import {
  fileInTheWay,
  pathThroughFileError,
  refuseBackslashPathToWrite,
  refuseBlockedOutputPath,
  UsageError,
} from '@connector-alm/core';

/** What to do about a file that stands where a folder of a path to write must be. */
export const PATH_THROUGH_FILE_HINT =
  'Give a path that runs through folders only, or move the file out of the way.';

/**
 * Refuses, before anything is written, a folder to write that exists as something else or whose
 * path runs through a file. Node would otherwise fail half-way with ENOTDIR or EEXIST, which the CLI
 * can only print as an unexpected failure. A link to a folder counts as a folder.
 * The error is located at the file in the way (the folder itself, or a parent that is a file), named
 * as the caller named the folder, so that an annotation can point at a file that exists.
 * A usage error (exit code 2 on the CLI): the path given is of the wrong kind, as a missing one is.
 */
export async function refuseNonFolder(folder: string): Promise<void> {
  // stat follows links; lstat still sees a link that leads nowhere, which is not a folder either.
  const stat =
    (await fs.stat(folder).catch(() => undefined)) ?? (await fs.lstat(folder).catch(() => undefined));
  if (stat?.isDirectory()) return;
  // A link that leads nowhere (or round in a loop) was "exists and is not a folder" too. Even one to
  // a folder not there yet is refused: mkdir cannot make a folder through a link.
  refuseBlockedOutputPath(folder, {
    throughFileHint: PATH_THROUGH_FILE_HINT,
    brokenLinkHint: 'Give the path of a folder, or remove the link.',
    newTarget: 'refused',
  });
  if (stat)
    throw new UsageError('exists and is not a folder.', {
      location: { file: folder },
      hint: 'Give the path of a folder, or move the file out of the way.',
    });
}

/**
 * Refuses, before anything is written, a file or folder to write whose path runs through a file:
 * "file.txt: is a file, not a folder, so out.zip cannot be made inside it.", located at the file in
 * the way, as for a folder to write. A zip's staging file beside it, or mkdir of its folder, would
 * otherwise fail with ENOTDIR (named at the zip's path, or as an unexpected failure).
 */
export function refusePathThroughFile(target: string): void {
  // `out\Contoso.zip` on Linux would be one new name, in no folder of that name: refused with the `/` version.
  refuseBackslashPathToWrite(target);
  const way = fileInTheWay(target);
  if (way) throw pathThroughFileError(way, 'made', PATH_THROUGH_FILE_HINT);
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
