import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { storageLimitError, isUserError, UserError } from '../src/index.js';

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

describe('storageLimitError', () => {
  // A stream's error (standard output on a full disk) may carry the code without the call.
  it('names only the code when the error names no call', () => {
    const told = storageLimitError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 'the runner');
    expect(told?.message).toBe('A file could not be written: the disk is full (ENOSPC).');
  });

  it("tells a full disk as the machine's state, with where to free space", () => {
    const told = storageLimitError(enospc(), 'the runner');
    expect(isUserError(told)).toBe(true);
    expect(told?.message).toBe('A file could not be written: the disk is full (ENOSPC, write).');
    expect(told?.hint).toBe('Free some space on the runner and run it again.');
  });

  it('tells a used-up quota in its own words', () => {
    const quota = Object.assign(new Error('EDQUOT: disk quota exceeded, write'), {
      code: 'EDQUOT',
      syscall: 'write',
    });
    expect(storageLimitError(quota, 'this machine')?.message).toBe(
      'A file could not be written: the disk quota is used up (EDQUOT, write).',
    );
  });

  it('tells the file size limit with the limit to raise', () => {
    const tooLarge = Object.assign(new Error('EFBIG: file too large, write'), {
      code: 'EFBIG',
      syscall: 'write',
    });
    const told = storageLimitError(tooLarge, 'the runner');
    expect(told?.message).toBe(
      'A file could not be written: it would grow past the largest file this process may write (EFBIG, write).',
    );
    expect(told?.hint).toBe('Raise the file size limit (ulimit -f) on the runner and run it again.');
  });

  it('leaves every other error, and a user error, as it is', () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open' });
    expect(storageLimitError(denied, 'the runner')).toBeUndefined();
    expect(storageLimitError(new TypeError('x is undefined'), 'the runner')).toBeUndefined();
    expect(storageLimitError(new UserError('is not a zip file.'), 'the runner')).toBeUndefined();
  });
});
