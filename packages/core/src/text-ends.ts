/*
 * Trimming runs of characters at the ends of a text with a loop, not with `replace(/x+$/, '')` or
 * `/^x+|x+$/g`: the engine tries such a pattern at every character of a run and reads each try to
 * the run's end, quadratic on a long run that something else ends (a basePath of 1 MB of slashes
 * followed by a letter took minutes). The texts trimmed here can come from a pull request, a
 * solution's XML or a server; the lint rule regexp/no-super-linear-move keeps the patterns out.
 */

/** `text` without the characters at its end for which `trimmed` holds. */
export function trimEndWhere(text: string, trimmed: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && trimmed(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters at its start for which `trimmed` holds. */
export function trimStartWhere(text: string, trimmed: (character: string) => boolean): string {
  let start = 0;
  while (start < text.length && trimmed(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` without the characters at either end for which `trimmed` holds. */
export function trimWhere(text: string, trimmed: (character: string) => boolean): string {
  return trimStartWhere(trimEndWhere(text, trimmed), trimmed);
}

/** A test for `trimWhere` and the others: whether a character is one of `characters`. */
export function oneOf(characters: string): (character: string) => boolean {
  return (character) => characters.includes(character);
}

const isSlash = oneOf('/');

/** `text` without the slashes at its end, as `replace(/\/+$/, '')` meant. */
export function withoutTrailingSlashes(text: string): string {
  return trimEndWhere(text, isSlash);
}

/**
 * `text` without one full stop at its end, for a sentence that goes on after it: "…: it is not a
 * folder." rather than "….: it …". Only one, so that an ellipsis keeps two of its dots.
 */
export function withoutFullStop(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}
