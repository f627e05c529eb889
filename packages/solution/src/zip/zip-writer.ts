import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { refuseFolder, refusePathThroughFile } from '../fs/folder-path.js';
import {
  forgetTemporary,
  makeFolderWithParents,
  removeTemporary,
  syncFile,
  targetWriteError,
  temporarySibling,
  unreadablePathError,
  writeTarget,
  writingTo,
} from '@connector-alm/core';

/**
 * An entry to write: bytes already in memory, a file streamed from disk, or bytes made only when the
 * entry's turn comes (so that a thousand reformatted files are never all in memory at once).
 */
export type ZipSource =
  | { name: string; data: Buffer }
  | { name: string; file: string }
  | { name: string; load: () => Promise<Buffer> }
  /** Bytes made a chunk at a time as the entry is written, never all held: a large customizations.xml. */
  | { name: string; chunks: () => Iterable<Buffer> };

export interface WriteZipOptions {
  /**
   * The one timestamp every entry gets. Fixed by default so that packing the same folder twice
   * gives the same bytes, which keeps release artefacts reproducible.
   */
  mtime?: Date;
}

const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** The calls on the zip's own file whose failures name no path. */
const OWN_FILE_CALLS = new Set(['write', 'fdatasync', 'fsync', 'close']);

/** What to give instead of a folder where a zip is to be written. */
export const ZIP_PATH_HINT = 'Give the path of the zip file to write, ending in .zip.';

/**
 * Writes a deflated zip to a temporary file beside `destination`, flushes it to the disk and renames
 * it into place, so a failure or a power loss leaves any earlier file at `destination` as it was,
 * and a failure none of the folders made for it.
 */
export async function writeZipAtomically(
  destination: string,
  sources: Iterable<ZipSource>,
  options: WriteZipOptions = {},
): Promise<void> {
  await refuseFolder(destination, 'a zip', ZIP_PATH_HINT);
  refusePathThroughFile(destination);
  // Through a link, to where it leads (writeTarget): the rename would replace the link itself.
  const target = writeTarget(destination);
  const made = await writingTo(destination, async () => makeFolderWithParents(path.dirname(target)));
  const temporary = temporarySibling(target);
  const zip = new yazl.ZipFile();
  const entryOptions = {
    mtime: options.mtime ?? FIXED_MTIME,
    forceDosTimestamp: true,
    compress: true,
    mode: 0o100644,
  };
  const output = zip.outputStream as unknown as NodeJS.ReadableStream & { destroy(error?: Error): void };
  // yazl reports a source it cannot read (a file gone missing) on the ZipFile, not on its stream.
  zip.on('error', (error: Error) => output.destroy(error));
  const file = createWriteStream(temporary, { flags: 'wx' });
  const written = pipeline(output, file);
  let done = false;
  try {
    for (const source of sources) {
      if ('data' in source) zip.addBuffer(source.data, source.name, entryOptions);
      else if ('file' in source) zip.addFile(source.file, source.name, entryOptions);
      else if ('chunks' in source) {
        const chunks = source.chunks;
        zip.addReadStreamLazy(source.name, entryOptions, (callback) =>
          callback(null, Readable.from(chunks())),
        );
      } else {
        const load = source.load;
        zip.addReadStreamLazy(source.name, entryOptions, (callback) => {
          load().then(
            (bytes) => callback(null, Readable.from([bytes])),
            (error: Error) => callback(error, undefined as unknown as Readable),
          );
        });
      }
    }
    zip.end();
    await written;
    // On disk before the rename (syncFile): a power loss would otherwise leave a zip there but empty.
    await syncFile(temporary);
    await fs.rename(temporary, target);
    done = true;
  } catch (error) {
    output.destroy();
    await written.catch(() => undefined);
    // A source can fail before the temporary file is even open: the destroyed stream still opens it,
    // then closes it. Removed before that, it would be created again after the removal and left.
    // ('close', not events.once: that rejects on the stream's 'error', which a failed open emits.)
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await removeTemporary(temporary);
    // Only the zip's own file is the destination's problem; a source that cannot be read is not, and
    // is said of its path (a file added by path is read only as the zip is written). A failed write
    // or flush names no path (a full disk: ENOSPC, write; a disk error: EIO, fdatasync), but only
    // the zip's own file is written and flushed.
    const { path: failedPath, syscall } = (error ?? {}) as NodeJS.ErrnoException;
    if (
      failedPath === temporary ||
      failedPath === target ||
      failedPath === destination ||
      (failedPath === undefined && syscall !== undefined && OWN_FILE_CALLS.has(syscall))
    )
      throw targetWriteError(destination, error);
    throw (failedPath === undefined ? undefined : unreadablePathError(failedPath, error)) ?? error;
  } finally {
    forgetTemporary(temporary);
    // Here, not after the removal above: that removal can fail too (ENAMETOOLONG from its lstat).
    if (done) made.keep();
    else await made.remove();
  }
}
