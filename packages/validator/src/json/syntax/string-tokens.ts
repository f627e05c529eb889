import * as jsonc from 'jsonc-parser';
import { insertion, replacement, type TextEdit } from '../../text/text-edits.js';
import type { Token } from './token.js';
import { typographicCloseAfter, typographicClosing } from './typographic-quotes.js';
import { excerpt } from '../../text/message-values.js';
import { isEscaped } from '../scan.js';
import { indentOf, lineStart, nextLineStart, skipSpaces, startsLine } from './line-layout.js';

/** Double-quoted strings JSON refuses (unclosed, over lines, raw controls, bad escapes), each with its edit. */

// jsonc-parser's ScanError and SyntaxKind are ambient const enums, unusable under isolatedModules.
const SCAN_UNEXPECTED_END_OF_STRING = 2;
const SCAN_INVALID_UNICODE = 4;
const SCAN_INVALID_ESCAPE = 5;
const SCAN_INVALID_CHARACTER = 6;
const COLON_TOKEN = 6;
/** Line and block comments, line breaks and other whitespace: the trivia kinds, numbered in a row. */
const LINE_COMMENT_TRIVIA = 12;
const WHITESPACE_TRIVIA = 15;

const CONTROL_CHARACTER =
  'A string contains a raw control character (such as a TAB); escape it as \\t or \\n.';

/** The bracket a string stands in: an object's or a list's, or none (the top-level value). */
export type Container = '{' | '[' | undefined;

/** A string token; `atKey`: it stands where an object's key does; `container`: the bracket it is in. */
export function stringToken(
  text: string,
  offset: number,
  end: number,
  error: number,
  atKey: boolean,
  container?: Container,
): Token {
  // A backslash right before a line break escapes nothing (JSON has no line continuation), but the
  // scanner takes the break as the character escaped: a LF, and the string went on over the next
  // lines; or the CR of a CR LF, and its LF ended the string, so the closing quote was put between
  // the two (past the line's end, a line of its own in an editor). The string ends with its line.
  if (error !== 0) {
    const lineBreak = escapedLineBreak(text, offset + 1, end);
    if (lineBreak !== -1) return unclosedString(text, offset, lineBreak, atKey, container);
  }
  if (error === SCAN_UNEXPECTED_END_OF_STRING) return unclosedString(text, offset, end, atKey, container);
  if (error === SCAN_INVALID_CHARACTER) {
    const nul = text.indexOf('\0', offset + 1);
    if (nul !== -1 && nul < end) return stringWithNul(text, offset, end, nul);
    const at = firstControlCharacter(text, offset + 1, end);
    const problem = { message: CONTROL_CHARACTER, offset: at, length: 1 };
    return { kind: 'string', offset, end, problem, fix: escapedControls(text, offset, end, false) };
  }
  if (error === SCAN_INVALID_ESCAPE || error === SCAN_INVALID_UNICODE) {
    const at = firstBadEscape(text, offset + 1, end);
    const message =
      error === SCAN_INVALID_UNICODE
        ? 'A \\u escape needs four hexadecimal digits (such as \\u00e9).'
        : text.charAt(at + 1) === "'"
          ? "JSON strings do not escape an apostrophe: write ' instead of \\'."
          : 'A backslash in a string starts an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u); write \\\\ for a backslash itself.';
    // Doubling the backslash (or dropping it before an apostrophe, as JavaScript and C# escape one
    // in a string) is the edit named; a \u without four hexadecimal digits names none.
    const fix = error === SCAN_INVALID_ESCAPE ? escapedBackslashes(text, offset, end) : undefined;
    return { kind: 'string', offset, end, fix, problem: { message, offset: at, length: 2 } };
  }
  // `"title”: "Contoso"`: the string runs to the next '"', over the ':' or ',' after the ”. Looked
  // for only in strings that end as such a one does, before the regular expression reads them whole.
  if (':, \t'.includes(text.charAt(end - 2))) {
    TYPOGRAPHIC_CLOSE_BEFORE_SEPARATOR.lastIndex = offset;
    const match = TYPOGRAPHIC_CLOSE_BEFORE_SEPARATOR.exec(text);
    if (match !== null && TYPOGRAPHIC_CLOSE_BEFORE_SEPARATOR.lastIndex === end) {
      return typographicClosing(text, offset, offset + match[1]!.length);
    }
  }
  // `"name: "value",`: the key lacks its closing quote, and the string runs to the value's opening
  // one (a key followed by its ':' is a key, whatever it holds, also with a comment between them:
  // `"k:" /* note */ : 1` was read as the key "k" and a string from its quote on).
  if (atKey && !colonFollows(text, end)) {
    const key = keyBeforeColon(text, offset, end);
    if (key) return key;
  }
  return { kind: 'string', offset, end };
}

/** A string whose text ends with a typographic double quote, a ':' or ',' and a '"'. */
const TYPOGRAPHIC_CLOSE_BEFORE_SEPARATOR = /("[^"\\\n\r]*)[\u201c\u201d][ \t]*[:,][ \t]*"/y;

/**
 * A string the scanner found unclosed at a line break or at the end of the text. When its closing
 * quote follows on a later line, just before a ',', '}', ']' or ':', the string was broken over lines
 * (a raw line break, which JSON does not allow in a string): it is read to that quote, unless the
 * lines read apart (linesReadApart) or a value would be followed by a ':'. Otherwise the quote is
 * missing, and the string ends with its line, or before the ',' or the closer that end the line.
 */
function unclosedString(
  text: string,
  offset: number,
  end: number,
  atKey: boolean,
  container: Container,
): Token {
  const close = closingQuote(text, end);
  if (close !== -1 && !linesReadApart(text, offset, end, close, atKey, container === '[')) {
    const after = nextNonSpace(text, close + 1);
    // A value is followed by a ':' only where a key's quote was lost too: `"#da3b01,⏎ capabilities": []`
    // lost the value's closing quote and the key's opening one, and read to that ':' the value would
    // take the key's name as text and leave its value no place but removal.
    const keyFollows = !atKey && text.charAt(after) === ':';
    if (after < text.length && ',}]:'.includes(text.charAt(after)) && !keyFollows) {
      return {
        kind: 'string',
        offset,
        end: close + 1,
        fix: escapedControls(text, offset, close + 1, true),
        problem: {
          message:
            'A string runs over a line break, which JSON does not allow in a string; write \\n instead of the line break, or join the lines.',
          offset: end,
          length: 1,
        },
      };
    }
  }
  // `"x”`: the closing quote was typed in a word processor, or pasted from one.
  const typographic = typographicCloseAfter(text, offset + 1, end);
  if (typographic !== -1) return typographicClosing(text, offset, typographic);
  // `"name: 1,`: a key's closing quote is missing before its colon, and the scanner read the rest
  // of the line into the key.
  const key = atKey ? keyBeforeColon(text, offset, end) : undefined;
  if (key) return key;
  const atEnd = end >= text.length;
  // `"Contoso,` at the end of a line: the comma separates it from the next member or item.
  const comma = atEnd ? -1 : commaEndingLine(text, offset + 1, end);
  const closer =
    atKey || atEnd ? -1 : containerCloserEnding(text, offset, comma === -1 ? end : comma, container);
  if (closer !== -1) {
    const bracket = container === '[' ? 'list' : 'object';
    return closedBefore(text, offset, closer, `the '${text.charAt(closer)}' that closes its ${bracket}`);
  }
  if (comma !== -1) return closedBefore(text, offset, comma, "the ',' at its end");
  const quote = quoteToClose(text, end);
  return {
    kind: 'string',
    offset,
    end,
    // At the end of the file the brackets left open are not said either: no edit is named for them.
    fix: atEnd ? undefined : insertion(end, quote.insert),
    unclosedAtEnd: atEnd,
    problem: {
      message: atEnd
        ? "The file ends inside a string: add its closing '\"', or restore the cut-off end of the file."
        : `A string is not closed on its line: add ${quote.named} at the end of the text${quote.why}.`,
      offset: end,
      length: 0,
    },
  };
}

/** The string from `offset` closed before `at`, where its line's text goes on with `what`. */
function closedBefore(text: string, offset: number, at: number, what: string): Token {
  const quote = quoteToClose(text, at);
  return {
    kind: 'string',
    offset,
    end: at,
    fix: insertion(at, quote.insert),
    problem: {
      message: `A string is not closed on its line: add ${quote.named} before ${what}${quote.why}.`,
      offset: at,
      length: 0,
    },
  };
}

/**
 * Where the closer of the string's own list or object ends its text up to `stop` (a ',' after it, or
 * the line's end; spaces aside), when the string's text opens no bracket of that kind and one opens
 * before it on its line: `["https],` lost its quote before the ']', and read to the line's end the
 * string took the ']' as its text. -1 otherwise.
 */
function containerCloserEnding(text: string, offset: number, stop: number, container: Container): number {
  if (container === undefined) return -1;
  let at = stop - 1;
  while (at > offset && (text.charAt(at) === ' ' || text.charAt(at) === '\t')) at--;
  // The closers that end the text (`"a}],`): the first of them is the string's own bracket's.
  while (at - 1 > offset && ']}'.includes(text.charAt(at - 1))) at--;
  const [opener, closer] = container === '[' ? ['[', ']'] : ['{', '}'];
  if (at <= offset || text.charAt(at) !== closer) return -1;
  if (text.slice(offset + 1, at).includes(opener)) return -1;
  // Only a bracket opened on the string's line is closed on it as a rule: a closer ending the line
  // of a value in a bracket opened above (`"a": "b}`, its '}' on a line of its own below) is text.
  return text.slice(lineStart(text, offset), offset).includes(opener) ? at : -1;
}

/**
 * Whether the string from `offset`, unclosed at the line break at `end`, lost its closing quote
 * there although a quote closes it on a later line, at `close`: that quote opened a string the
 * maker wrote after it, and lost its own opening quote. So where a key's line holds its ':' and a
 * value (`"capabilities: [],⏎ publisher": "DocuWare"`; a key never spans lines), and where an item
 * ends its line with a ',' and the next line, indented as the item's, ends with the quote
 * (`"America/Regina,⏎ America/Resolute",`): a list's items are rarely text over lines.
 */
function linesReadApart(
  text: string,
  offset: number,
  end: number,
  close: number,
  atKey: boolean,
  inList: boolean,
): boolean {
  if (atKey) return keyBeforeColon(text, offset, end) !== undefined;
  if (!inList || commaEndingLine(text, offset + 1, end) === -1 || !startsLine(text, offset)) return false;
  // The quote on the next line, which starts as the item's line does.
  const nextLine = nextLineStart(text, end);
  if (nextLine === -1) return false;
  const lineAfter = nextLineStart(text, nextLine);
  if (lineAfter !== -1 && lineAfter <= close) return false;
  return skipSpaces(text, nextLine) - nextLine === indentOf(text, offset);
}

/**
 * The closing quote to add at `at`: a '"', or after a lone backslash (`"C:\` cut at the line's
 * end), which would escape a '"' alone, a backslash more and the '"'.
 */
function quoteToClose(text: string, at: number): { insert: string; named: string; why: string } {
  if (!isEscaped(text, at)) return { insert: '"', named: "the closing '\"'", why: '' };
  return {
    insert: '\\"',
    named: "'\\\"'",
    why: " (the '\\' there would escape a '\"' alone: a backslash itself is written \\\\)",
  };
}

/**
 * The line break that a backslash right before it would escape, from `from` to `end`, else -1.
 * A backslash escapes the character after it, as the scanner reads it.
 */
function escapedLineBreak(text: string, from: number, end: number): number {
  for (let at = text.indexOf('\\', from); at !== -1 && at < end; at = text.indexOf('\\', at + 2)) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x0a || next === 0x0d) return at + 1;
  }
  return -1;
}

/**
 * The key at `offset` closed before its ':', when the string token to `end` holds a ':' that a
 * value follows: a key whose closing quote is missing. Undefined otherwise.
 */
function keyBeforeColon(text: string, offset: number, end: number): Token | undefined {
  const key = keyTextBeforeColon(text, offset + 1);
  if (key === undefined || key.matchEnd > end || key.text === '') return undefined;
  const close = offset + 1 + key.text.length;
  return {
    kind: 'string',
    offset,
    end: close,
    fix: insertion(close, '"'),
    problem: {
      message: `A key is not closed: add the closing '"' before its ':', as in "${excerpt(key.text)}".`,
      offset: close,
      length: 0,
    },
  };
}

/** What a key's text cannot hold before its ':': a quote, a backslash, the ':' itself, a line end. */
const KEY_STOP = /["\\:\r\n]/g;
const SPACE_OR_TAB = /[ \t]/;
const WHITESPACE = /\s/;

/**
 * A key's text from `from` up to a ':' that a value follows on the line, without the spaces or tabs
 * before the ':'; `matchEnd` is just past the value's first character. Scanned once, left to right:
 * the regular expression this replaces, /([^"\\:\r\n]*?)[ \t]*:[ \t]*[^\s]/y, took cubic time on a
 * long run of spaces after an unclosed quote (a hostile swagger could stall the check for hours).
 */
function keyTextBeforeColon(text: string, from: number): { text: string; matchEnd: number } | undefined {
  KEY_STOP.lastIndex = from;
  const stop = KEY_STOP.exec(text);
  if (stop === null || stop[0] !== ':') return undefined;
  const colon = stop.index;
  let keyEnd = colon;
  while (keyEnd > from && SPACE_OR_TAB.test(text.charAt(keyEnd - 1))) keyEnd--;
  let value = colon + 1;
  while (value < text.length && SPACE_OR_TAB.test(text.charAt(value))) value++;
  if (value >= text.length || WHITESPACE.test(text.charAt(value))) return undefined;
  return { text: text.slice(from, keyEnd), matchEnd: value + 1 };
}

/** The offset of the ',' that ends the text from `from` to `end`, spaces after it aside; else -1. */
function commaEndingLine(text: string, from: number, end: number): number {
  let at = end - 1;
  while (at >= from && (text.charAt(at) === ' ' || text.charAt(at) === '\t')) at--;
  return at >= from && text.charAt(at) === ',' ? at : -1;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x22) return i;
  }
  return -1;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/**
 * Whether the first token after `from` that is neither whitespace nor a comment (each comment a
 * slip reported on its own) is a ':'. Comments are read by jsonc-parser's scanner, as the token
 * stream reads them, and only where one follows: nearly every key has its ':', or something else,
 * right after its spaces.
 */
function colonFollows(text: string, from: number): boolean {
  const at = nextNonSpace(text, from);
  if (text.charAt(at) !== '/') return text.charAt(at) === ':';
  const scanner = jsonc.createScanner(text, false);
  scanner.setPosition(at);
  let code: number;
  do code = scanner.scan();
  while (code >= LINE_COMMENT_TRIVIA && code <= WHITESPACE_TRIVIA);
  return code === COLON_TOKEN;
}

function firstControlCharacter(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) === 0x5c) i++;
    else if (text.charCodeAt(i) < 0x20) return i;
  }
  return from;
}

function firstBadEscape(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const next = text.charAt(i + 1);
    if (next === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(next))
      return i;
    i++;
  }
  return from;
}

/**
 * A string that holds a NUL: no text has one (an editor or a paste left it, `"Contoso\0"`), so it is
 * removed rather than escaped as \u0000, which would keep it in the value; the string's other raw
 * control characters are escaped as ever.
 */
function stringWithNul(text: string, offset: number, end: number, nul: number): Token {
  const fix = escapedControls(text, offset, end, false, true);
  // eslint-disable-next-line no-control-regex
  const others = /[\u0001-\u001f]/.test(text.slice(offset + 1, end - 1));
  const message = `A string holds a NUL character (U+0000), which no text has (an editor or a paste left it): remove it.${others ? ' Escape its other raw control characters (such as a TAB) as \\t or \\n.' : ''}`;
  return { kind: 'string', offset, end, problem: { message, offset: nul, length: 1 }, fix };
}

/** The escapes of control characters, as JSON writes them. */
const CONTROL_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * The string token from `offset` to `end` with its raw control characters escaped (its NULs removed,
 * where `withoutNuls`); a line break (`\r\n` included) written as one `\n` where `lineBreaks` says the
 * string runs over lines.
 */
function escapedControls(
  text: string,
  offset: number,
  end: number,
  lineBreaks: boolean,
  /** NULs are removed, not escaped (see stringWithNul). */
  withoutNuls = false,
): TextEdit {
  const written = withoutNuls ? text.slice(offset, end).replaceAll('\0', '') : text.slice(offset, end);
  const joined = lineBreaks ? written.replace(/\r\n?/g, '\n') : written;
  // eslint-disable-next-line no-control-regex
  const escaped = joined.replace(/[\u0000-\u001f]/g, (character) => {
    return CONTROL_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return replacement(offset, end - offset, escaped);
}

/** The string token with each backslash that starts no JSON escape doubled, and `\'` written `'`. */
function escapedBackslashes(text: string, offset: number, end: number): TextEdit {
  const written = text.slice(offset, end);
  const escaped = written.replace(/\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt'])|\\/g, (escape) => {
    if (escape === "\\'") return "'";
    return escape.length === 1 ? '\\\\' : escape;
  });
  return replacement(offset, end - offset, escaped);
}
