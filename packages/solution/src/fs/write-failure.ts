import { errorMessage } from '@connector-alm/core';

/** Why the file system refused to write a file, and what to do about it. */
export interface WriteFailure {
  reason: string;
  hint: string;
}

const REASONS: Record<string, WriteFailure> = {
  ENAMETOOLONG: {
    reason: 'its path is longer than the file system allows',
    hint: 'Zip the files again with fewer or shorter folder names.',
  },
  ENOSPC: { reason: 'the disk is full', hint: 'Free some space and run it again.' },
};

/**
 * The file system's refusal of a write (a path longer than it allows, a full disk, no permission),
 * in words, or undefined for an error that is not the file system's: that one is a bug of ours.
 */
export function writeFailure(error: unknown): WriteFailure | undefined {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
  return REASONS[code] ?? { reason: errorMessage(error), hint: 'Check that the folder can be written.' };
}
