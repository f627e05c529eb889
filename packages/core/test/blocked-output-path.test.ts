import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { describeUserError, type UserError } from '../src/errors.js';
import { refuseBlockedOutputPath, type BlockedOutputPathOptions } from '../src/blocked-output-path.js';

const root = temporaryFolder('blocked-output-path-');
writeFileSync(path.join(root, 'notes.txt'), 'a file\n');
symlinkSync('loop', path.join(root, 'loop'));
symlinkSync('gone/out.sarif', path.join(root, 'into-missing'));
symlinkSync('new.sarif', path.join(root, 'to-new'));
// A link in a folder reached through a link: '../made' is there from its real folder, not lexically.
mkdirSync(path.join(root, 'real', 'deep', 'reports'), { recursive: true });
mkdirSync(path.join(root, 'real', 'deep', 'made'));
symlinkSync(path.join(root, 'real', 'deep', 'reports'), path.join(root, 'reports'), 'dir');
symlinkSync('../made/out.sarif', path.join(root, 'real', 'deep', 'reports', 'out.sarif'));

const HINTS: BlockedOutputPathOptions = {
  cwd: root,
  throughFileHint: 'Move the file.',
  brokenLinkHint: 'Remove the link.',
};

/** What refuseBlockedOutputPath says of `target`, as the CLI prints it; undefined when it passes it. */
function refusal(target: string, options: Partial<BlockedOutputPathOptions> = {}): string | undefined {
  try {
    refuseBlockedOutputPath(target, { ...HINTS, ...options });
    return undefined;
  } catch (error) {
    return describeUserError(error as UserError);
  }
}

describe('refuseBlockedOutputPath', () => {
  it('refuses a path through a file at the file, with the hint for that', () => {
    expect(refusal('notes.txt/out.sarif')).toBe(
      'notes.txt: is a file, not a folder, so out.sarif cannot be made inside it. Move the file.',
    );
  });

  it('refuses a link at the end that leads nowhere at the link, with the hint for that', () => {
    expect(refusal('loop')).toBe(
      "loop: is a symbolic link that leads nowhere (to 'loop'); nothing can be written through it. Remove the link.",
    );
    expect(refusal('into-missing')).toBe(
      "into-missing: is a symbolic link that leads nowhere (to 'gone/out.sarif'); nothing can be written through it. Remove the link.",
    );
  });

  it('lets a link to a file not there yet pass, unless the caller refuses such links', () => {
    expect(refusal('to-new')).toBeUndefined();
    expect(refusal('to-new', { newTarget: 'refused' })).toBe(
      "to-new: is a symbolic link that leads nowhere (to 'new.sarif'); nothing can be written through it. Remove the link.",
    );
  });

  it('follows a chain of links to the folder the write would create the file in', () => {
    // `chain -> hop -> gone/out.sarif`: only the first hop's folder (root) was looked at, so the
    // chain passed, and the write failed with ENOENT after the work was done.
    symlinkSync('hop', path.join(root, 'chain'));
    symlinkSync('gone/out.sarif', path.join(root, 'hop'));
    expect(refusal('chain')).toBe(
      "chain: is a symbolic link that leads nowhere (to 'hop'); nothing can be written through it. Remove the link.",
    );
    // A chain that ends in a folder that is there passes: the write creates the file there.
    symlinkSync('hop-ok', path.join(root, 'chain-ok'));
    symlinkSync('real/new.sarif', path.join(root, 'hop-ok'));
    expect(refusal('chain-ok')).toBeUndefined();
  });

  it("looks for a link's target folder from the link's real folder, as the system does", () => {
    // Lexically reports/../made is <root>/made, which is not there; the write lands in real/deep/made.
    expect(refusal('reports/out.sarif')).toBeUndefined();
  });
});
