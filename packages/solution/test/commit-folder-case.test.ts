import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseInsensitiveFs } from '@connector-alm/testing';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('commit-case-');
afterAll(() => temp.cleanup());

let insensitiveRoot: string | undefined;
jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => insensitiveRoot));
const { commitFolder } = await import('../src/fs/commit-folder.js');

function tree(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Every file under `root`, as the disk names them. */
function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('commitFolder on a case-insensitive file system (Windows, macOS)', () => {
  it('renames a file whose name changed only in case, instead of deleting it as stale', async () => {
    // A flow renamed from "My flow" to "My Flow": same content, the export names the file anew.
    const root = temp.make();
    insensitiveRoot = root;
    const target = tree(path.join(root, 'src'), {
      'Workflows/Myflow-1A2B.json': '{"flow":1}',
      'Other/Solution.xml': 'same',
    });
    const staged = tree(path.join(root, 'staged'), {
      'Workflows/MyFlow-1A2B.json': '{"flow":1}',
      'Other/Solution.xml': 'same',
    });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    insensitiveRoot = undefined;
    expect(filesOf(target)).toEqual(['Other/Solution.xml', 'Workflows/MyFlow-1A2B.json']);
    expect(readFileSync(path.join(target, 'Workflows/MyFlow-1A2B.json'), 'utf8')).toBe('{"flow":1}');
    expect(result).toEqual({
      written: ['Workflows/MyFlow-1A2B.json'],
      deleted: ['Workflows/Myflow-1A2B.json'],
      unchanged: ['Other/Solution.xml'],
      kept: [],
    });
  });

  it('renames a folder whose name changed only in case, keeping its files', async () => {
    const root = temp.make();
    insensitiveRoot = root;
    const target = tree(path.join(root, 'src'), {
      'webresources/a.js': 'a',
      'webresources/b.js': 'b',
      'webresources/old.js': 'stale',
    });
    const staged = tree(path.join(root, 'staged'), {
      'WebResources/a.js': 'a',
      'WebResources/b.js': 'b changed',
    });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    insensitiveRoot = undefined;
    expect(filesOf(target)).toEqual(['WebResources/a.js', 'WebResources/b.js']);
    expect(readFileSync(path.join(target, 'WebResources/b.js'), 'utf8')).toBe('b changed');
    expect(result).toEqual({
      written: ['WebResources/a.js', 'WebResources/b.js'],
      deleted: ['webresources/a.js', 'webresources/b.js', 'webresources/old.js'],
      unchanged: [],
      kept: [],
    });
  });

  it('renames a file in a folder renamed before it, and says what it was called', async () => {
    const root = temp.make();
    insensitiveRoot = root;
    const target = tree(path.join(root, 'src'), { 'webresources/a.js': 'a', 'webresources/B.js': 'b' });
    const staged = tree(path.join(root, 'staged'), { 'WebResources/a.js': 'a', 'WebResources/b.js': 'b' });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    insensitiveRoot = undefined;
    expect(filesOf(target)).toEqual(['WebResources/a.js', 'WebResources/b.js']);
    expect(result.deleted).toEqual(['webresources/B.js', 'webresources/a.js']);
  });

  // The folder's other files move with it; a sibling whose name starts the same does not.
  it('renames a nested folder whose name changed only in case, and no sibling that shares its start', async () => {
    const root = temp.make();
    insensitiveRoot = root;
    const target = tree(path.join(root, 'src'), {
      'Assets/webresources/a.js': 'a',
      'Assets/webresources/b.js': 'b',
      'Assets/webresources/c.js': 'c',
      'Assets/webresources-old/d.js': 'd',
    });
    const staged = tree(path.join(root, 'staged'), {
      'Assets/WebResources/a.js': 'a',
      'Assets/WebResources/b.js': 'b changed',
      'Assets/WebResources/c.js': 'c',
      'Assets/webresources-old/d.js': 'd',
    });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    insensitiveRoot = undefined;
    expect(filesOf(target)).toEqual([
      'Assets/WebResources/a.js',
      'Assets/WebResources/b.js',
      'Assets/WebResources/c.js',
      'Assets/webresources-old/d.js',
    ]);
    expect(result).toEqual({
      written: ['Assets/WebResources/a.js', 'Assets/WebResources/b.js', 'Assets/WebResources/c.js'],
      deleted: ['Assets/webresources/a.js', 'Assets/webresources/b.js', 'Assets/webresources/c.js'],
      unchanged: ['Assets/webresources-old/d.js'],
      kept: [],
    });
  });

  it('on a case-sensitive file system, writes the new name and deletes the old one', async () => {
    const target = tree(temp.make(), { 'Workflows/Myflow-1A2B.json': '{"flow":1}' });
    const staged = tree(temp.make(), { 'Workflows/MyFlow-1A2B.json': '{"flow":1}' });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    expect(filesOf(target)).toEqual(['Workflows/MyFlow-1A2B.json']);
    expect(result).toEqual({
      written: ['Workflows/MyFlow-1A2B.json'],
      deleted: ['Workflows/Myflow-1A2B.json'],
      unchanged: [],
      kept: [],
    });
  });
});
