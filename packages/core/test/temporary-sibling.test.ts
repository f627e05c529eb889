import { afterEach, expect, it } from '@jest/globals';
import path from 'node:path';
import { forgetTemporary, pendingTemporaries, targetOfTemporary, temporarySibling } from '../src/index.js';

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
