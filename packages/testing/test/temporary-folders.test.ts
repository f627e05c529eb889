import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder, temporaryFolders } from '../src/temporary-folders.js';

// Folders made at the top of the file, in a hook, in tests and by temporaryFolders, each with
// something in it: all are gone once the file's tests are done. This file's own afterAll runs after
// the module's, which the import above registered first, so it sees what the module's left.
const made: string[] = [temporaryFolder('temporary-folders-top-')];
afterAll(() => {
  expect(made.filter((folder) => existsSync(folder))).toEqual([]);
});

describe('temporaryFolder', () => {
  beforeAll(() => {
    made.push(temporaryFolder('temporary-folders-hook-'));
  });

  it('makes a new empty folder in the system temp folder, named with the prefix', () => {
    const folder = temporaryFolder('temporary-folders-test-');
    made.push(folder);
    expect(path.basename(folder)).toMatch(/^temporary-folders-test-\w{6}$/);
    expect(existsSync(folder)).toBe(true);
    // Kept until the file's tests are done, however much it holds.
    mkdirSync(path.join(folder, 'nested', 'deeper'), { recursive: true });
    writeFileSync(path.join(folder, 'nested', 'deeper', 'file.txt'), 'kept until the end of the file');
  });

  it('keeps the folders of earlier tests until the file is done', () => {
    expect(made.filter((folder) => !existsSync(folder))).toEqual([]);
  });
});

describe('temporaryFolders', () => {
  it('removes its own folders at cleanup, and only its own', () => {
    const mine = temporaryFolders('temporary-folders-mine-');
    const first = mine.make();
    const second = mine.make();
    writeFileSync(path.join(second, 'file.txt'), 'x');
    const other = temporaryFolder('temporary-folders-other-');
    made.push(first, second, other);
    mine.cleanup();
    expect([first, second].filter((folder) => existsSync(folder))).toEqual([]);
    expect(existsSync(other)).toBe(true);
    // Folders made after a cleanup are removed at the next.
    const third = mine.make();
    made.push(third);
    mine.cleanup();
    expect(existsSync(third)).toBe(false);
  });

  it('leaves folders it made and did not clean up to the end of the file', () => {
    const left = temporaryFolders('temporary-folders-left-').make();
    made.push(left);
    // There until the file is done: its afterAll checks it is gone then.
    expect(existsSync(left)).toBe(true);
  });
});
