import path from 'node:path';
import { errorMessage, isUserError, UserError } from '../errors.js';

/** Why the file system refused to write a file, and what to do about it. */
export interface WriteFailure {
  reason: string;
  hint: string;
}

const PERMISSION: WriteFailure = {
  reason: 'permission denied',
  hint: 'Choose a folder you can write to, or change its permissions.',
};

const REASONS: Record<string, WriteFailure> = {
  ENAMETOOLONG: {
    reason: 'its path is longer than the file system allows',
    hint: 'Zip the files again with fewer or shorter folder names.',
  },
  ENOSPC: { reason: 'the disk is full', hint: 'Free some space and run it again.' },
  EACCES: PERMISSION,
  EPERM: PERMISSION,
  EROFS: { reason: 'the file system is read-only', hint: 'Choose a folder on a disk you can write to.' },
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

/**
 * A refusal of the file system while writing `target` (a folder or file the user named), as a user
 * error located at it; any other error as it was. The call that failed is kept in brackets, with its
 * path when that lies elsewhere (a parent folder that could not be made). The target itself or its
 * temporary sibling, where writes are staged, is left out: it only named the target's folder again.
 */
export function targetWriteError(target: string, error: unknown): unknown {
  if (isUserError(error)) return error;
  const failure = writeFailure(error);
  if (failure === undefined) return error;
  const { code, syscall, path: where } = error as NodeJS.ErrnoException;
  const elsewhere =
    where !== undefined && path.dirname(path.resolve(where)) !== path.dirname(path.resolve(target));
  const call = elsewhere ? `${syscall} ${where}` : syscall;
  return new UserError(`cannot be written: ${failure.reason} (${code}, ${call}).`, {
    location: { file: target },
    hint: failure.hint,
    cause: error,
  });
}

/** Runs `work`, which writes `target`, with the file system's refusals told as `targetWriteError`. */
export async function writingTo<T>(target: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw targetWriteError(target, error);
  }
}
