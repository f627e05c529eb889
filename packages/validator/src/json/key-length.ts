import { MAX_JSON_DEPTH } from '@connector-alm/core';
import { skipString, skipWhitespace } from './scan.js';
import { objectMembersWithin } from './value-depth.js';

/**
 * The longest key a JSON file may have before it is refused, as a file nested too deep is. Every
 * finding under a key repeats it in its pointer, so one key of 40 KB with thousands of findings
 * under it made reports of hundreds of megabytes, and a longer one ran the check out of memory. The
 * corpus's longest key is 750 characters (a list of OAuth scopes in Square Payments); URLs past a
 * few thousand characters are refused by most servers anyway.
 */
export const MAX_JSON_KEY_LENGTH = 4096;

/**
 * The longest the keys from the root to a member may add up to (with one character a level for the
 * '/' between them), for the same reason: a pointer repeats every key above it, and 60 levels of
 * 4,000-character names, each under the key limit, gave pointers of 240 KB and a 483 MB report of
 * 2,008 findings. The corpus's longest is 790. Array indexes are not counted: they are short.
 */
export const MAX_JSON_KEY_PATH_LENGTH = 8192;

/**
 * The most characters one character of a key can take as written: `\u00e9`. Keys are limited as
 * written, which is what an editor shows and a finding highlights; a parsed value holds them decoded.
 */
const ESCAPE_LENGTH = 6;

/**
 * The key and key-path lengths that a parsed value's keys are screened with (`objectMembersWithin`):
 * a decoded key within them is within MAX_JSON_KEY_LENGTH and MAX_JSON_KEY_PATH_LENGTH as written,
 * however it is escaped. A value past them is measured on its text, by `findOverlongKey`. The corpus
 * has a key of 750 characters (Square Payments): such files are scanned, a few in a thousand.
 */
export const KEY_SCREEN_LENGTH = Math.floor(MAX_JSON_KEY_LENGTH / ESCAPE_LENGTH);
export const KEY_PATH_SCREEN_LENGTH = Math.floor(MAX_JSON_KEY_PATH_LENGTH / ESCAPE_LENGTH);

/**
 * The most characters an escape writes beyond the one it stands for: five (`\u0041` for `A`). Every
 * escape starts with a backslash, so a key as written is at most its decoded length plus this much
 * for each backslash of the text; and so are the keys from the root to it.
 */
const ESCAPE_EXCESS = ESCAPE_LENGTH - 1;

/**
 * The number of object members of `value`, the strict parse of `text`, or -1 when the screens cannot
 * tell that it is within MAX_JSON_DEPTH and the key limits as written: the text is then scanned for
 * where it is not (offsetPastDepth, findOverlongKey). A value that the screen for any escapes refuses
 * is screened again with the lengths that the text's backslashes allow: the corpus's longest key, 750
 * characters in Square Payments' swagger, whose text has two backslashes, had its 753 KB scanned for
 * depth and for keys: reading it takes about a third of the time it took (4.5-8.9 -> 1.6-2.9 ms,
 * medians of 200 interleaved runs, three times).
 */
export function screenedMembers(text: string, value: unknown): number {
  const members = objectMembersWithin(value, MAX_JSON_DEPTH, KEY_SCREEN_LENGTH, KEY_PATH_SCREEN_LENGTH);
  if (members !== -1) return members;
  // Past this many backslashes, the second screen would be no wider than the first.
  const mostBackslashes = Math.floor((MAX_JSON_KEY_LENGTH - KEY_SCREEN_LENGTH) / ESCAPE_EXCESS);
  const excess = ESCAPE_EXCESS * backslashesIn(text, mostBackslashes);
  if (excess >= MAX_JSON_KEY_LENGTH - KEY_SCREEN_LENGTH) return -1;
  return objectMembersWithin(
    value,
    MAX_JSON_DEPTH,
    MAX_JSON_KEY_LENGTH - excess,
    MAX_JSON_KEY_PATH_LENGTH - excess,
  );
}

/** How many backslashes `text` holds, counted up to `atMost` and one more. */
function backslashesIn(text: string, atMost: number): number {
  let count = 0;
  for (let at = text.indexOf('\\'); at !== -1 && count <= atMost; at = text.indexOf('\\', at + 1)) count++;
  return count;
}

/** A key past MAX_JSON_KEY_LENGTH, or whose keys from the root run past MAX_JSON_KEY_PATH_LENGTH. */
export interface OverlongKey {
  /** The key's opening quote. */
  offset: number;
  /** The key as written between its quotes, escapes and all. */
  keyLength: number;
  /** The keys from the root to it, with one character a level, as written. */
  pathLength: number;
}

const QUOTE = 0x22;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The first key of the text that is too long, or whose keys from the root add up to too much, or
 * undefined. Any text is scanned, strict JSON or not: a string is a key when a colon follows it, and
 * brackets outside strings open and close levels. Keys count as written (escapes and all), strict
 * JSON as any other text: a `\u`-escaped key is as long as the editor shows it. A string that never
 * closes ends the scan.
 */
export function findOverlongKey(
  text: string,
  keyLimit = MAX_JSON_KEY_LENGTH,
  pathLimit = MAX_JSON_KEY_PATH_LENGTH,
): OverlongKey | undefined {
  // The path length of each open level, as `objectMembersWithin` counts it: the root level's is 0.
  const levels: number[] = [];
  let level = -1;
  // The length of the last key read at this level, the one a '{' or '[' that follows opens under.
  let lastKey = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = skipString(text, at);
      if (end === -1) return undefined;
      if (text.charCodeAt(skipWhitespace(text, end)) === COLON) {
        const keyLength = end - at - 2;
        const pathLength = level + 1 + keyLength;
        if (keyLength > keyLimit || pathLength > pathLimit) return { offset: at, keyLength, pathLength };
        lastKey = keyLength;
      }
      at = end - 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      levels.push(level);
      level = level + 1 + Math.max(lastKey, 0);
      lastKey = -1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      level = levels.pop() ?? -1;
      lastKey = -1;
    }
  }
  return undefined;
}
