import { promises as fs } from 'node:fs';

/** A file read through `readFileWithin` held more than `limitBytes`; what was read of it is dropped. */
export class FileTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file holds more than ${limitBytes} bytes`);
    this.name = 'FileTooLarge';
  }
}

/** The bytes read at a time from a file that is not regular (a pipe, a device), whose size is unknown. */
const PIECE_BYTES = 1024 * 1024;

/**
 * A file's bytes, or FileTooLarge once more than `limitBytes` are there. A path a user names alone
 * (diff's two versions, --config) may be anything: readFile of /dev/zero grew past 8 GB, and a 110 MB
 * swagger was read whole where validate reads none over 64 MB. A regular file over the limit is
 * refused by its size, unread; a pipe stays readable (`diff <(git show …) …` is a documented use) up
 * to the limit, as is a device. Errors of the file system (EACCES, ENOENT) are thrown as they come,
 * for the caller's located words.
 */
export async function readFileWithin(file: string, limitBytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > limitBytes) throw new FileTooLarge(limitBytes);
    const pieces: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit tells a file of exactly the limit from a longer one.
      const room = Math.min(PIECE_BYTES, limitBytes + 1 - total);
      const piece = Buffer.allocUnsafe(room);
      const { bytesRead } = await handle.read(piece, 0, room, null);
      if (bytesRead === 0) return Buffer.concat(pieces, total);
      total += bytesRead;
      if (total > limitBytes) throw new FileTooLarge(limitBytes);
      pieces.push(bytesRead === room ? piece : piece.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}
