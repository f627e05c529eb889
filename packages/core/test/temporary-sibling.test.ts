import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import {
  forgetTemporary,
  pendingTemporaries,
  removeTemporary,
  targetOfTemporary,
  temporarySibling,
} from '../src/index.js';

afterEach(() => {
  for (const name of pendingTemporaries()) forgetTemporary(name);
});

it('finds the target of a temporary sibling, of one with a suffix, and of a temporary of one', () => {
  const target = path.resolve('out', 'x.zip');
  const staged = temporarySibling(target, '.zip');
  expect(targetOfTemporary(temporarySibling(target))).toBe(target);
  expect(targetOfTemporary(staged)).toBe(target);
  // The package build writes its staged zips through temporaries of their own.
  expect(targetOfTemporary(temporarySibling(staged))).toBe(target);
  expect(targetOfTemporary(`${temporarySibling(target)}.managed`)).toBe(target);
});

it('finds none for a name of the user', () => {
  for (const name of ['x.zip', '.x.zip', '.x.zip.tmp', '.x.zip.0123456789AB.tmp', '.x.zip.0123.tmp'])
    expect(targetOfTemporary(path.resolve(name))).toBeUndefined();
});

it('names the temporary by its absolute path, which a clean-up after a change of folder still finds', () => {
  const staged = temporarySibling(path.join('out', 'x.zip'));
  expect(path.isAbsolute(staged)).toBe(true);
  expect(path.dirname(staged)).toBe(path.resolve('out'));
});

describe('removeTemporary', () => {
  it('removes a staging folder with what it holds, and is content when the temporary is not there', async () => {
    const folder = temporaryFolder('remove-temporary-');
    const staging = temporarySibling(path.join(folder, 'out'));
    mkdirSync(path.join(staging, 'Other'), { recursive: true });
    writeFileSync(path.join(staging, 'Other', 'Solution.xml'), '<x/>');
    await removeTemporary(staging);
    expect(readdirSync(folder)).toEqual([]);
    await expect(
      removeTemporary(temporarySibling(path.join(folder, 'never-made.zip'))),
    ).resolves.toBeUndefined();
  });

  // The write that failed making it said so; the removal's own ENAMETOOLONG would only repeat it.
  it('is content with a temporary whose path is too long to have been made', async () => {
    const tooLong = temporarySibling(path.join(temporaryFolder('remove-temporary-'), 'x'.repeat(300)));
    await expect(removeTemporary(tooLong)).resolves.toBeUndefined();
  });

  it('passes on a failure of the removal other than a path too long', async () => {
    // A name below a regular file: the removal fails with ENOTDIR, which no write said before.
    const folder = temporaryFolder('remove-temporary-');
    writeFileSync(path.join(folder, 'file'), '');
    await expect(removeTemporary(path.join(folder, 'file', 'x'))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
  });
});
