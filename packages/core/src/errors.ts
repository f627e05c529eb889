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

/**
 * A mistake the user can fix. The message says what is wrong and the hint what to do; where it is
 * (file, line, column) is said by `location` alone, never again in the message, so every reporter
 * (stderr, an annotation on the file) shows it once and in its own way.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** What the user can do about it, shown after the message. */
  readonly hint?: string;
  readonly location?: SourceLocation;
  /**
   * Further mistakes of the same input found at the same time (a configuration file with several),
   * each with its own place: reported after this one, so that one run shows them all.
   */
  readonly also?: readonly UserError[];

  constructor(
    message: string,
    options: { hint?: string; location?: SourceLocation; cause?: unknown; also?: readonly UserError[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.location = options.location;
    if (options.also && options.also.length > 0) this.also = options.also;
  }
}

/** A command-line or action input that does not parse: exit code 2 on the CLI. */
export class UsageError extends UserError {}

/**
 * Mistakes found in one run over several inputs (connector folders) as one error, in the order
 * found: the first reads as it would alone, the others follow it as `also`. It is a UsageError when
 * any of them is one, so the exit code is that of the worst (2 over 1). One mistake is returned as it is.
 */
export function userErrorsTogether(errors: readonly UserError[]): UserError {
  const [first, ...rest] = errors;
  if (first === undefined) throw new Error('userErrorsTogether needs at least one error.');
  if (rest.length === 0) return first;
  const all = errors.flatMap((error) => [error, ...(error.also ?? [])]);
  const Kind = all.some((error) => error instanceof UsageError) ? UsageError : UserError;
  return new Kind(first.message, {
    hint: first.hint,
    location: first.location,
    cause: first,
    also: all.slice(1),
  });
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The message of an error of any shape, without its stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * "file:line:column: message Hint." in one line, for logs and stderr: the location first, as
 * compilers and linters print it, so that editors and problem matchers find it in one fixed place.
 * Messages never repeat their location (the throw sites keep it in `location` alone), so nothing
 * here reads the message text.
 */
export function describeUserError(error: UserError): string {
  return `${locationPrefix(error)}${describeProblem(error)}`;
}

/** "file:line:column: " of a located error, '' of one without a location. */
export function locationPrefix(error: UserError): string {
  return error.location ? `${formatLocation(error.location)}: ` : '';
}

/** What is wrong and what to do, without where: for a place that shows the location itself. */
export function describeProblem(error: UserError): string {
  return error.hint ? `${error.message} ${error.hint}` : error.message;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
