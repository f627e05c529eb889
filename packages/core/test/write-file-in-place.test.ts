import { describe, expect, it } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  linkSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { isUserError, writeFileInPlace } from '../src/index.js';

// The writer of last resort for a file a new one may not replace (another user's, which
// validate --fix may write by its group's bit): the file itself is written, so it stays the same
// file, with its owner, group, mode and hard links.

const root = temporaryFolder('write-in-place-');
let count = 0;
const file = (text: string): string => {
  const made = path.join(root, `file-${++count}.json`);
  writeFileSync(made, text);
  return made;
};

describe('writeFileInPlace', () => {
  it('writes a shorter text over the file and cuts off the rest', async () => {
    const written = file('{"a": 1,}\n');
    await writeFileInPlace(written, Buffer.from('{"a": 1}'));
    expect(readFileSync(written, 'utf8')).toBe('{"a": 1}');
  });

  it('writes a longer text whole', async () => {
    const written = file('{}');
    const longer = `{"a": "${'x'.repeat(100_000)}"}`;
    await writeFileInPlace(written, Buffer.from(longer));
    expect(readFileSync(written, 'utf8')).toBe(longer);
  });

  it('keeps the file itself: its inode, its mode, its other hard links', async () => {
    const written = file('{"a": 1,}');
    chmodSync(written, 0o640);
    const other = path.join(root, 'hard-link.json');
    linkSync(written, other);
    const before = statSync(written);
    await writeFileInPlace(written, Buffer.from('{"a": 1}'));
    const after = statSync(written);
    expect([after.ino, after.mode & 0o7777, after.nlink]).toEqual([before.ino, 0o640, 2]);
    expect(readFileSync(other, 'utf8')).toBe('{"a": 1}');
  });

  it('does not follow a symbolic link put where the checked file was: a located error says so', async () => {
    // The caller passes the real path it checked; a link swapped in meanwhile (to a file the
    // caller never checked) must not be written through.
    const elsewhere = file('{"kept": true}');
    const swapped = path.join(root, 'swapped.json');
    symlinkSync(elsewhere, swapped);
    const failure = await writeFileInPlace(swapped, Buffer.from('{}')).catch((error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/ELOOP/);
    expect(readFileSync(elsewhere, 'utf8')).toBe('{"kept": true}');
  });

  it('makes no file that is missing: a located error says so', async () => {
    const missing = path.join(root, 'missing.json');
    const failure = await writeFileInPlace(missing, Buffer.from('{}')).catch((error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/ENOENT/);
  });

  /** The files this process has open, counted where the system lists them (Linux). */
  const openFiles = (): number => readdirSync('/proc/self/fd').length;
  const withOpenFiles = existsSync('/proc/self/fd') ? it : it.skip;

  // /dev/full opens as any file and refuses every write with ENOSPC, as a full disk does: the one
  // write failure after the open that a test can have. Its handle must be closed all the same.
  (existsSync('/dev/full') ? withOpenFiles : it.skip)(
    'tells a full disk as a located error, and leaves no file open after it',
    async () => {
      const before = openFiles();
      const failure = await writeFileInPlace('/dev/full', Buffer.from('{}')).catch((error: unknown) => error);
      expect(isUserError(failure)).toBe(true);
      expect((failure as Error).message).toMatch(/ENOSPC/);
      expect(openFiles()).toBe(before);
    },
  );

  withOpenFiles('leaves no file open after a write that succeeds', async () => {
    const written = file('{"a": 1,}');
    const before = openFiles();
    await writeFileInPlace(written, Buffer.from('{"a": 1}'));
    expect(openFiles()).toBe(before);
  });
});
