/**
 * How deep JSON text nests, measured on the text before anything recursive reads it: jsonc-parser,
 * JSON.stringify and the rules' walks overflow the stack on a few thousand levels, while real
 * connector, solution and flow files nest a few dozen. The validator and the solution tools refuse
 * text past the same depth.
 */
export const MAX_JSON_DEPTH = 256;

// The regular expression engine finds the next quote or bracket faster than a charCodeAt loop,
// which matters on pretty-printed files that are mostly indentation. `test` allocates nothing.
const STRUCTURAL = /["{}[\]]/g;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The offset of the bracket that opens nesting level `limit + 1`, outside strings; -1 when none does.
 * Any text is scanned, strict JSON or not; a string that never closes ends the scan.
 */
export function offsetPastDepth(text: string, limit: number): number {
  let depth = 0;
  STRUCTURAL.lastIndex = 0;
  while (STRUCTURAL.test(text)) {
    const at = STRUCTURAL.lastIndex - 1;
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = stringEnd(text, at);
      if (end === -1) return -1;
      STRUCTURAL.lastIndex = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > limit) return at;
    } else {
      depth--;
    }
  }
  return -1;
}

/** Offset just past the JSON string that opens at `at` (a quote), or -1 when it never closes. */
export function stringEnd(text: string, at: number): number {
  for (let end = text.indexOf('"', at + 1); end !== -1; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if ((backslashes & 1) === 0) return end + 1;
  }
  return -1;
}
