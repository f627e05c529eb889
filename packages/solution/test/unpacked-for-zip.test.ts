import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inputWords } from '@connector-alm/core';
import { temporaryFolders } from '@connector-alm/testing';
import { unpackedForZipError } from '../src/solution/unpacked-for-zip.js';

const folders = temporaryFolders('unpacked-for-zip-');
afterAll(() => folders.cleanup());

function unpackedSolution(): string {
  const root = folders.make();
  mkdirSync(path.join(root, 'solution', 'Other'), { recursive: true });
  writeFileSync(path.join(root, 'solution', 'Other', 'Solution.xml'), '<ImportExportXml />\n');
  mkdirSync(path.join(root, 'solution', 'WebResources', 'a', 'b', 'c', 'd'), { recursive: true });
  return root;
}

describe('unpackedForZipError', () => {
  it("says what to give in an action's words", async () => {
    const cwd = unpackedSolution();
    const error = await unpackedForZipError(path.join('solution', 'Other', 'Solution.xml'), 'unpack', {
      cwd,
      say: inputWords,
    });
    expect(error?.hint).toBe(
      'It is unpacked already: edit its files there. To make a solution zip of it, pack it (the pack-solution action with folder: solution).',
    );
    expect(error?.location?.file).toBe(path.join(cwd, 'solution', 'Other', 'Solution.xml'));
  });

  it('looks up to four folders up for the solution, no further', async () => {
    const cwd = unpackedSolution();
    const near = path.join('solution', 'WebResources', 'a', 'b', 'c');
    const far = path.join(near, 'd');
    expect((await unpackedForZipError(near, 'read', { cwd, say: inputWords }))?.message).toBe(
      'is a folder of the unpacked solution in solution, not a solution zip.',
    );
    expect(await unpackedForZipError(far, 'read', { cwd, say: inputWords })).toBeUndefined();
  });

  it('has nothing to say of a path that is not there', async () => {
    expect(
      await unpackedForZipError('nothing.zip', 'import', { cwd: unpackedSolution(), say: inputWords }),
    ).toBeUndefined();
  });
});
