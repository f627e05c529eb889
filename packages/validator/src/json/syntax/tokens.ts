import * as jsonc from 'jsonc-parser';
import { commentToken } from './comment-tokens.js';
import { arithmeticToken, BAD_NUMBER, numberToken } from './number-tokens.js';
import { stringToken } from './string-tokens.js';
import type { Token, TokenKind } from './token.js';
import { UnopenedStrings, unopenedBracketedString, wordToken } from './word-tokens.js';

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

/**
 * The tokens of the text, whitespace left out, ending with an 'end' token, read as the walk asks for
 * them: the walk stops at the slip limit (see diagnosis.ts) without reading the rest of the text, and
 * the tokens it has passed are forgotten, so that a file of millions of tokens never holds them all.
 */
export class TokenStream {
  private readonly scanner: jsonc.JSONScanner;
  /** The tokens read and not forgotten: `read[0]` is token number `first`. */
  private read: Token[] = [];
  private first = 0;
  private ended = false;
  // The brackets open and the last token read, to tell where a key stands.
  private readonly open: ('{' | '[')[] = [];
  private last: TokenKind = 'end';
  /** What `onlyClosersAfter` found: closers alone from this offset on; content at that one. */
  private closersFrom = Infinity;
  private contentAt = -1;
  /** The strings that lost their opening quote, read once per line (UnopenedStrings). */
  private readonly unopened: UnopenedStrings;

  constructor(
    private readonly text: string,
    private readonly describeCharacters: (characters: readonly number[]) => string,
  ) {
    this.scanner = jsonc.createScanner(text, false);
    this.unopened = new UnopenedStrings(text);
  }

  /** Token number `index`; undefined before the first or past the 'end' token, and once forgotten. */
  at(index: number): Token | undefined {
    if (index < this.first) return undefined;
    while (!this.ended && index - this.first >= this.read.length) this.read.push(this.next());
    return this.read[index - this.first];
  }

  /** The tokens before `index` are not asked for again. */
  forgetBefore(index: number): void {
    const passed = index - this.first;
    // Dropped in batches: shifting the array at every token would make reading it quadratic.
    if (passed < FORGET_BATCH || passed * 2 < this.read.length) return;
    this.read = this.read.slice(passed);
    this.first = index;
  }

  /**
   * Whether only closing brackets and what the walk skips (comments, invisible characters) follow
   * `offset`, a token's end. Read without keeping those tokens, and once for all the closers of such
   * a run: each asks again for the rest of the text after it, which would be quadratic.
   */
  onlyClosersAfter(offset: number): boolean {
    if (offset >= this.closersFrom) return true;
    if (offset <= this.contentAt) return false;
    const scanner = jsonc.createScanner(this.text, false);
    scanner.setPosition(offset);
    for (;;) {
      const code = scanner.scan();
      const kind = KINDS[code] ?? 'word';
      if (code === LINE_BREAK_TRIVIA || code === WHITESPACE_TRIVIA || kind === 'skip') continue;
      if (kind === '}' || kind === ']') continue;
      const at = scanner.getTokenOffset();
      if (kind === 'end') {
        this.closersFrom = offset;
        return true;
      }
      if (kind === 'word') {
        const token = wordToken(
          this.text,
          at,
          at + scanner.getTokenLength(),
          this.describeCharacters,
          this.unopened,
        );
        if (token.kind === 'skip') {
          scanner.setPosition(token.end);
          continue;
        }
      }
      this.contentAt = Math.max(this.contentAt, at);
      return false;
    }
  }

  private next(): Token {
    const token = this.scan();
    if (token.kind === 'end') this.ended = true;
    else if (token.kind !== 'skip') {
      this.last = token.kind;
      if (this.last === '{' || this.last === '[') this.open.push(this.last);
      else if (this.last === '}' || this.last === ']') this.open.pop();
    }
    return token;
  }

  private scan(): Token {
    const { scanner, text } = this;
    for (;;) {
      const code = scanner.scan();
      if (code === LINE_BREAK_TRIVIA || code === WHITESPACE_TRIVIA) continue;
      const offset = scanner.getTokenOffset();
      const end = offset + scanner.getTokenLength();
      const kind = KINDS[code] ?? 'word';
      if (kind === 'end') return { kind, offset, end };
      if (kind === 'skip') {
        const unclosed = scanner.getTokenError() === SCAN_UNEXPECTED_END_OF_COMMENT;
        return commentToken(text, offset, end, unclosed);
      }
      if (kind === 'string') {
        const container = this.open[this.open.length - 1];
        const atKey = container === '{' && (this.last === '{' || this.last === ',');
        const error = scanner.getTokenError();
        return this.resumedAfter(stringToken(text, offset, end, error, atKey, container), end);
      }
      if (kind === 'word')
        return this.resumedAfter(wordToken(text, offset, end, this.describeCharacters, this.unopened), end);
      // A value opened with a bracket that a quote ends on its line: a string that lost its opening one.
      if ((kind === '[' || kind === '{') && this.atValue()) {
        const bracketed = unopenedBracketedString(offset, this.unopened);
        if (bracketed) return this.resumedAfter(bracketed, end);
      }
      // A value the closing quote follows (`"required": true",`): a string that lost its opening one.
      // Read as the literal, the quote was removed and --fix wrote the boolean.
      const unopened = kind === 'literal' && text.charCodeAt(end) === 0x22 && this.unopened.at(offset);
      if (unopened) return this.resumedAfter(unopened, end);
      if (code === NUMERIC_LITERAL && scanner.getTokenError() !== 0) {
        return { kind, offset, end, problem: { message: BAD_NUMBER, offset, length: end - offset } };
      }
      if (code === NUMERIC_LITERAL) {
        return this.resumedAfter(arithmeticToken(text, offset) ?? numberToken(text, offset, end), end);
      }
      return { kind, offset, end };
    }
  }

  /** Whether the next token stands where a value does: after a key's ':', or as a list's item. */
  private atValue(): boolean {
    if (this.last === ':') return true;
    return this.open[this.open.length - 1] === '[' && (this.last === '[' || this.last === ',');
  }

  /** A token read otherwise than the scanner ended it: the scanner goes on from its end. */
  private resumedAfter(token: Token, scannedEnd: number): Token {
    if (token.end !== scannedEnd) this.scanner.setPosition(token.end);
    return token;
  }
}

/** Forgotten tokens are dropped this many at a time at least. */
const FORGET_BATCH = 4096;
