/**
 * A text as one word of a POSIX shell line, so that a line the CLI prints for the user to copy
 * (dev-server's export lines, build-solution's command with the options it lacks) can be pasted as it
 * is: a path with a space or a quote stays one argument.
 */
export function shellWord(text: string): string {
  return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
