import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { describeUserError } from '../src/errors.js';
import { linkTrouble } from '../src/broken-link.js';
import { fileInTheWay, missingPathError, pathThroughFileError } from '../src/file-in-the-way.js';

const root = temporaryFolder('file-in-the-way-');
mkdirSync(path.join(root, 'folder'));
writeFileSync(path.join(root, 'notes.txt'), 'a file\n');
symlinkSync(path.join(root, 'folder'), path.join(root, 'linked'));
symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
symlinkSync('loop', path.join(root, 'loop'));

describe('fileInTheWay', () => {
  it('finds the file a path runs through, named as the path was, with the rest below it', () => {
    expect(fileInTheWay('notes.txt/out.zip', root)).toEqual({ file: 'notes.txt', below: 'out.zip' });
    expect(fileInTheWay('notes.txt/a/b.zip', root)).toEqual({
      file: 'notes.txt',
      below: path.join('a', 'b.zip'),
    });
    const absolute = path.join(root, 'notes.txt', 'out.zip');
    expect(fileInTheWay(absolute)).toEqual({ file: path.join(root, 'notes.txt'), below: 'out.zip' });
    // A link that leads nowhere is no folder either; its target is kept to tell the user.
    expect(fileInTheWay('dangling/out.zip', root)).toEqual({
      file: 'dangling',
      below: 'out.zip',
      link: { to: path.join(root, 'nowhere'), leads: 'nowhere' },
    });
  });

  it('finds none where every part that exists is a folder, a link to one included, or at the path itself', () => {
    expect(fileInTheWay('folder/new/out.zip', root)).toBeUndefined();
    expect(fileInTheWay('linked/out.zip', root)).toBeUndefined();
    expect(fileInTheWay('notes.txt', root)).toBeUndefined();
  });
});

describe('pathThroughFileError', () => {
  it('is located at the file in the way and says what cannot be done below it', () => {
    const way = fileInTheWay('notes.txt/settings.json', root)!;
    expect(describeUserError(pathThroughFileError(way, 'read', 'Give the settings file.'))).toBe(
      'notes.txt: is a file, not a folder, so settings.json cannot be read inside it. Give the settings file.',
    );
  });

  it('calls a link that leads nowhere a link, and names its target, rather than a file', () => {
    // It said "dangling: is a file, not a folder": users looked for a file and found none.
    const dangling = fileInTheWay('dangling/out/x.zip', root)!;
    expect(describeUserError(pathThroughFileError(dangling, 'made', 'Move it.'))).toBe(
      `dangling: is a symbolic link that leads nowhere (to '${path.join(root, 'nowhere')}'), so ${path.join('out', 'x.zip')} cannot be made inside it. Move it.`,
    );
    const loop = fileInTheWay('loop/x.zip', root)!;
    expect(describeUserError(pathThroughFileError(loop, 'read', 'Move it.'))).toBe(
      "loop: is a symbolic link that leads nowhere (to 'loop'), so x.zip cannot be read inside it. Move it.",
    );
  });
});

describe('a link whose target cannot be looked at', () => {
  // Any failure of stat after a good lstat was "leads nowhere": a link into a folder the user may
  // not enter sent them looking for a target that is there. (Run for real as another user in
  // packages/cli/test/file-in-the-way-bundle.test.ts.)
  it('leads nowhere only when its target is not there, or round in a loop', () => {
    expect(['ENOENT', 'ENOTDIR', 'ELOOP'].map(linkTrouble)).toEqual(['nowhere', 'nowhere', 'nowhere']);
    expect(['EACCES', 'EPERM'].map(linkTrouble)).toEqual(['permission', 'permission']);
    expect(linkTrouble('EIO')).toEqual({ code: 'EIO' });
    expect(linkTrouble(undefined)).toEqual({ code: 'error' });
  });

  it('says that permission is denied, or the error, rather than that it leads nowhere', () => {
    const way = (leads: 'permission' | { code: string }) => ({
      file: 'reports',
      below: 'r.sarif',
      link: { to: '/srv/private/reports', leads },
    });
    expect(describeUserError(pathThroughFileError(way('permission'), 'made', 'Move it.'))).toBe(
      "reports: is a symbolic link whose target cannot be reached (permission denied) (to '/srv/private/reports'), so r.sarif cannot be made inside it. Move it.",
    );
    expect(describeUserError(pathThroughFileError(way({ code: 'EIO' }), 'read', 'Move it.'))).toBe(
      "reports: is a symbolic link whose target cannot be reached (EIO) (to '/srv/private/reports'), so r.sarif cannot be read inside it. Move it.",
    );
  });
});

describe('missingPathError', () => {
  it('is located at the file in the way of a path to read', () => {
    expect(describeUserError(missingPathError('notes.txt/x.zip', 'Give the zip.', { cwd: root }))).toBe(
      'notes.txt: is a file, not a folder, so x.zip cannot be read inside it. Give the zip.',
    );
  });

  it('gives the hint for a path through a file where the one for a missing path does not fit', () => {
    const options = { cwd: root, throughFileHint: 'Move the file out of the way.' };
    expect(describeUserError(missingPathError('notes.txt/out', 'Make it first.', options))).toBe(
      'notes.txt: is a file, not a folder, so out cannot be read inside it. Move the file out of the way.',
    );
    expect(describeUserError(missingPathError('folder/out', 'Make it first.', options))).toBe(
      'folder/out: does not exist. Make it first.',
    );
  });

  it('is located at a link that leads nowhere, and says so', () => {
    expect(describeUserError(missingPathError('dangling/x.zip', 'Give the zip.', { cwd: root }))).toBe(
      `dangling: is a symbolic link that leads nowhere (to '${path.join(root, 'nowhere')}'), so x.zip cannot be read inside it. Give the zip.`,
    );
  });

  it("says a path that is a link to nothing as a link, in the caller's framing when it gives one", () => {
    const options = { cwd: root, message: "Input 'settings' names a file that does not exist." };
    // Without a framing for the link, the CLI's words, which name no input: `message` is for a missing file.
    expect(describeUserError(missingPathError('loop', 'Give the file.', options))).toBe(
      "loop: is a symbolic link that leads nowhere (to 'loop'). Give the file.",
    );
    expect(
      describeUserError(
        missingPathError('loop', 'Give the file.', { ...options, linkSubject: "Input 'settings' names" }),
      ),
    ).toBe("loop: Input 'settings' names a symbolic link that leads nowhere (to 'loop'). Give the file.");
  });

  it('says "does not exist" at the path itself when only folders lead to it', () => {
    expect(describeUserError(missingPathError('folder/x.zip', 'Give the zip.', { cwd: root }))).toBe(
      'folder/x.zip: does not exist. Give the zip.',
    );
  });
});
