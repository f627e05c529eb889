import { replacement } from '../../text/text-edits.js';
import type { Token } from './token.js';
import { enclosedExcerpt } from '../../text/message-values.js';

/** The quotes a word processor types (“ ” ‘ ’), read where they stand for '"' and "'". */

/** The quotes a word processor puts in place of '"' and "'". */
export const TYPOGRAPHIC_QUOTES = '\u201c\u201d\u2018\u2019';

/** What to write for a string in typographic quotes, `meant` in double quotes. */
export function typographicAdvice(meant: string): string {
  return `Typographic quotes (as a word processor puts them) are not JSON quotes: write ${enclosedExcerpt(meant)}.`;
}

/**
 * The quote that closes the string a typographic quote opens at `offset`, on its line: a typographic
 * or plain quote of the same kind, a closing one not followed by a letter (the ’ of it’s is an
 * apostrophe), with a ',', ':', '}', ']' or the end of the line after it. -1 when none does: the
 * text is then read word by word, as it reads without quotes.
 */
export function typographicClose(text: string, offset: number): number {
  const double = '\u201c\u201d'.includes(text.charAt(offset));
  const closers = double ? '\u201c\u201d"' : "\u2018\u2019'";
  for (let i = offset + 1; i < text.length; i++) {
    const character = text.charAt(i);
    if (character === '\n' || character === '\r') return -1;
    if (!closers.includes(character)) continue;
    // A closing quote with a letter after it is inside the text: the ’ of it’s, and the ” a word
    // processor made of an apostrophe typed as '"' (“Contoso”s Tasks”), where stopping there left
    // "Tasks" to be removed as text after the string.
    const closesAWord = !double || character === '\u201d';
    if (closesAWord && /[\p{L}\p{N}]/u.test(text.charAt(i + 1))) continue;
    const after = text.charAt(nextSpaceOnLine(text, i + 1));
    return after === '' || ',:}]\n\r'.includes(after) ? i : -1;
  }
  return -1;
}

/**
 * The first typographic double quote from `from` to `end` with a ',', ':', '}', ']' or the end of
 * the line after it; -1 when there is none.
 */
export function typographicCloseAfter(text: string, from: number, end: number): number {
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

/** The string token from `offset` closed by the typographic quote at `quote`. */
export function typographicClosing(text: string, offset: number, quote: number): Token {
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
