import { isJsonWhitespace, skipJsonWhitespace } from '@connector-alm/core';

/**
 * Character-level helpers over JSON text that skip values without building them.
 *
 * Why not a full positional parser for every file: jsonc-parser's tree costs about three times
 * JSON.parse on the corpus, and most positions are never asked for. JSON.parse builds the values;
 * these helpers find the few offsets that findings need.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const LINE_FEED = 0x0a;

// JSON's whitespace, shared with the solution package's reformatting of JSON.
export const isWhitespace = isJsonWhitespace;
export const skipWhitespace = skipJsonWhitespace;

/** Offset just past the string that opens at `at` (a quote), or -1 when it never closes. */
export function skipString(text: string, at: number): number {
  let end = at;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end === -1) return -1;
    if (!isEscaped(text, end)) return end + 1;
  }
}

/** Whether the character at `at` is escaped: an odd run of backslashes before it. */
export function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let k = at - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
  return (backslashes & 1) === 1;
}

/**
 * Where lines start, for the scans that skip containers: in strict JSON no string holds a raw line
 * break, so every line starts outside any string.
 */
export interface LineStarts {
  /** The offset where the line that holds `offset` starts. */
  lineStartOf(offset: number): number;
}

/**
 * Offset just past the value that starts at `at` in strict JSON text, or -1 on malformed text.
 * `lines` answers where lines start (see `skipToClose`).
 */
export function skipValue(text: string, at: number, lines: LineStarts): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return skipString(text, at);
  if (first === OPEN_BRACE) return skipToClose(text, at + 1, CLOSE_BRACE, lines);
  if (first === OPEN_BRACKET) return skipToClose(text, at + 1, CLOSE_BRACKET, lines);
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isWhitespace(code)) break;
    i++;
  }
  return i === at ? -1 : i;
}

/**
 * From `at`, inside a container of strict JSON text that `close` (a `}` or `]` code) closes and
 * outside any string, the offset just past that closing bracket; -1 on malformed text.
 *
 * Skipping containers is most of the locator's work, and it jumps from bracket to bracket with
 * `indexOf`, which the engine runs at memory speed, instead of reading every character: a sticky
 * regular expression that read each one took 38 ms to skip every corpus JSON file, this takes 15.
 * Only the brackets of the container's own kind count (in valid JSON, `{}` and `[]` nest apart).
 * Whether a bracket after a quote is inside a string is known from its own line, as JSON strings
 * hold no raw line break: when a line break comes before the next quote, no string is open at the
 * bracket (pretty-printed JSON ends nearly every line with its bracket, as in `"key": {`). Else the
 * strings of its line are read from the line's start, where no string is open. Reading every
 * bracket's line from its start took 12 ms of the 43 ms that locating the corpus's findings took;
 * the line rule took locating's share of a warm corpus run from 7.7 and 6.9 % to 6.0 and 6.2 %.
 */
export function skipToClose(text: string, at: number, close: number, lines: LineStarts): number {
  const closeChar = close === CLOSE_BRACE ? '}' : ']';
  const openChar = close === CLOSE_BRACE ? '{' : '[';
  let depth = 1;
  // No string is open at `safe`; the next opening and closing bracket at or after it, and a quote:
  // -1 if none follows, else the next one at or after it, or one behind it when not searched for
  // since `safe` moved (searched for only when a bracket does not end its line: see `endsItsLine`).
  let safe = at;
  let nextQuote = NOT_SEARCHED;
  let nextOpen = text.indexOf(openChar, safe);
  let nextClose = text.indexOf(closeChar, safe);
  for (;;) {
    if (nextClose === -1) return -1;
    const opens = nextOpen !== -1 && nextOpen < nextClose;
    const bracket = opens ? nextOpen : nextClose;
    if (nextQuote !== -1 && nextQuote < bracket && !endsItsLine(text, bracket)) {
      if (nextQuote < safe) nextQuote = text.indexOf('"', safe);
      if (nextQuote !== -1 && nextQuote < bracket) {
        // A string may hold the bracket. Nearly always its line says it does not: a string of strict
        // JSON holds no raw line break, so one open at the bracket closes before the line ends. (With
        // no quote after the bracket, the strings are read: one may never close, and that gives -1.)
        const quoteAfter = text.indexOf('"', bracket + 1);
        if (quoteAfter !== -1 && breaksLineBetween(text, bracket + 1, quoteAfter)) {
          nextQuote = quoteAfter;
        } else {
          // Read the strings from the line's start (or from `safe`).
          const lineStart = lines.lineStartOf(bracket);
          if (lineStart > safe) {
            safe = lineStart;
            if (nextQuote < safe) nextQuote = text.indexOf('"', safe);
          }
          while (nextQuote !== -1 && nextQuote < bracket) {
            safe = skipString(text, nextQuote);
            if (safe === -1) return -1;
            nextQuote = text.indexOf('"', safe);
          }
          if (safe > bracket) {
            // Inside the string that ends at `safe`: so may be the other bracket found.
            if (nextOpen !== -1 && nextOpen < safe) nextOpen = text.indexOf(openChar, safe);
            if (nextClose < safe) nextClose = text.indexOf(closeChar, safe);
            continue;
          }
        }
      }
    }
    safe = bracket + 1;
    if (opens) {
      depth++;
      nextOpen = text.indexOf(openChar, safe);
    } else if (--depth === 0) {
      return safe;
    } else {
      nextClose = text.indexOf(closeChar, safe);
    }
  }
}

/** A quote's offset that is behind any `safe` of `skipToClose`: the next quote is not searched for yet. */
const NOT_SEARCHED = -2;

/**
 * Whether a line feed follows the bracket at `at` before any quote, within the few characters that
 * pretty-printed JSON writes there (`,` and `\r`): then no string holds the bracket, as a string of
 * strict JSON closes on its line. Read before the next quote is searched for, which searching after
 * every bracket had made a third of skipping's calls: locating the corpus's findings took 37.7 ms
 * with that search, 35.5 with this look (medians of 60 runs interleaved in one process).
 */
function endsItsLine(text: string, at: number): boolean {
  for (let i = at + 1; i <= at + 3; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED) return true;
    if (code === QUOTE) return false;
  }
  return false;
}

/**
 * Whether a line feed is among the characters from `from` to `to` (exclusive). Read one by one, not
 * searched: on text without line breaks (minified JSON) a search would run to the end of the text
 * for every bracket, and in pretty-printed text the break is nearly always the first character.
 */
function breaksLineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LINE_FEED) return true;
  return false;
}

export const chars = { QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON };
