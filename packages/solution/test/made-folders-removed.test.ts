import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pendingMadeFolders, pendingTemporaries } from '@connector-alm/core';
import { checkWritable, writeZipAtomically } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

// pack to a/b/x.zip (and build-solution, package build) made a and a/b with `mkdir -p` and left them,
// empty, when the write failed; checkWritable, which export runs before its long wait, made them for
// its probe and left them whatever became of the export.

const temp = temporaryFolders('made-folders-');
afterAll(() => temp.cleanup());

/**
 * A zip name the file system takes (250 bytes) whose temporary sibling it refuses (ENAMETOOLONG): a
 * write that fails only after the zip's folders are made.
 */
const LONG_NAME = `${'x'.repeat(246)}.zip`;

it('writeZipAtomically removes the folders it made when the zip cannot be written', async () => {
  const work = temp.make();
  mkdirSync(path.join(work, 'existing'));
  const zip = path.join(work, 'existing/a/b', LONG_NAME);
  await expect(writeZipAtomically(zip, [{ name: 'x.txt', data: Buffer.from('x') }])).rejects.toThrow(
    /ENAMETOOLONG/,
  );
  expect(readdirSync(work)).toEqual(['existing']);
  expect(readdirSync(path.join(work, 'existing'))).toEqual([]);
  expect(pendingMadeFolders()).toEqual([]);
  expect(pendingTemporaries()).toEqual([]);
});

it('checkWritable leaves none of the folders it made for its probe, whether the probe succeeds or not', async () => {
  const work = temp.make();
  await checkWritable(path.join(work, 'a/b/export.zip'));
  expect(readdirSync(work)).toEqual([]);
  await expect(checkWritable(path.join(work, 'a/b', LONG_NAME))).rejects.toThrow(/ENAMETOOLONG/);
  expect(readdirSync(work)).toEqual([]);
  expect(pendingMadeFolders()).toEqual([]);
});
