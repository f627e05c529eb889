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

/**
 * "message (file:line:column) Hint." in one line, for logs and stderr. Most messages already name
 * their file (and line) to read well on their own; what they say is not said again, so the reader
 * sees each fact once: "x.json is not valid JSON at line 3, column 1. Hint." keeps no "(x.json:3:1)".
 */
export function describeUserError(error: UserError): string {
  const where = error.location ? unsaidLocation(error.message, error.location) : undefined;
  const hint = error.hint ? ` ${error.hint}` : '';
  return `${error.message}${where ? ` (${where})` : ''}${hint}`;
}

/** What of `location` the message does not say yet, formatted; undefined when it says it all. */
function unsaidLocation(message: string, location: SourceLocation): string | undefined {
  if (!namesFile(message, location.file)) return formatLocation(location);
  if (location.line === undefined || new RegExp(`\\bline ${location.line}\\b`).test(message))
    return undefined;
  return location.column === undefined
    ? `line ${location.line}`
    : `line ${location.line}, column ${location.column}`;
}

/** Whether the message names `file` as a whole, not as the start of a longer name (x.json.bak). */
function namesFile(message: string, file: string): boolean {
  if (file === '') return true;
  for (let at = message.indexOf(file); at !== -1; at = message.indexOf(file, at + 1)) {
    const after = message.slice(at + file.length);
    if (after === '' || /^([\s:,;)'"]|\.(\s|$))/.test(after)) return true;
  }
  return false;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
