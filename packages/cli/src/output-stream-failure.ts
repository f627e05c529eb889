import { errorMessage, writeFailure } from '@connector-alm/core';

/**
 * What to say when standard output cannot take the output (`validate > report.txt` on a full disk):
 * the file system's reason in words, and what to do. It threw Node's error with its stack trace.
 */
export function outputStreamFailureLine(error: NodeJS.ErrnoException): string {
  const failure = writeFailure(error);
  const reason = failure?.reason ?? errorMessage(error);
  const code = error.code === undefined ? '' : ` (${error.code})`;
  const hint = failure?.hint ?? 'Check where the output goes, and run it again.';
  return `error: the output could not be written: ${reason}${code}. ${hint}\n`;
}
