import { skipString, skipWhitespace } from './scan.js';

/**
 * The longest key a JSON file may have before it is refused, as a file nested too deep is. Every
 * finding under a key repeats it in its pointer, so one key of 40 KB with thousands of findings
 * under it made reports of hundreds of megabytes, and a longer one ran the check out of memory. The
 * corpus's longest key is 750 characters (a list of OAuth scopes in Square Payments); URLs past a
 * few thousand characters are refused by most servers anyway.
 */
export const MAX_JSON_KEY_LENGTH = 4096;

const COLON = 0x3a;

/**
 * The offset of the opening quote of the first key in the text whose written form (between its
 * quotes, escapes as written) is longer than `limit`, or -1. Any text is scanned, strict JSON or not:
 * a string is a key when a colon follows it. A string that never closes ends the scan.
 */
export function offsetOfLongKey(text: string, limit: number): number {
  for (let open = text.indexOf('"'); open !== -1;) {
    const end = skipString(text, open);
    if (end === -1) return -1;
    if (end - open - 2 > limit && text.charCodeAt(skipWhitespace(text, end)) === COLON) return open;
    open = text.indexOf('"', end);
  }
  return -1;
}
