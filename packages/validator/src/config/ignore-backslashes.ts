/**
 * The characters a glob gives a meaning (picomatch's): a backslash before one of them escapes it, so
 * `\*` matches a folder named `*`. Before any other character a backslash escapes nothing.
 */
const GLOB_CHARACTERS = new Set(['*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@', '|', ',']);
/** Characters no Windows file name holds: `\*` in a pattern written the Windows way is a separator too. */
const NEVER_IN_WINDOWS_NAMES = new Set(['*', '?']);

/**
 * An `ignore` pattern written with Windows path separators (`custom-connectors\Legacy*`,
 * `certified-connectors\\Old`), as it was meant: with `/`. In a glob a backslash escapes the
 * character after it, on Windows too, so such a pattern matches no folder and the folders it names
 * are validated without a word. A backslash counts as a separator when it escapes nothing (a
 * backslash before an ordinary character, or at the end) or is doubled (an escaped backslash: a
 * folder name with a backslash in it is not what anyone means). Undefined for a pattern without
 * one: `\*`, `\[`, `\?`, `\{` alone are escapes and stay.
 */
export function patternWithSlashes(pattern: string): string | undefined {
  const runs = [...pattern.matchAll(/\\+/g)];
  const isSeparator = (run: RegExpExecArray | RegExpMatchArray): boolean => {
    const next = pattern[run.index! + run[0].length];
    return run[0].length > 1 || next === undefined || !GLOB_CHARACTERS.has(next);
  };
  if (!runs.some(isSeparator)) return undefined;
  // Written the Windows way, `\*` and `\?` escape nothing a Windows name could hold: separators too.
  return pattern.replace(/\\+(?=(.?))/g, (run, next: string) =>
    run.length === 1 && GLOB_CHARACTERS.has(next) && !NEVER_IN_WINDOWS_NAMES.has(next) ? run : '/',
  );
}
