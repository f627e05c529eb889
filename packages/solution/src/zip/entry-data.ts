import { inflateRawSync } from 'node:zlib';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { plural } from '@connector-alm/core';
import type { EntryIntegrity } from './entry-integrity.js';
import { readAt } from './read-ahead.js';

/**
 * Read and inflate chunk of a streamed entry: 16 times Node's default, so a large file takes few
 * system calls, yet small enough that the chunks awaiting garbage collection stay a few MB (1 MB
 * chunks tripled the peak memory of the benchmark).
 */
export const STREAM_CHUNK_BYTES = 256 * 1024;
export const STORED = 0;
const DEFLATED = 8;

export function checkMethod(method: number): void {
  if (method !== STORED && method !== DEFLATED) throw new Error(`unsupported compression method ${method}`);
}

/**
 * Inflates a whole entry. The output buffer is capped at the declared size (zlib stops there), so
 * a lying header cannot make it allocate more than the limits already accepted.
 */
export function inflateWhole(method: number, data: Buffer, size: number): Buffer {
  checkMethod(method);
  if (method === STORED) return data;
  try {
    // One output buffer of the declared size: no chunk list to concatenate.
    return inflateRawSync(data, { chunkSize: Math.max(size, 64), maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`inflates past its declared size of ${plural(size, 'byte')}`, { cause: error });
    throw error;
  }
}

/**
 * The bytes of one range of the archive, read on demand. Not fs.createReadStream on the shared
 * descriptor: destroying that stream (as pipeline does on any error) closes the descriptor under
 * every other read of the archive.
 */
export function archiveSlice(fd: number, start: number, length: number): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: STREAM_CHUNK_BYTES,
    read() {
      if (offset >= length) {
        this.push(null);
        return;
      }
      readAt(fd, start + offset, Math.min(STREAM_CHUNK_BYTES, length - offset)).then(
        (chunk) => {
          if (chunk.length === 0) this.destroy(new Error('unexpected end of the archive'));
          else {
            offset += chunk.length;
            this.push(chunk);
          }
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

/**
 * Passes bytes through, checking each chunk and, at the end, the whole entry; `observe` sees each
 * checked chunk.
 */
export function checkingStream(integrity: EntryIntegrity, observe?: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        integrity.add(chunk);
        observe?.(chunk);
        callback(null, chunk);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        integrity.finish();
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
