import * as jsonc from 'jsonc-parser';
import { commentToken } from './comment-tokens.js';
import { arithmeticToken, BAD_NUMBER, numberToken } from './number-tokens.js';
import { stringToken } from './string-tokens.js';
import type { Token, TokenKind } from './token.js';
import { wordToken } from './word-tokens.js';

// The tokens of text that is not strict JSON, read for the syntax diagnosis (see diagnosis.ts).
// jsonc-parser's scanner reads them; the slips a person makes by hand that it splits into misleading
// pieces (a string in single quotes, backticks or typographic quotes, a string broken over two lines,
// a pasted invisible character, a number with a leading zero, in hexadecimal or as arithmetic such as
// 2/3, an unquoted media type or URL, a '#' comment) are read here as one token with the problem
// named, and those it joins into one word (`true;`, `=1`) as their parts, so that the diagnosis sees
// the structure meant.
//
// Each kind of token has its reader: strings (string-tokens.ts), numbers (number-tokens.ts), words
// and quotes other than '"' (word-tokens.ts, typographic-quotes.ts), comments (comment-tokens.ts).

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
    if (kind === 'skip') {
      const unclosed = scanner.getTokenError() === SCAN_UNEXPECTED_END_OF_COMMENT;
      tokens.push(commentToken(text, offset, end, unclosed));
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
