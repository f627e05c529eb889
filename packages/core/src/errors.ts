/**
 * Errors that the user can fix (bad input, a missing file, a wrong option) are kept apart from
 * internal failures: the former are reported as a located message with advice and no stack trace,
 * the latter as "please report this" with the stack only in debug output.
 */

/** Where in the user's files the problem is. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export class UserError extends Error {
  override readonly name = 'UserError';
  /** What the user can do about it, shown after the message. */
  readonly hint?: string;
  readonly location?: SourceLocation;

  constructor(message: string, options: { hint?: string; location?: SourceLocation; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.location = options.location;
  }
}

/** A command-line or action input that does not parse: exit code 2 on the CLI. */
export class UsageError extends UserError {}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The message of an error of any shape, without its stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** "message (file:line:column) Hint." in one line, for logs and stderr. */
export function describeUserError(error: UserError): string {
  const where = error.location ? ` (${formatLocation(error.location)})` : '';
  const hint = error.hint ? ` ${error.hint}` : '';
  return `${error.message}${where}${hint}`;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
