import path from 'node:path';
import { errorMessage, isUserError, UserError } from '../errors.js';
import { isWithin, shownPath } from '../paths.js';
import { targetOfTemporary } from './temporary-sibling.js';

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
  EDQUOT: { reason: 'the disk quota is used up', hint: 'Free some space and run it again.' },
  // The process's file size limit (ulimit -f), which writing past makes the system refuse.
  EFBIG: {
    reason: 'it would grow past the largest file this process may write',
    hint: 'Raise the file size limit (ulimit -f) and run it again.',
  },
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
 * error located at it; any other error as it was. A `target` that is a temporary sibling (a zip
 * staged beside the package being built) is located at the target it stands for: its name means
 * nothing to the user. The call that failed is kept in brackets, with its path when that lies
 * elsewhere (a parent folder that could not be made), named from the working directory as the
 * location is. The target itself, a file beside it (its temporary sibling, where writes are staged)
 * and a file inside a staging folder of it are left out: each only named the target's folder again,
 * by a temporary's absolute path.
 */
export function targetWriteError(target: string, error: unknown): unknown {
  if (isUserError(error)) return error;
  const failure = writeFailure(error);
  if (failure === undefined) return error;
  const { code, syscall, path: where } = error as NodeJS.ErrnoException;
  const located = targetOfTemporary(target) ?? target;
  const call =
    where === undefined || namesTheTarget(located, where) ? syscall : `${syscall} ${shownPath(where)}`;
  return new UserError(`cannot be written: ${failure.reason} (${code}, ${call}).`, {
    location: { file: located },
    // Said of the target: its path is what to shorten, not the names in an archive (writeFailure's hint).
    hint: code === 'ENAMETOOLONG' ? TARGET_PATH_TOO_LONG_HINT : failure.hint,
    cause: error,
  });
}

const TARGET_PATH_TOO_LONG_HINT = 'Give a path with shorter names.';

/** `where` is `target`, a file beside it, or a file inside a temporary sibling of it (a staging folder). */
function namesTheTarget(target: string, where: string): boolean {
  const folder = path.dirname(path.resolve(target));
  const resolved = path.resolve(where);
  if (path.dirname(resolved) === folder) return true;
  if (!isWithin(folder, resolved)) return false;
  const [first] = path.relative(folder, resolved).split(path.sep);
  return targetOfTemporary(path.join(folder, first!)) === path.resolve(target);
}

/** Runs `work`, which writes `target`, with the file system's refusals told as `targetWriteError`. */
export async function writingTo<T>(target: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw targetWriteError(target, error);
  }
}

/** The codes of a write that the machine had no room for: a full disk, a used-up quota, the file size limit. */
const STORAGE_LIMIT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * A write the machine had no room for (a full disk, a used-up quota, the file size limit) that no
 * target's error handling told: the runner's job summary or outputs file, standard output. The
 * machine's state, not a bug of ours, as an unlocated user error that says so; `where` names the
 * machine in the advice ("the runner"). Undefined for any other error.
 */
export function storageLimitError(error: unknown, where: string): UserError | undefined {
  if (isUserError(error)) return undefined;
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !STORAGE_LIMIT_CODES.has(code)) return undefined;
  const { reason } = REASONS[code]!;
  const hint =
    code === 'EFBIG'
      ? `Raise the file size limit (ulimit -f) on ${where} and run it again.`
      : `Free some space on ${where} and run it again.`;
  return new UserError(`A file could not be written: ${reason} (${code}${syscall ? `, ${syscall}` : ''}).`, {
    hint,
    cause: error,
  });
}
