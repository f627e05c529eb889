/**
 * A path or name as one word of a POSIX shell line, so that a command a message suggests can be
 * pasted as it is: left bare when it holds only characters no shell reads specially, else in single
 * quotes (a quote inside closed, escaped and reopened).
 */
export function shellWord(text: string): string {
  return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
