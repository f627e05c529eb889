import { read } from 'node:fs';
import { promisify } from 'node:util';

const readAsync = promisify(read);

/** Up to `length` bytes at `position`; fewer only at the end of the file. */
export async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await readAsync(fd, buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Reads small ranges of a file through a read-ahead window. A solution holds a thousand entries of
 * a few KB side by side; reading them in archive order, one window read serves a few hundred of
 * them, where one read each would cost a thread-pool round trip per entry.
 */
export class ReadAheadFile {
  private window: { start: number; bytes: Promise<Buffer> } | undefined;

  constructor(
    private readonly fd: number,
    private readonly windowBytes: number,
  ) {}

  /** Up to `length` bytes at `position`; fewer only at the end of the file. */
  async read(position: number, length: number): Promise<Buffer> {
    if (length > this.windowBytes) return readAt(this.fd, position, length);
    const current = this.window;
    if (current && position >= current.start && position + length <= current.start + this.windowBytes) {
      const bytes = await current.bytes;
      const offset = position - current.start;
      // A window cut short by the end of the file serves what it holds, as a direct read would.
      return bytes.subarray(offset, offset + length);
    }
    const bytes = readAt(this.fd, position, this.windowBytes);
    this.window = { start: position, bytes };
    return (await bytes).subarray(0, length);
  }
}
