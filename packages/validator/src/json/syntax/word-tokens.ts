import { hashCommentToken } from './comment-tokens.js';
import { insertion, removal, replacement } from '../../text/text-edits.js';
import type { Token } from './token.js';
import { skipSpaces } from './line-layout.js';
import { TYPOGRAPHIC_QUOTES, typographicAdvice, typographicClose } from './typographic-quotes.js';
import { enclosedExcerpt, excerpt } from '../../text/message-values.js';

/** Words that are no JSON token: strings in other quotes, unquoted text, invisible characters, ';', '='. */

/** What to write for a word that is text: the advice for an unquoted string, wherever it is read. */
export function quoteAdvice(word: string): string {
  const shown = excerpt(word);
  return `${shown} is not a JSON value: strings take double quotes, as in "${shown}".`;
}

/**
 * A word that is no JSON token: a single-quoted string (read to its closing quote on the line, past
 * an escaped \'), a run of invisible characters (a token of its own, so that the word after it is
 * read as what it is), a ';' (its own token too), or a word the diagnosis names where it stands (NaN, True,
 * an unquoted key).
 */
export function wordToken(
  text: string,
  offset: number,
  end: number,
  describeCharacters: (characters: readonly number[]) => string,
  scans: UnopenedStrings = new UnopenedStrings(text),
): Token {
  const first = text.codePointAt(offset)!;
  const comment = hashCommentToken(text, offset);
  if (comment) return comment;
  // A string in single quotes or backticks, as JavaScript and Python write strings.
  if (first === 0x27 || first === 0x60) {
    const close = quoteClose(text, offset);
    if (close !== -1) {
      const written = text.slice(offset, close + 1);
      const meant = doubleQuoted(text.slice(offset + 1, close));
      return {
        kind: 'string',
        offset,
        end: close + 1,
        fix: replacement(offset, written.length, meant),
        problem: {
          message: `JSON strings take double quotes: write ${enclosedExcerpt(meant)} instead of ${enclosedExcerpt(written)}.`,
          offset,
          length: written.length,
        },
      };
    }
  }
  if (TYPOGRAPHIC_QUOTES.includes(text.charAt(offset))) {
    const close = typographicClose(text, offset);
    if (close !== -1) {
      const meant = JSON.stringify(text.slice(offset + 1, close));
      return {
        kind: 'string',
        offset,
        end: close + 1,
        fix: replacement(offset, close + 1 - offset, meant),
        problem: { message: typographicAdvice(meant), offset, length: close + 1 - offset },
      };
    }
  }
  if (isInvisible(first)) {
    const run = invisibleRun(text, offset);
    const length = run.reduce((sum, character) => sum + (character > 0xffff ? 2 : 1), 0);
    return {
      kind: 'skip',
      offset,
      end: offset + length,
      problem: { message: describeCharacters(run), offset, length },
      fix: removal(text, offset, length),
    };
  }
  // `-Infinity` and `-.5` are one word each, which the scanner ends after the '-'.
  SIGNED_NON_NUMBER.lastIndex = offset;
  if (SIGNED_NON_NUMBER.test(text)) return { kind: 'word', offset, end: SIGNED_NON_NUMBER.lastIndex };
  // A '=' or '=>' is a token of its own, written for a ':' by makers used to other notations
  // (`"a" = 1`, `"a" => 1`): the scanner would read `=1` as one word.
  if (first === 0x3d)
    return { kind: 'word', offset, end: offset + (text.charAt(offset + 1) === '>' ? 2 : 1) };
  // A ';' is a token of its own, written for a ',' by makers used to C# or JavaScript: the scanner
  // reads `true;` as one word, which would be advised to become the string "true;".
  const semicolon = text.indexOf(';', offset);
  if (semicolon !== -1 && semicolon < end) {
    if (semicolon === offset) return { kind: 'word', offset, end: offset + 1 };
    end = semicolon;
    if (/^(?:true|false|null)$/.test(text.slice(offset, end))) return { kind: 'literal', offset, end };
  }
  // A word that goes on at a '/' (application/json, https://…, a path) is one unquoted string; the
  // scanner would end it at the '/', and read a '//' as the start of a comment to the end of the line.
  end = unquotedRunEnd(text, offset, end);
  // A word right before a '"' is a string that lost its opening quote ("produces": read as produces").
  if (text.charCodeAt(end) === 0x22) return unopenedStringToken(text, offset, end + 1);
  // Words up to a '"' that ends a value or key on the line: a string of several words that lost its
  // opening quote (`"description": The tracking direction of the goal",`). Read word by word, the
  // first was quoted and the others removed, and --fix deleted the maker's text.
  const unopened = scans.at(offset);
  if (unopened) return unopened;
  // An invisible character inside the word ends it.
  for (let i = offset + 1; i < end; i++) {
    if (isInvisible(text.charCodeAt(i))) return { kind: 'word', offset, end: i };
  }
  return { kind: 'word', offset, end };
}

/**
 * Strings of a text that lost their opening quote: the text from an offset to a '"' that ends a value
 * or key on its line (only spaces, then a ',', ':', '}', ']' or the line's end follow it). Text
 * holding a '\\' is left alone: an escape JSON might refuse is the maker's to say. One per token
 * stream: every word of a line is asked in turn, and each would read on to the same quote or line
 * end, which made a megabyte of words on one line take seconds; the last reading holds for every
 * offset before where it stopped.
 */
export class UnopenedStrings {
  private last: { from: number; stop: number; end: number } | undefined;

  constructor(readonly text: string) {}

  /** The string from `offset` on, read so; undefined where no such quote ends it. */
  at(offset: number): Token | undefined {
    const end = this.endFrom(offset);
    return end === -1 ? undefined : unopenedStringToken(this.text, offset, end);
  }

  /** The end (past its '"') of the string from `offset`, or -1. */
  private endFrom(offset: number): number {
    const { last, text } = this;
    if (last && offset >= last.from && offset < last.stop) return last.end;
    let stop = offset;
    while (stop < text.length && !'"\n\r\\'.includes(text.charAt(stop))) stop++;
    let end = -1;
    if (text.charAt(stop) === '"') {
      const next = text.charAt(skipSpaces(text, stop + 1));
      if (next === '' || ',:}]\r\n'.includes(next)) end = stop + 1;
    }
    this.last = { from: offset, stop, end };
    return end;
  }
}

/**
 * A value that opens with a bracket closed on its line and ends at a '"' there, its text no JSON
 * (`"clientId": [[DUMMY_VALUE]]",`, `"x-ms-summary": {Enter the name}",`, `"description": [optional]
 * The filter",`): a placeholder or a note in brackets that lost its opening quote. Read as a list or an object, the closing quote was a string
 * of its own, and --fix wrote `["DUMMY_VALUE]"]`. Bracketed text that is JSON (`[1, 2]"`) is left to
 * be read as written, and so is a bracket with a comment on its line. Undefined otherwise.
 */
export function unopenedBracketedString(offset: number, scans: UnopenedStrings): Token | undefined {
  const token = scans.at(offset);
  if (!token) return undefined;
  const { text } = scans;
  // A value's quote: a ':' after it ends a key (`[], " : "` holds the quote that opens a string).
  if (text.charAt(skipSpaces(text, token.end)) === ':') return undefined;
  const bracketed = text.slice(offset, token.end - 1).trimEnd();
  // A comment may hold any quote (`[ // ] "`): the quote ends the comment's text, not the bracket's.
  if (/\/[/*]/.test(bracketed)) return undefined;
  const closed = closingBracket(bracketed);
  // Words may follow the closer, no more: where a ',' follows it, the bracket ended the value, and
  // where brackets do, the quote is another value's (`[[]],[{},["}"]` in minified JSON).
  if (closed === -1) return undefined;
  const after = bracketed.slice(closed + 1);
  if (/^\s*,|[[\]{}]/.test(after)) return undefined;
  try {
    JSON.parse(bracketed);
    return undefined;
  } catch {
    return token;
  }
}

/**
 * Where the bracket that opens `bracketed` is closed, or -1: the quote after `[[y]"` ends the inner
 * list's text, an item of the outer list, which the quote leaves open.
 */
function closingBracket(bracketed: string): number {
  const opener = bracketed.charAt(0);
  const closer = opener === '[' ? ']' : '}';
  let depth = 0;
  for (let at = 0; at < bracketed.length; at++) {
    const character = bracketed.charAt(at);
    if (character === opener) depth++;
    else if (character === closer && --depth === 0) return at;
  }
  return -1;
}

/** The string from `offset` to its closing '"' (before `end`), which lacks its opening one. */
function unopenedStringToken(text: string, offset: number, end: number): Token {
  return {
    kind: 'string',
    offset,
    end,
    problem: {
      message: `A string lacks its opening '"': write "${excerpt(text.slice(offset, end - 1))}".`,
      offset,
      length: end - 1 - offset,
    },
    fix: insertion(offset, '"'),
  };
}

/** `-Infinity`, `-NaN` and `-.5`, as JavaScript writes them. */
const SIGNED_NON_NUMBER = /-(?:(?:Infinity|NaN)(?![\p{L}\p{N}_])|\.\d+(?:[eE][+-]?\d+)?)/uy;

/**
 * Characters of an unquoted media type, URL or path, and the typographic quotes a word processor may
 * have put around it; JSON's own punctuation and spaces end it.
 */
const UNQUOTED_CHARACTER = /[\p{L}\p{N}/._\-+~%?&=#@!$\u2018\u2019\u201c\u201d]/u;

/**
 * Where the unquoted word at `offset`, which the scanner ended at `end`, really ends when it goes on
 * at a '/': over the characters of a URL, a ':' included only where a URL has one (`https://`,
 * `host:8080`), a '//' or '/*' elsewhere left to be read as the comment it starts. `end` itself
 * when the word does not go on at a '/'.
 */
function unquotedRunEnd(text: string, offset: number, end: number): number {
  if (text.charAt(end) !== '/' && text.charAt(offset) !== '/' && !text.startsWith('://', end)) return end;
  let at = end;
  let url = false;
  for (; at < text.length; at++) {
    const character = text.charAt(at);
    if (character === ':') {
      if (text.startsWith('://', at)) {
        url = true;
        at += 2;
      } else if (!(url && /[0-9]/.test(text.charAt(at + 1)))) break;
    } else if (character === '/' && (text.charAt(at + 1) === '/' || text.charAt(at + 1) === '*')) {
      break;
    } else if (!UNQUOTED_CHARACTER.test(character)) {
      break;
    }
  }
  return at;
}

/**
 * The invisible characters side by side from `offset`, up to a space, tab or line break (which JSON
 * allows): one slip, named once (upstream's ZohoSign has two em spaces in a row, which were two
 * findings on one line).
 */
function invisibleRun(text: string, offset: number): number[] {
  const run: number[] = [];
  for (let at = offset; at < text.length;) {
    const character = text.codePointAt(at)!;
    if (JSON_WHITESPACE.has(character) || !isInvisible(character)) break;
    run.push(character);
    at += character > 0xffff ? 2 : 1;
  }
  return run;
}

/** Space, tab, line feed and carriage return: the whitespace JSON allows between tokens. */
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function isInvisible(character: number): boolean {
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(String.fromCodePoint(character));
}

/**
 * Whether an invisible character shows as space, so that the maker typed it for one (a no-break
 * space pasted from a web page, an em space, a vertical tab), rather than one that takes no room (a
 * zero-width space, a byte-order mark, a NUL byte), which they never meant at all.
 */
export function isSpaceLike(character: number): boolean {
  return character === 0x0b || character === 0x0c || /\p{Z}/u.test(String.fromCodePoint(character));
}

/**
 * The quote that closes the string a single quote or backtick opens at `offset`, on its line; -1
 * when none does. A backslash escapes the character after it, so `'it\'s'` is one string, as
 * JavaScript reads it.
 */
function quoteClose(text: string, offset: number): number {
  const quote = text.charCodeAt(offset);
  for (let i = offset + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return -1;
    if (code === 0x5c && !/[\n\r]/.test(text.charAt(i + 1))) i++;
    else if (code === quote) return i;
  }
  return -1;
}

/**
 * A single-quoted or backticked string's text in double quotes: a `"` in it escaped, a `\'` or
 * `` \` `` (escapes JSON does not have) written as the quote it means. Its other escapes are kept as written, and JSON.parse of the
 * repaired text judges them.
 */
function doubleQuoted(inner: string): string {
  const escaped = inner.replace(/\\[\s\S]|"/g, (mark) => {
    if (mark === '"') return '\\"';
    return mark === "\\'" || mark === '\\`' ? mark.charAt(1) : mark;
  });
  return `"${escaped}"`;
}
