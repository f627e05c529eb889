import { isUtf8 } from 'node:buffer';
import { asCommittedText } from '@connector-alm/core';

/**
 * Whether a folder's script.csx holds the solution's script but for line endings (CRLF or LF) and a
 * byte-order mark, compared as `diff` compares scripts (CHG-SCRIPT-CHANGED). Such a file is kept as
 * it is: Dataverse exports CRLF while most upstream scripts are LF, and rewriting it made every line
 * of an unchanged script a change in the pull request. Bytes that are not UTF-8 are compared as they
 * are: decoded, two different files could read alike.
 */
export function sameScriptText(present: Buffer, solution: Buffer): boolean {
  if (present.equals(solution)) return true;
  if (!isUtf8(present) || !isUtf8(solution)) return false;
  return asCommittedText(present.toString('utf8')) === asCommittedText(solution.toString('utf8'));
}
