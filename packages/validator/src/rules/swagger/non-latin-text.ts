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

/** A Latin letter with a diacritic: the letters of Latin-1 Supplement and Latin Extended-A and -B. */
const DIACRITIC_LETTER = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/;
const WORD = /[\p{L}\p{M}]+/gu;
/** Loanwords English writes with their diacritics. */
const ENGLISH_LOANWORDS = new Set([
  'café',
  'cafés',
  'cliché',
  'clichés',
  'déjà',
  'entrée',
  'façade',
  'fiancé',
  'fiancée',
  'naïve',
  'naïvely',
  'résumé',
  'résumés',
  'rôle',
  'über',
]);

/**
 * A word that shows `text` is in another Latin-script language (GEN-ENGLISH): a lower-case word with
 * a diacritic, as `für`, `tâches`, `órdenes`. Capitalised words are left alone, as they are mostly
 * names (Zürich, GIOŚ, Brønnøysund), and so are the few loanwords English keeps accented. Merged
 * swaggers have no such word in a title, summary, label or description (the one accented word is
 * GIOŚ), as certification asks for English ("Any non-English characters are not allowed", PR #705).
 */
export function foreignLatinWord(text: string): string | undefined {
  return isAsciiString(text) ? undefined : foreignLatinWordOfNonAscii(text);
}

/**
 * Whether a text with a code unit above U+007F holds a non-Latin or a foreign Latin word: for
 * GEN-ENGLISH's pass over every text field, which has already asked isAsciiString (asking it twice
 * costs a UTF-8 length count per field of every non-ASCII swagger).
 */
export function nonAsciiTextIsForeign(text: string): boolean {
  return NON_LATIN_WORD.test(text) || foreignLatinWordOfNonAscii(text) !== undefined;
}

function foreignLatinWordOfNonAscii(text: string): string | undefined {
  // Most non-ASCII texts owe it to typographic quotes and dashes: no word to read then.
  if (!DIACRITIC_LETTER.test(text)) return undefined;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    if (!DIACRITIC_LETTER.test(word)) continue;
    const first = word[0]!;
    if (first === first.toUpperCase() || ENGLISH_LOANWORDS.has(word)) continue;
    WORD.lastIndex = 0;
    return word;
  }
  return undefined;
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
