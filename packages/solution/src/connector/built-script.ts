import { isUtf8 } from 'node:buffer';

/**
 * The bytes build-solution puts into the solution for a folder's script.csx: its lines ended with LF,
 * as git commits the file where a checkout ends them with CRLF (core.autocrlf on Windows). The same
 * commit then builds the same zip on a maker's Windows checkout and on a Linux runner; the bytes as
 * checked out made two zips that differed in every line of the script. A byte-order mark stays (the
 * editor's, which C# reads either way), and bytes that are not UTF-8 are left as they are: their
 * CR LF pairs may not be line ends (UTF-16), and validation reports such a script anyway.
 * Extraction keeps a folder's script that differs from the solution's only in line endings
 * (sameScriptText), so a CRLF file in the repository is not rewritten by the round trip.
 */
export function builtScriptBytes(script: Buffer): Buffer {
  if (!script.includes('\r\n') || !isUtf8(script)) return script;
  return Buffer.from(script.toString('utf8').replace(/\r\n/g, '\n'), 'utf8');
}
