/**
 * Character-level helpers over JSON text that skip values without building them.
 *
 * Why not a full positional parser for every file: jsonc-parser's tree costs about three times
 * JSON.parse on the corpus, and most positions are never asked for. JSON.parse builds the values;
 * these helpers find the few offsets that findings need, and measure nesting depth before any
 * recursive code sees the document.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export function skipWhitespace(text: string, at: number): number {
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}

/** Offset just past the string that opens at `at` (a quote), or -1 when it never closes. */
export function skipString(text: string, at: number): number {
  let end = at;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end === -1) return -1;
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if ((backslashes & 1) === 0) return end + 1;
  }
}

/** Offset just past the value that starts at `at`, or -1 on malformed text. */
export function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return skipString(text, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return skipToClose(text, at, 0);
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isWhitespace(code)) break;
    i++;
  }
  return i === at ? -1 : i;
}

/** The deepest nesting of objects and arrays, stopping early once `limit` is passed. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = nextStructural(text, 0); i !== -1; i = nextStructural(text, i)) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = skipString(text, i);
      if (end === -1) return max;
      i = end;
    } else {
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++;
        if (depth > max) {
          max = depth;
          if (max > limit) return max;
        }
      } else depth--;
      i++;
    }
  }
  return max;
}

/**
 * Scans from `at` (inside a container nested `depth` levels below the one being closed, or at its
 * opening bracket with depth 0) to just past the bracket that closes it; -1 on malformed text.
 */
export function skipToClose(text: string, at: number, depth: number): number {
  let i = at;
  for (;;) {
    UP_TO_BRACKET.lastIndex = i;
    // It matches the empty string, so it fails only when `i` is past the end of the text.
    if (!UP_TO_BRACKET.test(text)) return -1;
    i = UP_TO_BRACKET.lastIndex;
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      // A string with an escape, or one past the expression's limit, or one that never closes.
      i = skipString(text, i);
      if (i === -1) return -1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      i++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
      i++;
    } else return -1; // the end of the text
  }
}

// Skipping containers is most of the locator's work. This sticky expression consumes everything up
// to the next bracket or quote that needs a look, strings without escapes included, in one call: a
// call for each quote and bracket (as `nextStructural` makes) cost a quarter more on the corpus, in
// the calls themselves. Strings with escapes are left to `skipString`, and the run of strings is
// bounded, because the expression engine keeps a backtracking entry for each repetition of a group
// and overflows its stack on a few million of them (an array of five million strings did).
const UP_TO_BRACKET = /[^"{}[\]]*(?:"[^"\\]*"[^"{}[\]]*){0,1000}/y;

// The regular expression engine finds the next quote or bracket faster than a charCodeAt loop,
// which matters on pretty-printed files that are mostly indentation. `test` allocates nothing.
const STRUCTURAL = /["{}[\]]/g;

/** Offset of the next quote or bracket at or after `at`, or -1. */
function nextStructural(text: string, at: number): number {
  STRUCTURAL.lastIndex = at;
  return STRUCTURAL.test(text) ? STRUCTURAL.lastIndex - 1 : -1;
}

export const chars = { QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON };
