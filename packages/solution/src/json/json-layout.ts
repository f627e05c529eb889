import {
  isJsonWhitespace as isWhitespace,
  skipJsonWhitespace as skipWhitespace,
  stringEnd,
} from '@connector-alm/core';

/**
 * New whitespace for JSON text that JSON.parse accepted, token by token, so that key order and number
 * literals stay exactly as written. One pass with the next quote found by a native search: the
 * lexeme-by-lexeme `replace()` this replaces called back into JavaScript for every punctuator and
 * every run of whitespace, three quarters of what reformatting a solution's connectors cost.
 */

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const lineBreaks: string[] = [];
const lineBreak = (depth: number): string => (lineBreaks[depth] ??= '\n' + '  '.repeat(depth));

/** Whether a literal (number, true, false, null) ends before this character. */
function endsLiteral(code: number): boolean {
  return (
    code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || code === COLON || isWhitespace(code)
  );
}

/** Offset just past the string that opens at `at`; JSON.parse accepted the text, so it closes. */
function stringEndIn(text: string, at: number): number {
  const end = stringEnd(text, at);
  return end === -1 ? text.length : end;
}

/**
 * Thrown by a layout given a `maxDepth` at the bracket that opens the level past it: measured as the
 * layout goes, which a scan of its own before it cost as much as JSON.parse.
 */
export class NestedTooDeep extends Error {
  constructor(readonly offset: number) {
    super(`JSON nested too deep at offset ${offset}`);
  }
}

/**
 * 2-space indented: each member and element on a line of its own, `": "` after a key, and an empty
 * object or array kept on one line (`{}`, `[]`). No final newline.
 */
export function indentedJson(text: string, maxDepth = Infinity): string {
  let out = '';
  let depth = 0;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = stringEndIn(text, at);
      out += text.slice(at, end);
      at = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      // An empty one is a level too, as offsetPastDepth counts it.
      if (depth >= maxDepth) throw new NestedTooDeep(at);
      const next = skipWhitespace(text, at + 1);
      if (text.charCodeAt(next) === (code === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        out += code === OPEN_BRACE ? '{}' : '[]';
        at = next + 1;
      } else {
        out += (code === OPEN_BRACE ? '{' : '[') + lineBreak(++depth);
        at = next;
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      out += lineBreak(--depth) + (code === CLOSE_BRACE ? '}' : ']');
      at++;
    } else if (code === COMMA) {
      out += ',' + lineBreak(depth);
      at++;
    } else if (code === COLON) {
      out += ': ';
      at++;
    } else if (isWhitespace(code)) {
      at++;
    } else {
      let end = at + 1;
      while (end < text.length && !endsLiteral(text.charCodeAt(end))) end++;
      out += text.slice(at, end);
      at = end;
    }
  }
  return out;
}

/** Without any whitespace between tokens, as the platform writes JSON into a solution. */
export function minifiedJson(text: string, maxDepth = Infinity): string {
  let out = '';
  let from = 0;
  let depth = 0;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = stringEndIn(text, at);
    } else if (isWhitespace(code)) {
      out += text.slice(from, at);
      at = skipWhitespace(text, at);
      from = at;
    } else {
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (++depth > maxDepth) throw new NestedTooDeep(at);
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
      at++;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
