import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetMadeFolder,
  forgetTemporary,
  pendingMadeFolders,
  pendingTemporaries,
  writeFileAtomically,
} from '../src/index.js';

// A writer makes the missing folders of its target (`mkdir -p`). When the write fails, or a signal
// ends it, those folders are left empty: `export -o a/b/x.zip` that fails left a/b.

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'made-folders-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const name of pendingTemporaries()) forgetTemporary(name);
  for (const made of pendingMadeFolders()) forgetMadeFolder(made);
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

/**
 * A file name the file system takes (250 bytes) whose temporary sibling it refuses (ENAMETOOLONG):
 * a write that fails only after the target's folders are made.
 */
const LONG_NAME = `${'x'.repeat(246)}.zip`;

describe('writeFileAtomically into folders it makes', () => {
  it('removes the folders it made when the write fails, and keeps the one that was there', async () => {
    const work = folder();
    mkdirSync(path.join(work, 'existing'));
    const target = path.join(work, 'existing/a/b', LONG_NAME);
    await expect(writeFileAtomically(target, Buffer.from('{}'))).rejects.toThrow(/ENAMETOOLONG/);
    expect(readdirSync(work)).toEqual(['existing']);
    expect(readdirSync(path.join(work, 'existing'))).toEqual([]);
    expect(pendingMadeFolders()).toEqual([]);
  });

  // `mkdir -p a/<256 bytes>` made a, then failed, and left it.
  it('removes the folders it made above one it cannot make, and names that one', async () => {
    const work = folder();
    const tooLong = path.join(work, 'a', 'y'.repeat(256));
    const error = await writeFileAtomically(path.join(tooLong, 'c.json'), Buffer.from('{}')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ message: expect.stringContaining(`(ENAMETOOLONG, mkdir ${tooLong})`) });
    expect(readdirSync(work)).toEqual([]);
    expect(pendingMadeFolders()).toEqual([]);
  });

  it('keeps them once the file is written', async () => {
    const work = folder();
    await writeFileAtomically(path.join(work, 'a/b/c.json'), Buffer.from('{}'));
    expect(readdirSync(path.join(work, 'a/b'))).toEqual(['c.json']);
    expect(pendingMadeFolders()).toEqual([]);
  });

  // A signal is handled between two steps of JavaScript: folders made and remembered in one step
  // leave no moment when they exist unknown to the signal clean-up.
  it('remembers the folders for the signal clean-up in the step that makes them', async () => {
    const work = folder();
    const writing = writeFileAtomically(path.join(work, 'a/b/c.json'), Buffer.from('{}'));
    expect(existsSync(path.join(work, 'a/b'))).toBe(true);
    expect(pendingMadeFolders().sort()).toEqual([path.join(work, 'a'), path.join(work, 'a/b')]);
    await writing;
    expect(pendingMadeFolders()).toEqual([]);
  });
});
