import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { diskFullError, isUserError, UserError } from '../src/index.js';

/** The error Node gives for a write that the disk had no room for: /dev/full's, where it exists. */
function enospc(): NodeJS.ErrnoException {
  try {
    writeFileSync('/dev/full', 'x');
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    syscall: 'write',
  });
}

describe('diskFullError', () => {
  it("tells a full disk as the machine's state, with where to free space", () => {
    const told = diskFullError(enospc(), 'the runner');
    expect(isUserError(told)).toBe(true);
    expect(told?.message).toBe('A file could not be written: the disk is full (ENOSPC, write).');
    expect(told?.hint).toBe('Free some space on the runner and run it again.');
  });

  it('tells a used-up quota in its own words', () => {
    const quota = Object.assign(new Error('EDQUOT: disk quota exceeded, write'), {
      code: 'EDQUOT',
      syscall: 'write',
    });
    expect(diskFullError(quota, 'this machine')?.message).toBe(
      'A file could not be written: the disk quota is used up (EDQUOT, write).',
    );
  });

  it('leaves every other error, and a user error, as it is', () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open' });
    expect(diskFullError(denied, 'the runner')).toBeUndefined();
    expect(diskFullError(new TypeError('x is undefined'), 'the runner')).toBeUndefined();
    expect(diskFullError(new UserError('is not a zip file.'), 'the runner')).toBeUndefined();
  });
});
