import { UsageError } from '../errors.js';
import { missingPathError } from '../file-in-the-way.js';
import { writeFailure } from './write-failure.js';

/**
 * Codes that say a path to read is not there: its readers say "does not exist." (missingPathError),
 * which is right for them. ELOOP (a link round in a loop) stays with them: it names no file either.
 */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);

/**
 * A path to read that the file system refused to look at: a name longer than it allows
 * (ENAMETOOLONG), no permission to a folder on the way or to the path itself (EACCES), a failing
 * disk. A usage error (exit code 2), as a missing path is: the path given is what must change.
 * `code` and `reason` let an action say it again of the input that named the path.
 */
export class UnreadablePathError extends UsageError {
  readonly code: string;
  readonly reason: string;

  constructor(given: string, refusal: { code: string; reason: string; subject?: string; cause?: unknown }) {
    const subject = refusal.subject ? `${refusal.subject} ` : '';
    super(`${subject}cannot be read: ${refusal.reason} (${refusal.code}).`, {
      location: { file: given },
      hint: readRefusalHint(refusal.code),
      cause: refusal.cause,
    });
    this.code = refusal.code;
    this.reason = refusal.reason;
  }
}

/**
 * The refusal of the file system to look at `given`, said as what it is, or undefined when the error
 * says the path is not there (the caller's "does not exist." is right then) or came from no system
 * call (a bug of ours). Every stat error was "does not exist.": a name too long, or a folder the user
 * may not enter, sent users looking for a path that was there. `subject` starts the message where
 * the path alone does not say what it was given for ("The configuration file").
 */
export function unreadablePathError(
  given: string,
  error: unknown,
  options: { subject?: string } = {},
): UnreadablePathError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || NOT_THERE.has(code)) return undefined;
  // writeFailure has the reasons of the codes in words; its hints are a write's, so not used here.
  const failure = writeFailure(error);
  if (failure === undefined) return undefined;
  return new UnreadablePathError(given, {
    code,
    reason: failure.reason,
    subject: options.subject,
    cause: error,
  });
}

/** What to do about a path the file system refused to look at, for the user of the CLI. */
function readRefusalHint(code: string): string {
  if (code === 'ENAMETOOLONG') return 'Give a path with shorter names.';
  if (code === 'EACCES' || code === 'EPERM')
    return 'Check that the user who runs connector-alm may read it and enter each folder on the way to it.';
  return 'Check that the path can be read, and run it again.';
}

/** How `fileReadError` tells each kind of refusal of a file an option names. */
export interface FileReadErrorOptions {
  /** What to give instead, for a path that is not there or is a folder. */
  hint: string;
  /** Resolves a relative path, as missingPathError's. */
  cwd?: string;
  /** Starts the message of a refusal where the path alone does not say what it was given for. */
  subject?: string;
  /** Replaces "does not exist." (missingPathError's `message`). */
  missing?: string;
  /** Replaces "is a folder, not a file." */
  folder?: string;
}

/**
 * The usage error of a file to read (an option's: --settings, --client-certificate) that reading
 * failed with `error`: not there (missingPathError, a link that leads nowhere or round in a loop
 * included), a folder, or refused by the file system (unreadablePathError), each in words. These
 * readers said "cannot be read (ENAMETOOLONG)." with nothing to do about it. An error of no system
 * call (a bug of ours) is returned as it was.
 */
export function fileReadError(given: string, error: unknown, options: FileReadErrorOptions): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && NOT_THERE.has(code))
    return missingPathError(given, options.hint, {
      cwd: options.cwd,
      cause: error,
      ...(options.missing ? { message: options.missing } : {}),
    });
  if (code === 'EISDIR')
    return new UsageError(options.folder ?? 'is a folder, not a file.', {
      location: { file: given },
      hint: options.hint,
    });
  return unreadablePathError(given, error, { subject: options.subject }) ?? error;
}
