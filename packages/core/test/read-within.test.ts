import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { FileTooLarge, readFileWithin } from '../src/fs/read-within.js';

const folder = temporaryFolder('connector-alm-read-within-');

describe('readFileWithin', () => {
  it('reads a file of exactly the limit whole, over several pieces', async () => {
    const file = path.join(folder, 'at-limit');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 5, 'x');
    writeFileSync(file, bytes);
    expect((await readFileWithin(file, bytes.length)).equals(bytes)).toBe(true);
  });

  it('refuses a regular file a byte over the limit by its size', async () => {
    const file = path.join(folder, 'sparse');
    writeFileSync(file, '');
    // 1 TB and no room on the disk: read, it would not end in time.
    truncateSync(file, 2 ** 40);
    await expect(readFileWithin(file, 1024)).rejects.toBeInstanceOf(FileTooLarge);
  });

  it('stops a file whose size is not known (a device, a pipe) once past the limit', async () => {
    await expect(readFileWithin('/dev/zero', 5 * 1024 * 1024)).rejects.toEqual(
      new FileTooLarge(5 * 1024 * 1024),
    );
  });

  // A pipe gives what its writer has written so far: a read may fill only part of its piece.
  (process.platform === 'win32' ? it.skip : it)('reads a pipe written a little at a time whole', async () => {
    const fifo = path.join(folder, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The shell opens the pipe for writing once the read below has opened it for reading.
    const writer = spawn('sh', ['-c', `{ printf 'first,'; sleep 0.2; printf 'second'; } > "$0"`, fifo]);
    const read = readFileWithin(fifo, 1024);
    await new Promise((resolve) => writer.on('close', resolve));
    expect((await read).toString()).toBe('first,second');
  });

  it("throws the file system's errors as they come, for the caller's words", async () => {
    await expect(readFileWithin(path.join(folder, 'missing'), 1024)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
