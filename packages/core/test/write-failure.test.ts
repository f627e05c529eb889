import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  forgetTemporary,
  pendingTemporaries,
  targetWriteError,
  temporarySibling,
  UserError,
  writeFailure,
} from '../src/index.js';

/** The error that `write` fails with, as the file system gave it. */
function failureOf(write: () => void): NodeJS.ErrnoException {
  try {
    write();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('the write was expected to fail');
}

/** A refusal with `code` of a call that this machine cannot be made to refuse so (a read-only disk). */
function refusal(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused, ${syscall}`), { code, syscall });
}

describe('writeFailure', () => {
  it.each([
    ['ENOSPC', 'the disk is full', 'Free some space and run it again.'],
    ['EDQUOT', 'the disk quota is used up', 'Free some space and run it again.'],
    ['EROFS', 'the file system is read-only', 'Choose a folder on a disk you can write to.'],
    ['EACCES', 'permission denied', 'Choose a folder you can write to, or change its permissions.'],
    [
      'EFBIG',
      'it would grow past the largest file this process may write',
      'Raise the file size limit (ulimit -f) and run it again.',
    ],
    [
      'ENAMETOOLONG',
      'its path is longer than the file system allows',
      'Zip the files again with fewer or shorter folder names.',
    ],
    ['EPERM', 'permission denied', 'Choose a folder you can write to, or change its permissions.'],
  ])('tells %s as %j, with what to do', (code, reason, hint) => {
    expect(writeFailure(refusal(code, 'write'))).toEqual({ reason, hint });
  });

  it("tells another refusal of the file system in Node's words", () => {
    const onFolder = failureOf(() => writeFileSync(os.tmpdir(), 'x'));
    expect(onFolder.code).toBe('EISDIR');
    const failure = writeFailure(onFolder);
    // Node's message; Jest's realm makes errorMessage read the error as `String(error)`, with "Error: ".
    expect(failure?.reason).toMatch(/EISDIR: illegal operation on a directory, open '.+'$/);
    expect(failure?.hint).toBe('Check that the folder can be written.');
  });

  // Node's own argument checks carry a code too, but no system call: a bug of ours, not the disk's.
  it('is undefined for an error that no system call gave', () => {
    const nullByte = failureOf(() => writeFileSync(path.join(os.tmpdir(), 'a\0b'), 'x'));
    expect(nullByte.code).toBe('ERR_INVALID_ARG_VALUE');
    expect(nullByte.syscall).toBeUndefined();
    expect(writeFailure(nullByte)).toBeUndefined();
    expect(writeFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(writeFailure(undefined)).toBeUndefined();
  });
});

describe('targetWriteError', () => {
  it('tells a path too long at the target, with its own advice: the path given is what to shorten', () => {
    const target = path.join(os.tmpdir(), `${'a'.repeat(300)}.zip`);
    const tooLong = failureOf(() => writeFileSync(target, 'x'));
    const told = targetWriteError(target, tooLong);
    expect(told).toBeInstanceOf(UserError);
    expect((told as UserError).message).toBe(
      'cannot be written: its path is longer than the file system allows (ENAMETOOLONG, open).',
    );
    expect((told as UserError).location).toEqual({ file: target });
    expect((told as UserError).hint).toBe('Give a path with shorter names.');
  });

  const folder = mkdtempSync(path.join(os.tmpdir(), 'write-failure-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(() => pendingTemporaries().forEach(forgetTemporary));

  it("names the path of the call that failed when it lies outside the target's folder: a parent it could not make", () => {
    writeFileSync(path.join(folder, 'file'), 'in the way');
    const parent = path.join(folder, 'file', 'a');
    const notAFolder = failureOf(() => mkdirSync(parent));
    expect(notAFolder.code).toBe('ENOTDIR');
    const told = targetWriteError(path.join(parent, 'b', 'out.zip'), notAFolder) as UserError;
    expect(told.message).toMatch(/^cannot be written: .*ENOTDIR.* \(ENOTDIR, mkdir (.+)\)\.$/);
    expect(told.message.endsWith(`(ENOTDIR, mkdir ${parent}).`)).toBe(true);
  });

  // The staging folder's name, `.out.zip.<12 hex digits>.tmp`, would only name the target's folder again.
  it("leaves out the path of a file inside the target's staging folder", () => {
    const target = path.join(folder, 'out.zip');
    const staging = path.join(folder, '.out.zip.0123456789ab.tmp');
    mkdirSync(staging);
    const tooLong = failureOf(() => writeFileSync(path.join(staging, 'a'.repeat(300)), 'x'));
    expect(tooLong.path?.startsWith(staging)).toBe(true);
    const told = targetWriteError(target, tooLong) as UserError;
    expect(told.message).toBe(
      'cannot be written: its path is longer than the file system allows (ENAMETOOLONG, open).',
    );
    expect(told.location).toEqual({ file: target });
  });

  // The package build stages a zip beside its target: the user knows only the target's name.
  it('locates a failure of a temporary sibling at the target it stands for', () => {
    const target = path.join(folder, 'package.zip');
    const told = targetWriteError(temporarySibling(target, '.zip'), refusal('ENOSPC', 'write')) as UserError;
    expect(told.location).toEqual({ file: target });
  });

  // A refusal that names no path (a write to an open file) names only the call.
  it('names only the call when the refusal names no path', () => {
    const told = targetWriteError(path.join(folder, 'out.zip'), refusal('ENOSPC', 'write')) as UserError;
    expect(told.message).toBe('cannot be written: the disk is full (ENOSPC, write).');
    expect(told.hint).toBe('Free some space and run it again.');
  });

  it("leaves an error that is not the file system's as it was", () => {
    const bug = new TypeError('x is undefined');
    expect(targetWriteError('out.zip', bug)).toBe(bug);
  });
});
