import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { isBelow, isWithin } from '../src/paths.js';

describe('isWithin and isBelow', () => {
  const root = path.resolve('/work/repo');
  it('take the root and what lies below it, and nothing beside or above it', () => {
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(root, path.join(root, 'a', 'b'))).toBe(true);
    expect(isWithin(root, path.join(root, '..config'))).toBe(true);
    expect(isWithin(root, path.resolve('/work/repo-other/x'))).toBe(false);
    expect(isWithin(root, path.resolve('/work'))).toBe(false);
    expect(isWithin(path.resolve('/'), path.resolve('/etc/x'))).toBe(true);
  });
  it('isBelow leaves out the root itself', () => {
    expect(isBelow(root, root)).toBe(false);
    expect(isBelow(root, path.join(root, 'a'))).toBe(true);
    expect(isBelow(root, path.resolve('/work/repo-other'))).toBe(false);
  });
});
