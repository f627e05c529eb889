/**
 * A run of two or more letters of a non-Latin script (Cyrillic, CJK, Arabic, …). A single such
 * letter is allowed: `µg/m3` and a lone homoglyph are not a language. Latin letters with diacritics
 * are not flagged either, because names (Brønnøysund) and loanwords (café) are fine in English.
 */
const NON_LATIN_WORD = /(?:(?![\p{Script=Latin}])\p{L}){2,}/u;

/** The first word in a non-Latin script of `text`, for GEN-ENGLISH's message, or undefined. */
export function firstNonLatinWord(text: string): string | undefined {
  return NON_LATIN_WORD.exec(text)?.[0];
}

/** Whether `text` holds a word in a non-Latin script (GEN-ENGLISH). */
export function hasNonLatinWord(text: string): boolean {
  // Most texts are ASCII throughout, and cannot hold a non-Latin letter: a cheap pre-check first.
  return !isAsciiString(text) && NON_LATIN_WORD.test(text);
}

/**
 * Whether no UTF-16 code unit of `text` is above U+007F. Such a unit takes two UTF-8 bytes or more
 * (a lone surrogate three, for U+FFFD), every other one byte, so the text's UTF-8 length is its
 * length exactly when it is ASCII. Node counts UTF-8 bytes natively, which is cheaper than asking a
 * regular expression (`/[\u0080-\uffff]/`) about each of the many short strings GEN-ENGLISH reads:
 * for the 48,390 text fields of the corpus's non-ASCII swaggers, 1.78 ms instead of 2.13 (fastest
 * of 40 interleaved rounds).
 */
export function isAsciiString(text: string): boolean {
  return Buffer.byteLength(text) === text.length;
}
