/**
 * The characters a glob gives a meaning (picomatch's): a backslash before one of them escapes it, so
 * `\*` matches a folder named `*`. Before any other character a backslash escapes nothing.
 */
const GLOB_CHARACTERS = new Set(['*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@', '|', ',']);
/**
 * Glob characters no connector folder's name can hold, since no Windows name holds them: `\*` and
 * `\?` are a folder separator followed by a wildcard (`custom-connectors\*`), not an escape.
 */
const NEVER_IN_FOLDER_NAMES = new Set(['*', '?']);

/** Whether a run of backslashes before `next` is a glob escape, rather than a folder separator. */
function isEscape(run: string, next: string | undefined): boolean {
  return (
    run.length === 1 && next !== undefined && GLOB_CHARACTERS.has(next) && !NEVER_IN_FOLDER_NAMES.has(next)
  );
}

/**
 * An `ignore` pattern written with Windows path separators (`custom-connectors\Legacy*`,
 * `custom-connectors\*`, `certified-connectors\\Old`), as it was meant: with `/`. In a glob a
 * backslash escapes the character after it, on Windows too, so such a pattern matches no folder and
 * the folders it names are validated without a word. A backslash counts as a separator when it
 * escapes nothing (before an ordinary character, or at the end), escapes `*` or `?` (which no folder
 * name holds), or is doubled (an escaped backslash: a folder name with a backslash in it is not what
 * anyone means). Undefined for a pattern without one: `\[`, `\{` and the like are escapes and stay.
 */
export function patternWithSlashes(pattern: string): string | undefined {
  let separated = false;
  const meant = pattern.replace(/\\+(?=(.?))/g, (run, next: string) => {
    if (isEscape(run, next || undefined)) return run;
    separated = true;
    return '/';
  });
  return separated ? meant : undefined;
}

/**
 * A folder path (relative, `/`-separated) as glob text that matches that path: each glob character
 * escaped with the backslash that patternWithSlashes keeps as an escape. `*` and `?` stay as they are,
 * since a backslash before them is read as a separator; a name holding them matches its look-alikes too.
 */
export function globLiteral(folder: string): string {
  return [...folder]
    .map((character) =>
      GLOB_CHARACTERS.has(character) && !NEVER_IN_FOLDER_NAMES.has(character) ? `\\${character}` : character,
    )
    .join('');
}
