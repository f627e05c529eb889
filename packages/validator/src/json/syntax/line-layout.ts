// How a text is laid out in lines: where a line starts and how deep it is indented. The syntax
// diagnosis reads a slip's place from the indentation where bracket counting alone cannot tell
// (file-end-repairs.ts, bracket-repairs.ts, extra-closer-by-layout.ts): hand-written and
// generated connector files are indented consistently.

/** Where the line holding the offset starts. */
export function lineStart(text: string, offset: number): number {
  // At 0, lastIndexOf(…, -1) would look at offset 0 (a negative start counts as 0) and find a line
  // break the text starts with.
  if (offset <= 0) return 0;
  const last = lastLine;
  if (last !== undefined && offset >= last.start && offset <= last.end && last.text === text) {
    // Held from here on: two texts alike but for their identity (a text repaired the same way twice)
    // are compared character by character, which on a line of megabytes made each call cost as much.
    last.text = text;
    return last.start;
  }
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', start);
  lastLine = { text, start, end: newline === -1 ? text.length : newline };
  return start;
}

/**
 * The line `lineStart` found last. The repairs ask for the start of line after line, often of the
 * same one, and on a minified file every offset is on one line of megabytes: read back to its start
 * each time, a file of 1 MB missing its last '}' took a minute. Holds one text until another is read.
 */
let lastLine: { text: string; start: number; end: number } | undefined;

/** Where the line after the one holding the offset starts; -1 on the last line. */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? -1 : newline + 1;
}

/** The first offset from `from` on that is not a space or a tab. */
export function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
  return at;
}

/** Whether only spaces and tabs stand before the offset on its line. */
export function startsLine(text: string, offset: number): boolean {
  return skipSpaces(text, lineStart(text, offset)) === offset;
}

/** The indentation of the line holding the offset, in spaces and tabs. */
export function indentOf(text: string, offset: number): number {
  const start = lineStart(text, offset);
  return skipSpaces(text, start) - start;
}

/** The end of the last text before `offset` that is not whitespace. */
export function endBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}

/**
 * Whether the closer at `close` starts its line indented otherwise than the line of its opening
 * bracket at `open`: in a file laid out consistently, no closer is.
 */
export function misindentedCloser(text: string, open: number, close: number): boolean {
  return startsLine(text, close) && indentOf(text, close) !== indentOf(text, open);
}
