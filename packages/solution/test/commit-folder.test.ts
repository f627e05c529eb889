import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import type { UserError } from '@connector-alm/core';
import { commitFolder, isRepositoryFile } from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('commit-');
afterAll(() => temp.cleanup());

/** Writes `files` (relative path → text) under a new folder and returns it. */
function tree(files: Record<string, string>): string {
  const root = temp.make();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('commitFolder into an existing target', () => {
  // The file is reported by its own path, not by the deeper folder the new content needs there.
  it('replaces a file that the new content needs as a folder, and reports it deleted', async () => {
    const target = tree({ 'WebResources/lib': 'old file', 'Other/Solution.xml': 'same' });
    const staged = tree({ 'WebResources/lib/min/x.js': 'new', 'Other/Solution.xml': 'same' });
    const result = await commitFolder(staged, target, { stale: 'keep' });
    expect(result).toEqual({
      written: ['WebResources/lib/min/x.js'],
      deleted: ['WebResources/lib'],
      unchanged: ['Other/Solution.xml'],
      kept: [],
    });
    expect(readFileSync(path.join(target, 'WebResources/lib/min/x.js'), 'utf8')).toBe('new');
  });

  it('reports the files of a folder that the new content has as a file', async () => {
    const target = tree({ 'WebResources/lib/x.js': 'old', 'WebResources/lib/y/z.js': 'old' });
    const staged = tree({ 'WebResources/lib': 'now a file' });
    const result = await commitFolder(staged, target, { stale: 'keep' });
    expect(result).toEqual({
      written: ['WebResources/lib'],
      deleted: ['WebResources/lib/x.js', 'WebResources/lib/y/z.js'],
      unchanged: [],
      kept: [],
    });
    expect(readFileSync(path.join(target, 'WebResources/lib'), 'utf8')).toBe('now a file');
  });

  it('leaves a file that differs only as git renders LF on Windows (CRLF), and nothing else', async () => {
    const target = tree({
      'Other/Solution.xml': '<a>\r\n  <b />\r\n</a>\r\n',
      'Other/Changed.xml': '<a>\r\n  <b />\r\n</a>\r\n',
      'WebResources/crlf.js': 'x();\r\n',
      'WebResources/lone-cr.js': 'x();\r\n',
    });
    const staged = tree({
      'Other/Solution.xml': '<a>\n  <b />\n</a>\n',
      'Other/Changed.xml': '<a>\n  <c />\n</a>\n',
      // The new content has CRLF itself: the file on disk is not a rendering of it.
      'WebResources/crlf.js': 'x();\r\r\n',
      'WebResources/lone-cr.js': 'x();\r\n\n',
    });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    expect(result).toEqual({
      written: ['Other/Changed.xml', 'WebResources/crlf.js', 'WebResources/lone-cr.js'],
      deleted: [],
      unchanged: ['Other/Solution.xml'],
      kept: [],
    });
    expect(readFileSync(path.join(target, 'Other/Solution.xml'), 'utf8')).toBe('<a>\r\n  <b />\r\n</a>\r\n');
  });

  // Git leaves a CR in the repository's file as it is on checkout: a file on disk with a CR more
  // before each LF is no rendering of new content that has CRLF, and must be written.
  it('rewrites a file whose new content has CRLF, though the file on disk has a CR more before each LF', async () => {
    const target = tree({ 'WebResources/x.js': 'x();\r\r\ny();\r\n' });
    const staged = tree({ 'WebResources/x.js': 'x();\r\ny();\n' });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    expect(result.written).toEqual(['WebResources/x.js']);
    expect(readFileSync(path.join(target, 'WebResources/x.js'), 'utf8')).toBe('x();\r\ny();\n');
  });

  // Git converts no binary file (one with a NUL byte): its CRLF on disk is content of its own.
  it('rewrites a binary file that differs only by a CR before each LF', async () => {
    const target = tree({ 'WebResources/icon.bin': 'PNG\0\r\nIHDR\r\n' });
    const staged = tree({ 'WebResources/icon.bin': 'PNG\0\nIHDR\n' });
    const result = await commitFolder(staged, target, { stale: 'delete' });
    expect(result.written).toEqual(['WebResources/icon.bin']);
    expect(readFileSync(path.join(target, 'WebResources/icon.bin'), 'latin1')).toBe('PNG\0\nIHDR\n');
  });

  // A fresh clone has empty folders in .git (refs/tags, objects/info); without .git/refs git no
  // longer takes the folder for a repository.
  it('leaves the empty folders of what `protect` names when it removes emptied folders', async () => {
    const target = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'Removed/stale.xml': 'stale' });
    mkdirSync(path.join(target, '.git/refs/heads'), { recursive: true });
    mkdirSync(path.join(target, '.git/refs/tags'), { recursive: true });
    const staged = tree({ 'Other/Solution.xml': 'new' });
    const result = await commitFolder(staged, target, { stale: 'delete', protect: isRepositoryFile });
    expect(result.deleted).toEqual(['Removed/stale.xml']);
    expect(existsSync(path.join(target, 'Removed'))).toBe(false);
    expect(readdirSync(path.join(target, '.git/refs')).sort()).toEqual(['heads', 'tags']);
  });

  it('leaves and lists the files `keep` names, under either stale policy, and the folders that hold them', async () => {
    const isNote = (file: string): boolean => file.endsWith('.orig') || !file.includes('/');
    for (const stale of ['delete', 'keep'] as const) {
      const target = tree({
        'README.md': 'mine',
        'Workflows/Removed.json': 'stale',
        'Workflows/Removed.json.orig': 'mine',
        'Other/Solution.xml': 'old',
      });
      const staged = tree({ 'Other/Solution.xml': 'new' });
      const result = await commitFolder(staged, target, { stale, keep: isNote });
      expect(result).toEqual({
        written: ['Other/Solution.xml'],
        deleted: stale === 'delete' ? ['Workflows/Removed.json'] : [],
        unchanged: [],
        kept: ['README.md', 'Workflows/Removed.json.orig'],
      });
      expect(readFileSync(path.join(target, 'Workflows/Removed.json.orig'), 'utf8')).toBe('mine');
    }
  });

  it('refuses a link out of the target before making any folder outside it', async () => {
    const outside = temp.make();
    const target = tree({ 'Other/Solution.xml': 'old' });
    symlinkSync(outside, path.join(target, 'WebResources'), 'dir');
    const staged = tree({ 'WebResources/new/deeper/x.js': 'new' });
    const error = await commitFolder(staged, target, { stale: 'keep' }).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${path.join(target, 'WebResources')}: is a link that leads outside the target folder; nothing is written through it.`,
    );
    expect((error as UserError).hint).toBe('Remove the link from the target folder.');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(staged, 'WebResources/new/deeper/x.js'))).toBe(true);
  });

  it('says that a link in the target leads nowhere when it names nothing or leads round in a loop', async () => {
    for (const to of ['gone', 'WebResources']) {
      const target = tree({ 'Other/Solution.xml': 'old' });
      symlinkSync(to, path.join(target, 'WebResources'), 'dir');
      const staged = tree({ 'WebResources/x.js': 'new' });
      const error = await commitFolder(staged, target, { stale: 'keep' }).catch((e: unknown) => e);
      expect([to, locatedMessage(error)]).toEqual([
        to,
        `${path.join(target, 'WebResources')}: is a link that leads nowhere; nothing is written through it.`,
      ]);
      expect((error as { hint?: string }).hint).toBe('Remove the link from the target folder.');
      expect(existsSync(path.join(target, 'gone'))).toBe(false);
    }
  });

  it('says why a link whose target the file system refuses to look at is not written through', async () => {
    // realpath said ENAMETOOLONG, which was told as "is a link that leads nowhere", of a link whose
    // target is named; the reason and what to do are said instead.
    const target = tree({ 'Other/Solution.xml': 'old' });
    symlinkSync('w'.repeat(300), path.join(target, 'WebResources'), 'dir');
    const staged = tree({ 'WebResources/x.js': 'new' });
    const error = await commitFolder(staged, target, { stale: 'keep' }).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${path.join(target, 'WebResources')}: is a link whose target cannot be looked at: its path is longer than the file system allows (ENAMETOOLONG); nothing is written through it.`,
    );
    expect((error as { hint?: string }).hint).toBe(
      'Remove the link from the target folder, or point it at a folder with a shorter path.',
    );
  });

  it('writes through a link that stays inside the target', async () => {
    const target = tree({ 'real/keep.txt': 'kept' });
    symlinkSync(path.join(target, 'real'), path.join(target, 'alias'), 'dir');
    const staged = tree({ 'alias/new/x.js': 'new' });
    const result = await commitFolder(staged, target, { stale: 'keep' });
    expect(result.written).toEqual(['alias/new/x.js']);
    expect(readFileSync(path.join(target, 'real/new/x.js'), 'utf8')).toBe('new');
  });
});
