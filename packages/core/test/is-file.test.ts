import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { isFile } from '../src/fs/is-file.js';

const root = temporaryFolder('is-file-');
mkdirSync(path.join(root, 'folder'));
writeFileSync(path.join(root, 'notes.txt'), 'a file\n');
symlinkSync(path.join(root, 'notes.txt'), path.join(root, 'link-to-file'));
symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));

describe('isFile', () => {
  it('is true for a file, and for a link to one', () => {
    expect(isFile(path.join(root, 'notes.txt'))).toBe(true);
    expect(isFile(path.join(root, 'link-to-file'))).toBe(true);
  });

  it('is false for a folder, a missing path, a dangling link and a path below a file', () => {
    expect(isFile(path.join(root, 'folder'))).toBe(false);
    expect(isFile(path.join(root, 'missing.txt'))).toBe(false);
    expect(isFile(path.join(root, 'dangling'))).toBe(false);
    expect(isFile(path.join(root, 'notes.txt', 'inner.json'))).toBe(false);
  });
});
