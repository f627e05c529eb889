import { oneOf, trimEndWhere } from '@connector-alm/core';
import type { Frame, Repair, WalkState } from './walk-state.js';
import type { Token } from './token.js';
import { replacement, type TextEdit } from '../../text/text-edits.js';
import { typographicAdvice } from './typographic-quotes.js';
import { quoteAdvice } from './word-tokens.js';
import { excerpt } from '../../text/message-values.js';

const isClosingQuoteOrComma = oneOf('\u2018\u2019\u201c\u201d,');

/** Repairs of values: words read where a value stands (NaN, True, +1), a '"' left unescaped in a string. */

/** A string whose closing quote is followed by more of it: a '"' inside it is not escaped. */
export function unescapedQuote(walk: WalkState, frame: Frame, token: Token): Repair {
  const line = walk.lineOf(token.offset);
  const quote = frame.valueEnd - 1;
  // The rest of the string, up to a comma or bracket on the same line, is part of it.
  const rest = tokensOfLine(walk, walk.index, line);
  const end = rest === walk.index ? quote : walk.tokens.at(rest - 1)!.end;
  // Its quotes but the last, which closes it, are the ones to escape; without a closing quote
  // at its end (`"a "b`), the string's end is the maker's to say.
  const closed = end - 1 > quote && walk.text.charCodeAt(end - 1) === 0x22;
  const inner = walk.text
    .slice(quote, end - 1)
    .replace(/\\?"/g, (mark) => (mark.length === 2 ? mark : '\\"'));
  return walk.repair(
    quote,
    1,
    'This \'"\' ends the string, but the text goes on: write \\" for a quote inside a string.',
    (w) => {
      for (; w.index < rest; w.index++) {
        w.lastEnd = w.tokens.at(w.index)!.end;
        frame.valueEnd = w.lastEnd;
      }
      w.top.valueEnd = w.lastEnd;
    },
    closed ? replacement(quote, end - 1 - quote, inner) : undefined,
  );
}

/** The index after the words, strings, literals and colons from `index` on line `line`. */
function tokensOfLine(walk: WalkState, index: number, line: number): number {
  let at = index;
  for (; ; at++) {
    const next = walk.tokens.at(at)!;
    if (next.kind !== 'word' && next.kind !== 'string' && next.kind !== 'literal' && next.kind !== ':')
      return at;
    if (walk.lineOf(next.offset) !== line) return at;
  }
}

/** Words read as a token of their own between a key and a value, or after a value (walk.ts). */
const SEPARATOR_WORDS = new Set([';', '=', '=>']);

/**
 * The index of the last token of unquoted text that starts with the word at `index`: the words and
 * literals after it on its line, with spaces and tabs between them, up to a ',', a closer, a comment,
 * the line's end or the file's end (`"title": Target Product Code,`). Read word by word, "Target"
 * was quoted and the other two removed as unexpected, and --fix deleted the maker's words. `index`
 * itself where no other word follows so, or where something else comes after them (a string or a
 * ':' in `"a": b c "d": 1` says more was lost, which the walk weighs).
 */
export function unquotedTextEnd(walk: WalkState, index: number): number {
  const { tokens, text } = walk;
  let last = index;
  for (let at = index + 1; ; at++) {
    const next = tokens.at(at)!;
    const gap = text.slice(tokens.at(at - 1)!.end, next.offset);
    const endsRun =
      /[\r\n]/.test(gap) ||
      next.kind === ',' ||
      next.kind === '}' ||
      next.kind === ']' ||
      next.kind === 'end';
    if (endsRun || next.kind === 'skip') return last;
    const word = next.kind === 'word' && !SEPARATOR_WORDS.has(text.slice(next.offset, next.end));
    if (!(word || next.kind === 'literal') || !/^[ \t]+$/.test(gap)) return index;
    last = at;
  }
}

/** A number as JavaScript writes it: its sign, digits before the point, fraction and exponent. */
const LOOSE_NUMBER = /^([+-]?)(\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** JSON's form of a number written with a '+' sign or no digit before its point; else undefined. */
function jsonNumber(word: string): string | undefined {
  const parts = LOOSE_NUMBER.exec(word);
  if (parts === null) return undefined;
  const [, sign, digits, fraction = '', exponent = ''] = parts;
  if ((digits === '' && fraction === '') || /^0\d/.test(digits!)) return undefined;
  return `${sign === '-' ? '-' : ''}${digits || '0'}${fraction}${exponent}`;
}

/**
 * What is wrong with a word read where a value stands, and the edit that fixes it when the message
 * names one: none for NaN ("write null, or the value as a string"), undefined, or a number written
 * otherwise than JSON does, whose value only the maker knows.
 */
export function wordAsValue(word: string, token: Token): { problem: Token['problem']; fix?: TextEdit } {
  const at = { offset: token.offset, length: token.end - token.offset };
  const read = valueLikeWord(word, at);
  if (read) return read;
  return {
    problem: { message: quoteAdvice(word), ...at },
    fix: replacement(at.offset, at.length, JSON.stringify(word)),
  };
}

/**
 * Whether a word read where a value stands is text without its quotes, rather than a value as
 * JavaScript or Python write it.
 */
export function isUnquotedText(word: string): boolean {
  return valueLikeWord(word, { offset: 0, length: word.length }) === undefined;
}

/**
 * What is wrong with a word that is a value as JavaScript or Python writes it (NaN, undefined, True,
 * None, +1, a string in typographic quotes), and its fix where it has one; undefined for other words.
 */
function valueLikeWord(
  word: string,
  at: { offset: number; length: number },
): { problem: Token['problem']; fix?: TextEdit } | undefined {
  const written = (meant: string) => replacement(at.offset, at.length, meant);
  if (/^[+-]?(NaN|Infinity)$/.test(word))
    return {
      problem: { message: `${word} is not a JSON value: write null, or the value as a string.`, ...at },
    };
  if (word === 'undefined')
    return {
      problem: { message: 'undefined is not a JSON value: write null, or remove the member.', ...at },
    };
  if (/^[\u2018\u2019\u201c\u201d]/.test(word)) {
    // The one opening quote the test above found, and every closing quote and comma at the end.
    const inner = trimEndWhere(word.slice(1), isClosingQuoteOrComma);
    return {
      problem: { message: typographicAdvice(JSON.stringify(inner)), ...at },
      fix: written(JSON.stringify(inner)),
    };
  }
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null' || word === 'None') {
    const meant = word === 'None' ? 'null' : lower;
    return {
      problem: { message: `JSON writes ${meant} in lower case: write ${meant}.`, ...at },
      fix: written(meant),
    };
  }
  if (/^[+-]?(\.\d|\d|0x)/i.test(word)) {
    // `+1` and `.5` have one meaning, which JSON writes 1 and 0.5.
    const meant = jsonNumber(word);
    if (meant !== undefined) {
      return {
        problem: {
          message: `${excerpt(word)} is not a number as JSON writes it: write ${excerpt(meant)}.`,
          ...at,
        },
        fix: written(meant),
      };
    }
    return {
      problem: {
        message: `${excerpt(word)} is not a number as JSON writes it (such as 12, -0.5 or 1e3).`,
        ...at,
      },
    };
  }
  return undefined;
}
