import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import {
  backslashPathToWriteMessage,
  refuseBackslashPathToWrite,
  slashedPathToRead,
  slashedPathToWrite,
  withSlashes,
} from '../src/backslash-paths.js';
import { UsageError } from '../src/errors.js';
import { missingPathError } from '../src/file-in-the-way.js';

const root = temporaryFolder('backslash-paths-');
mkdirSync(path.join(root, 'custom-connectors', 'HtmlToText'), { recursive: true });
mkdirSync(path.join(root, 'own\\name'));

describe('withSlashes', () => {
  it('makes each run of \\ one /, and leaves a path without \\ alone', () => {
    expect(withSlashes('solutions\\Contoso')).toBe('solutions/Contoso');
    expect(withSlashes('a\\\\b\\c')).toBe('a/b/c');
    expect(withSlashes('a/b')).toBeUndefined();
  });
});

describe('slashedPathToRead', () => {
  it('gives the / version of a missing path when that version is there', () => {
    expect(slashedPathToRead('custom-connectors\\HtmlToText', { cwd: root, platform: 'linux' })).toBe(
      'custom-connectors/HtmlToText',
    );
  });

  it('gives nothing when the / version is not there either, the path is there as given, or on Windows', () => {
    expect(slashedPathToRead('custom-connectors\\Nope', { cwd: root, platform: 'linux' })).toBeUndefined();
    expect(slashedPathToRead('own\\name', { cwd: root, platform: 'linux' })).toBeUndefined();
    expect(
      slashedPathToRead('custom-connectors\\HtmlToText', { cwd: root, platform: 'win32' }),
    ).toBeUndefined();
  });
});

describe('slashedPathToWrite', () => {
  it('gives the / version when the part to be made holds a \\, whether or not its folders are there', () => {
    const linux = { cwd: root, platform: 'linux' as const };
    expect(slashedPathToWrite('custom-connectors\\Contoso', linux)).toBe('custom-connectors/Contoso');
    expect(slashedPathToWrite('solutions\\Contoso', linux)).toBe('solutions/Contoso');
    expect(slashedPathToWrite('out\\', linux)).toBe('out/');
  });

  it("leaves a \\ in a folder that is there alone: it is the user's own name", () => {
    const linux = { cwd: root, platform: 'linux' as const };
    expect(slashedPathToWrite('own\\name', linux)).toBeUndefined();
    expect(slashedPathToWrite('own\\name/report.sarif', linux)).toBeUndefined();
    expect(slashedPathToWrite('custom-connectors/Contoso', linux)).toBeUndefined();
    expect(slashedPathToWrite('solutions\\Contoso', { cwd: root, platform: 'win32' })).toBeUndefined();
  });

  it('names an absolute path in the working directory from it, and one elsewhere absolutely', () => {
    const inside = path.join(process.cwd(), 'no-such-folder\\x');
    expect(slashedPathToWrite(inside, { platform: 'linux' })).toBe('no-such-folder/x');
    const outside = path.join(root, 'solutions\\Contoso');
    expect(slashedPathToWrite(outside, { platform: 'linux' })).toBe(path.join(root, 'solutions/Contoso'));
  });
});

(process.platform === 'win32' ? describe.skip : describe)('the errors', () => {
  const system = process.platform === 'darwin' ? 'macOS' : 'Linux';

  it('refuseBackslashPathToWrite refuses at the path as given, with the / version', () => {
    const error = (() => {
      try {
        refuseBackslashPathToWrite('solutions\\Contoso', { cwd: root });
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).location).toEqual({ file: 'solutions\\Contoso' });
    expect((error as UsageError).message).toBe(
      `separates folders with \\, which ${system} reads as part of a name: it would make one name holding the \\. Did you mean 'solutions/Contoso'?`,
    );
    expect((error as UsageError).hint).toBe('Paths separate folders with /, which Windows takes too.');
  });

  it("missingPathError says the slip in the caller's words for a missing path", () => {
    const error = missingPathError('custom-connectors\\HtmlToText', 'Give a connector folder.', {
      cwd: root,
      message: 'The --solutions folder does not exist.',
    });
    expect(error.message).toBe(
      `The --solutions folder does not exist: it separates folders with \\, which ${system} reads as part of a name. Did you mean 'custom-connectors/HtmlToText'?`,
    );
    expect(
      missingPathError('custom-connectors\\Nope', 'Give a connector folder.', { cwd: root }).message,
    ).toBe('does not exist.');
  });
});

describe('backslashPathToWriteMessage', () => {
  it('names the system that reads \\ as part of a name: Linux, macOS, or "this system" for another', () => {
    for (const [platform, system] of [
      ['linux', 'Linux'],
      ['darwin', 'macOS'],
      ['freebsd', 'this system'],
    ] as const) {
      expect(backslashPathToWriteMessage('solutions/Contoso', platform)).toBe(
        `separates folders with \\, which ${system} reads as part of a name: it would make one name holding the \\. Did you mean 'solutions/Contoso'?`,
      );
    }
  });
});
