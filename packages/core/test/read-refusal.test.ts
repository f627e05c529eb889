import { describe, expect, it } from '@jest/globals';
import { statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { describeUserError, UsageError } from '../src/errors.js';
import { UnreadablePathError, unreadablePathError } from '../src/fs/read-refusal.js';

const root = temporaryFolder('read-refusal-');
symlinkSync('loop', path.join(root, 'loop'));

/** The error a real stat of `name` in the test's folder throws. */
function statError(name: string): unknown {
  try {
    statSync(path.join(root, name));
  } catch (error) {
    return error;
  }
  throw new Error(`${name} could be looked at`);
}

describe('unreadablePathError', () => {
  it('says a name longer than the file system allows as such, a usage error at the path', () => {
    const long = 'a'.repeat(300);
    const error = unreadablePathError(long, statError(long));
    expect(error).toBeInstanceOf(UnreadablePathError);
    expect(error).toBeInstanceOf(UsageError);
    expect(describeUserError(error!)).toBe(
      `${long}: cannot be read: its path is longer than the file system allows (ENAMETOOLONG). Give a path with shorter names.`,
    );
    expect(error!.code).toBe('ENAMETOOLONG');
  });

  it('starts the message with the subject, where the path alone does not say what it is', () => {
    const long = `${'c'.repeat(300)}.yml`;
    const error = unreadablePathError(long, statError(long), { subject: 'The configuration file' });
    expect(error!.message).toBe(
      'The configuration file cannot be read: its path is longer than the file system allows (ENAMETOOLONG).',
    );
  });

  it('says no permission in words, with what to check', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, stat'), {
      code: 'EACCES',
      syscall: 'stat',
    });
    expect(describeUserError(unreadablePathError('closed/x', denied)!)).toBe(
      'closed/x: cannot be read: permission denied (EACCES). Check that the user who runs connector-alm may read it and enter each folder on the way to it.',
    );
  });

  it('leaves a path that is not there to the caller, whose "does not exist." is right', () => {
    expect(unreadablePathError('missing', statError('missing'))).toBeUndefined();
    expect(unreadablePathError('loop', statError('loop'))).toBeUndefined();
  });

  it('leaves an error no system call gave, a bug of ours, as it was', () => {
    expect(unreadablePathError('x', new Error('boom'))).toBeUndefined();
    expect(unreadablePathError('x', undefined)).toBeUndefined();
  });
});
