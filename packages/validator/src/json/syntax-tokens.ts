import * as jsonc from 'jsonc-parser';
import { insertion, removal, replacement, type TextEdit } from './syntax-repair.js';
import { enclosedExcerpt, excerpt } from '../text/message-values.js';

// The tokens of text that is not strict JSON, read for the syntax diagnosis (see syntax-diagnosis.ts).
// jsonc-parser's scanner reads them; the slips a person makes by hand that it splits into misleading
// pieces (a string in single quotes, backticks or typographic quotes, a string broken over two lines,
// a pasted invisible character, a number with a leading zero, in hexadecimal or as arithmetic such as
// 2/3, an unquoted media type or URL, a '#' comment) are read here as one token with the problem
// named, and those it joins into one word (`true;`, `=1`) as their parts, so that the diagnosis sees
// the structure meant.

export type TokenKind = '{' | '}' | '[' | ']' | ',' | ':' | 'string' | 'literal' | 'word' | 'skip' | 'end';

/** A problem of the token itself, reported wherever the token stands. */
export interface TokenProblem {
  message: string;
  offset: number;
  length: number;
}

export interface Token {
  kind: TokenKind;
  offset: number;
  end: number;
  problem?: TokenProblem;
  /** The edit the problem's message asks for, when it names one (see syntax-repair.ts). */
  fix?: TextEdit;
  /**
   * The token runs unclosed to the end of the text (a string, a '/*' comment): the brackets left
   * open follow from it, and are not said.
   */
  unclosedAtEnd?: boolean;
}

// jsonc-parser's SyntaxKind and ScanError are ambient const enums, unusable under isolatedModules.
const KINDS: Record<number, TokenKind> = {
  1: '{',
  2: '}',
  3: '[',
  4: ']',
  5: ',',
  6: ':',
  7: 'literal',
  8: 'literal',
  9: 'literal',
  10: 'string',
  11: 'literal',
  12: 'skip',
  13: 'skip',
  16: 'word',
  17: 'end',
};
const NUMERIC_LITERAL = 11;
const LINE_BREAK_TRIVIA = 14;
const WHITESPACE_TRIVIA = 15;
const SCAN_UNEXPECTED_END_OF_COMMENT = 1;
const SCAN_UNEXPECTED_END_OF_STRING = 2;
const SCAN_INVALID_UNICODE = 4;
const SCAN_INVALID_ESCAPE = 5;
const SCAN_INVALID_CHARACTER = 6;

const CONTROL_CHARACTER =
  'A string contains a raw control character (such as a TAB); escape it as \\t or \\n.';

/** Every token of the text, whitespace left out, ending with an 'end' token. */
export function tokenize(text: string, describeCharacter: (character: number) => string): Token[] {
  const scanner = jsonc.createScanner(text, false);
  const tokens: Token[] = [];
  // The brackets open and the last token read, to tell where a key stands.
  const open: string[] = [];
  let last: TokenKind = 'end';
  for (;;) {
    const code = scanner.scan();
    if (code === LINE_BREAK_TRIVIA || code === WHITESPACE_TRIVIA) continue;
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    const kind = KINDS[code] ?? 'word';
    if (kind === 'end') {
      tokens.push({ kind, offset, end });
      return tokens;
    }
    if (kind === 'skip' && scanner.getTokenError() === SCAN_UNEXPECTED_END_OF_COMMENT) {
      // Where the comment was meant to end is the maker's to say: no edit is named.
      const problem = { message: UNCLOSED_COMMENT, offset, length: 2 };
      tokens.push({ kind, offset, end, problem, unclosedAtEnd: true });
    } else if (kind === 'skip') {
      const problem = { message: COMMENT, offset, length: end - offset };
      tokens.push({ kind, offset, end, problem, fix: removal(text, offset, end - offset) });
    } else if (kind === 'string') {
      const atKey = open[open.length - 1] === '{' && (last === '{' || last === ',');
      const token = stringToken(text, offset, end, scanner.getTokenError(), atKey);
      tokens.push(token);
      if (token.end !== end) scanner.setPosition(token.end);
    } else if (kind === 'word') {
      const token = wordToken(text, offset, end, describeCharacter);
      tokens.push(token);
      if (token.end !== end) scanner.setPosition(token.end);
    } else if (code === NUMERIC_LITERAL && scanner.getTokenError() !== 0) {
      const problem = { message: BAD_NUMBER, offset, length: end - offset };
      tokens.push({ kind, offset, end, problem });
    } else if (code === NUMERIC_LITERAL) {
      const token = arithmeticToken(text, offset) ?? numberToken(text, offset, end);
      tokens.push(token);
      if (token.end !== end) scanner.setPosition(token.end);
    } else {
      tokens.push({ kind, offset, end });
    }
    const token = tokens[tokens.length - 1]!;
    if (token.kind === 'skip') continue;
    last = token.kind;
    if (last === '{' || last === '[') open.push(last);
    else if (last === '}' || last === ']') open.pop();
  }
}

const BAD_NUMBER = 'A number is not written as JSON allows (such as 12, -0.5 or 1e3): a digit is missing.';

const COMMENT = 'Comments are not allowed in JSON; remove it (a "description" can hold the note).';

const UNCLOSED_COMMENT =
  "This '/*' comment is never closed, so the rest of the file is read as part of it: comments are not allowed in JSON; remove the comment.";

/** The rest of a number after a leading `0`: more digits, a fraction, an exponent. */
const AFTER_LEADING_ZERO = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The rest of a hexadecimal number after its `0`, as JavaScript and C# write it (0x1F). */
const HEXADECIMAL = /[xX][0-9a-fA-F]+(?![\p{L}\p{N}_])/uy;

/**
 * A number. The scanner ends a number at a `0` that starts it, so `01` would be read as two numbers
 * ("Unexpected 1") and `007` as three: a leading zero is read here as one number with the problem named.
 */
function numberToken(text: string, offset: number, end: number): Token {
  const zero =
    end - offset === 1
      ? text.charCodeAt(offset) === 0x30
      : text.startsWith('-0', offset) && end - offset === 2;
  if (!zero) return { kind: 'literal', offset, end };
  HEXADECIMAL.lastIndex = end;
  if (HEXADECIMAL.test(text)) {
    const written = text.slice(offset, HEXADECIMAL.lastIndex);
    const meant = String(Number(written.replace('-', '')) * (written.startsWith('-') ? -1 : 1));
    return {
      kind: 'literal',
      offset,
      end: HEXADECIMAL.lastIndex,
      fix: replacement(offset, written.length, meant),
      problem: {
        message: `${excerpt(written)} is not a number as JSON writes it: write ${excerpt(meant)}, its decimal value.`,
        offset,
        length: written.length,
      },
    };
  }
  AFTER_LEADING_ZERO.lastIndex = end;
  if (!AFTER_LEADING_ZERO.test(text)) return { kind: 'literal', offset, end };
  const written = text.slice(offset, AFTER_LEADING_ZERO.lastIndex);
  const meant = written.replace(/^(-?)0+(?=[0-9])/, '$1');
  return {
    kind: 'literal',
    offset,
    end: AFTER_LEADING_ZERO.lastIndex,
    fix: replacement(offset, written.length, meant),
    problem: {
      message: `JSON numbers cannot have leading zeros: write ${excerpt(meant)} instead of ${excerpt(written)}, or "${excerpt(written)}" as a string if the zeros matter (a postal code, an id).`,
      offset,
      length: written.length,
    },
  };
}

/** What to write for a word that is text: the advice for an unquoted string, wherever it is read. */
export function quoteAdvice(word: string): string {
  const shown = excerpt(word);
  return `${shown} is not a JSON value: strings take double quotes, as in "${shown}".`;
}

/** A number as written by hand: leading zeros allowed here, so that `02/03` is read whole. */
const OPERAND = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
/**
 * Numbers joined by `+ - * /`, spaces on both sides of each operator or on neither: `[1 -2]` is a
 * list that lost its comma, not a subtraction.
 */
const ARITHMETIC = new RegExp(String.raw`${OPERAND}(?:(?:[-+*/]|[ \t]+[-+*/][ \t]+)${OPERAND})+`, 'y');
const OPERAND_AT = new RegExp(OPERAND, 'y');
const OPERATOR_AT = /[ \t]*([-+*/])[ \t]*/y;
/** What may follow a value: the arithmetic must not be the start of a longer word (`2/3abc`, `1.0-2.x`). */
const AFTER_VALUE = /[\s,\]}]/;

/**
 * A value written as arithmetic or a fraction (`2/3`, `1 + 1`), which the scanner ends after its first
 * number, reporting the rest piecewise ("Unexpected /3"): read here as one value with the problem
 * named. Numbers joined by one repeated `/` or `-` (`12/31/2024`, `555-123-4567`) or written with
 * a leading zero (`2024-01-01`, `02/03`) are text that lost its quotes, not a sum to work out.
 * Undefined when no operator follows the number.
 */
function arithmeticToken(text: string, offset: number): Token | undefined {
  ARITHMETIC.lastIndex = offset;
  if (!ARITHMETIC.test(text)) return undefined;
  const end = ARITHMETIC.lastIndex;
  if (end < text.length && !AFTER_VALUE.test(text.charAt(end))) return undefined;
  const written = text.slice(offset, end);
  const { operands, operators } = termsOf(written);
  const leadingZero = operands.some((operand) => /^-?0\d/.test(operand));
  const sameSeparator =
    operators.length > 1 && (operators.every((o) => o === '/') || operators.every((o) => o === '-'));
  const at = { offset, length: end - offset };
  if (leadingZero || sameSeparator) {
    const fix = replacement(offset, end - offset, JSON.stringify(written));
    return { kind: 'literal', offset, end, fix, problem: { message: quoteAdvice(written), ...at } };
  }
  const result = evaluate(operands.map(Number), operators);
  const finite = Number.isFinite(result);
  const meant = finite ? String(Number(result.toPrecision(15))) : 'a number';
  return {
    kind: 'literal',
    offset,
    end,
    fix: finite ? replacement(offset, end - offset, meant) : undefined,
    problem: {
      message: `JSON does not calculate: write ${excerpt(meant)} instead of ${excerpt(written)}, or "${excerpt(written)}" as a string if it is meant as written (a ratio, a range, a score).`,
      ...at,
    },
  };
}

/** The numbers and operators of text that ARITHMETIC matched whole. */
function termsOf(written: string): { operands: string[]; operators: string[] } {
  const operands: string[] = [];
  const operators: string[] = [];
  OPERAND_AT.lastIndex = 0;
  for (;;) {
    operands.push(OPERAND_AT.exec(written)![0]);
    OPERATOR_AT.lastIndex = OPERAND_AT.lastIndex;
    const operator = OPERATOR_AT.exec(written);
    if (operator === null) return { operands, operators };
    operators.push(operator[1]!);
    OPERAND_AT.lastIndex = OPERATOR_AT.lastIndex;
  }
}

/** The value of numbers joined by operators, `*` and `/` before `+` and `-`. */
function evaluate(operands: number[], operators: string[]): number {
  let sum = 0;
  let sign = 1;
  let term = operands[0]!;
  operators.forEach((operator, index) => {
    const next = operands[index + 1]!;
    if (operator === '*') term *= next;
    else if (operator === '/') term /= next;
    else {
      sum += sign * term;
      sign = operator === '-' ? -1 : 1;
      term = next;
    }
  });
  return sum + sign * term;
}

/** A string token; `atKey`: it stands where an object's key does. */
function stringToken(text: string, offset: number, end: number, error: number, atKey: boolean): Token {
  if (error === SCAN_UNEXPECTED_END_OF_STRING) return unclosedString(text, offset, end, atKey);
  if (error === SCAN_INVALID_CHARACTER) {
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
  // one (a key followed by its ':' is a key, whatever it holds).
  if (atKey && text.charAt(nextNonSpace(text, end)) !== ':') {
    const key = keyBeforeColon(text, offset, end);
    if (key) return key;
  }
  return { kind: 'string', offset, end };
}

/** A string whose text ends with a typographic double quote, a ':' or ',' and a '"'. */
const TYPOGRAPHIC_CLOSE_BEFORE_SEPARATOR = /("[^"\\\n\r]*)[\u201c\u201d][ \t]*[:,][ \t]*"/y;

/** The string token from `offset` closed by the typographic quote at `quote`. */
function typographicClosing(text: string, offset: number, quote: number): Token {
  return {
    kind: 'string',
    offset,
    end: quote + 1,
    fix: replacement(quote, 1, '"'),
    problem: {
      message: `This ${text.charAt(quote)} is a typographic quote, not the '"' that closes a JSON string: write '"' instead.`,
      offset: quote,
      length: 1,
    },
  };
}

/**
 * A string the scanner found unclosed at a line break or at the end of the text. When its closing
 * quote follows on a later line, just before a ',', '}', ']' or ':', the string was broken over lines
 * (a raw line break, which JSON does not allow in a string): it is read to that quote. Otherwise
 * the quote is missing, and the string ends with its line.
 */
function unclosedString(text: string, offset: number, end: number, atKey: boolean): Token {
  const close = closingQuote(text, end);
  if (close !== -1) {
    const after = nextNonSpace(text, close + 1);
    if (after < text.length && ',}]:'.includes(text.charAt(after))) {
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
  if (comma !== -1) {
    return {
      kind: 'string',
      offset,
      end: comma,
      fix: insertion(comma, '"'),
      problem: {
        message: "A string is not closed on its line: add the closing '\"' before the ',' at its end.",
        offset: comma,
        length: 0,
      },
    };
  }
  return {
    kind: 'string',
    offset,
    end,
    // At the end of the file the brackets left open are not said either: no edit is named for them.
    fix: atEnd ? undefined : insertion(end, '"'),
    unclosedAtEnd: atEnd,
    problem: {
      message: atEnd
        ? "The file ends inside a string: add its closing '\"', or restore the cut-off end of the file."
        : "A string is not closed on its line: add the closing '\"' at the end of the text.",
      offset: end,
      length: 0,
    },
  };
}

/**
 * The key at `offset` closed before its ':', when the string token to `end` holds a ':' that a
 * value follows: a key whose closing quote is missing. Undefined otherwise.
 */
function keyBeforeColon(text: string, offset: number, end: number): Token | undefined {
  KEY_BEFORE_COLON.lastIndex = offset + 1;
  const key = KEY_BEFORE_COLON.exec(text);
  if (key === null || key.index + key[0].length > end || key[1] === '') return undefined;
  const close = offset + 1 + key[1]!.length;
  return {
    kind: 'string',
    offset,
    end: close,
    fix: insertion(close, '"'),
    problem: {
      message: `A key is not closed: add the closing '"' before its ':', as in "${excerpt(key[1]!)}".`,
      offset: close,
      length: 0,
    },
  };
}

/** A key's text up to a ':' that a value follows on the line, without the spaces before the ':'. */
const KEY_BEFORE_COLON = /([^"\\:\r\n]*?)[ \t]*:[ \t]*[^\s]/y;

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
 * A word that is no JSON token: a single-quoted string (read to its closing quote on the line, past
 * an escaped \'), an invisible character (a token of its own, so that the word after it is read as
 * what it is), a ';' (its own token too), or a word the diagnosis names where it stands (NaN, True,
 * an unquoted key).
 */
function wordToken(
  text: string,
  offset: number,
  end: number,
  describeCharacter: (character: number) => string,
): Token {
  const first = text.codePointAt(offset)!;
  // A '#' and a space start a comment to the end of the line, as in YAML and Python; `#/definitions`
  // or `#3b5bdb` is an unquoted string.
  if (first === 0x23 && /^[ \t\r\n]?$/.test(text.charAt(offset + 1))) {
    const lineEnd = text.slice(offset).search(/[\r\n]/);
    const commentEnd = lineEnd === -1 ? text.length : offset + lineEnd;
    return {
      kind: 'skip',
      offset,
      end: commentEnd,
      problem: { message: COMMENT, offset, length: commentEnd - offset },
      fix: removal(text, offset, commentEnd - offset),
    };
  }
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
    const length = first > 0xffff ? 2 : 1;
    return {
      kind: 'skip',
      offset,
      end: offset + length,
      problem: { message: describeCharacter(first), offset, length },
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
  if (text.charCodeAt(end) === 0x22) {
    const word = text.slice(offset, end);
    return {
      kind: 'string',
      offset,
      end: end + 1,
      problem: {
        message: `A string lacks its opening '"': write "${excerpt(word)}".`,
        offset,
        length: end - offset,
      },
      fix: insertion(offset, '"'),
    };
  }
  // An invisible character inside the word ends it.
  for (let i = offset + 1; i < end; i++) {
    if (isInvisible(text.charCodeAt(i))) return { kind: 'word', offset, end: i };
  }
  return { kind: 'word', offset, end };
}

/** `-Infinity`, `-NaN` and `-.5`, as JavaScript writes them. */
const SIGNED_NON_NUMBER = /-(?:(?:Infinity|NaN)(?![\p{L}\p{N}_])|\.\d+(?:[eE][+-]?\d+)?)/uy;

/** The quotes a word processor puts in place of '"' and "'". */
const TYPOGRAPHIC_QUOTES = '\u201c\u201d\u2018\u2019';

/** What to write for a string in typographic quotes, `meant` in double quotes. */
export function typographicAdvice(meant: string): string {
  return `Typographic quotes (as a word processor puts them) are not JSON quotes: write ${enclosedExcerpt(meant)}.`;
}

/**
 * The quote that closes the string a typographic quote opens at `offset`, on its line: a typographic
 * or plain quote of the same kind, a single one not followed by a letter (the ’ of it’s is an
 * apostrophe), with a ',', ':', '}', ']' or the end of the line after it. -1 when none does: the
 * text is then read word by word, as it reads without quotes.
 */
function typographicClose(text: string, offset: number): number {
  const double = '\u201c\u201d'.includes(text.charAt(offset));
  const closers = double ? '\u201c\u201d"' : "\u2018\u2019'";
  for (let i = offset + 1; i < text.length; i++) {
    const character = text.charAt(i);
    if (character === '\n' || character === '\r') return -1;
    if (!closers.includes(character)) continue;
    if (!double && /[\p{L}\p{N}]/u.test(text.charAt(i + 1))) continue;
    const after = text.charAt(nextSpaceOnLine(text, i + 1));
    return after === '' || ',:}]\n\r'.includes(after) ? i : -1;
  }
  return -1;
}

/**
 * The first typographic double quote from `from` to `end` with a ',', ':', '}', ']' or the end of
 * the line after it; -1 when there is none.
 */
function typographicCloseAfter(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const character = text.charAt(i);
    if (character !== '\u201c' && character !== '\u201d') continue;
    const after = text.charAt(nextSpaceOnLine(text, i + 1));
    if (after === '' || ',:}]\n\r'.includes(after)) return i;
  }
  return -1;
}

/** The first offset from `from` that is not a space or tab. */
function nextSpaceOnLine(text: string, from: number): number {
  let i = from;
  while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
  return i;
}

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

export function isInvisible(character: number): boolean {
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(String.fromCodePoint(character));
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
 * The string token from `offset` to `end` with its raw control characters escaped; a line break
 * (`\r\n` included) written as one `\n` where `lineBreaks` says the string runs over lines.
 */
function escapedControls(text: string, offset: number, end: number, lineBreaks: boolean): TextEdit {
  const written = text.slice(offset, end);
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
