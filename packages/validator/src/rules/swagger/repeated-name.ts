import { normalizeTitle } from '../../text/normalize-title.js';
/**
 * A description that is only the name it describes, as code writes it: `id` for `id`, `PhoneNumber`
 * or `phone_number` for `PhoneNumber`. One word with no space, equal to the name once case and
 * separators are set aside. A sentence that merely starts with the name is a description.
 */
export function onlyRepeatsName(description: string, name: string): boolean {
  const answer = onlyRepeatsNameInAscii(description, name);
  if (answer !== undefined) return answer;
  const text = description.trim();
  if (text === '' || /\s/.test(text)) return false;
  const bare = normalizeTitle(text);
  return bare !== '' && bare === normalizeTitle(name);
}

/**
 * False when `description` cannot only repeat `name`, from their first letters or digits: those of
 * nearly every description ("The …", "Gets …") and its name differ. True for the few that may, which
 * onlyRepeatsName then reads in full. The structure walk asks it of the ~64,000 described properties
 * and the parameters of a corpus run, and ~24,000 pass.
 *
 * Exact where it answers false: the characters before a first ASCII letter or digit found here are
 * ASCII punctuation, which lower-casing leaves as they are and onlyRepeatsName removes, so that
 * letter or digit, lower-cased, starts the name's bare form. White space, which trimming may remove,
 * and any other character (some lower-case to ASCII letters: 'K', the Kelvin sign, to 'k') leave
 * the answer to onlyRepeatsName.
 */
export function mayRepeatName(description: string, name: string): boolean {
  const first = firstAsciiAlphanumeric(description);
  if (first < 0) return true;
  const other = firstAsciiAlphanumeric(name);
  return other < 0 || first === other;
}

/**
 * The lower-cased code of the first ASCII letter or digit of a text, when only ASCII punctuation
 * comes before it; -1 when white space, another character or the end comes first.
 */
function firstAsciiAlphanumeric(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || code >= 0x7f) return -1;
    const letter = bareCode(code);
    if (letter >= 0) return letter;
  }
  return -1;
}

/**
 * onlyRepeatsName's answer read in place, for the ASCII texts nearly all are: undefined once a
 * character above U+007F decides it (one may be white space, or lower-case to a letter). ~12,000 of
 * the corpus's descriptions are one word, and their trimmed and lower-cased copies and the two
 * regular expressions made SWG-DESC-IS-NAME ~3 times slower.
 *
 * In ASCII, white space is what both `trim` and `\s` take (tab to carriage return, space), and
 * lower-casing changes only A to Z, one for one, whatever comes beside them: the bare forms are the
 * letters and digits in order, so they can be compared as they are read, and the first difference,
 * or white space between two words, answers false whatever follows.
 */
function onlyRepeatsNameInAscii(description: string, name: string): boolean | undefined {
  let inName = 0;
  let compared = 0;
  let wordEnded = false;
  let inWord = false;
  for (let index = 0; index < description.length; index++) {
    const code = description.charCodeAt(index);
    if (code >= 0x80) return undefined;
    if (isAsciiSpace(code)) {
      if (inWord) wordEnded = true;
      continue;
    }
    if (wordEnded) return false;
    inWord = true;
    const letter = bareCode(code);
    if (letter < 0) continue;
    // The name's next letter or digit.
    let other = -1;
    while (inName < name.length) {
      const nameCode = name.charCodeAt(inName++);
      if (nameCode >= 0x80) return undefined;
      other = bareCode(nameCode);
      if (other >= 0) break;
    }
    if (other !== letter) return false;
    compared++;
  }
  // The name must have no letter or digit left.
  for (; inName < name.length; inName++) {
    const nameCode = name.charCodeAt(inName);
    if (nameCode >= 0x80) return undefined;
    if (bareCode(nameCode) >= 0) return false;
  }
  return compared > 0;
}

/** Tab, line feed, vertical tab, form feed, carriage return and space. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** An ASCII letter (lower-cased) or digit's code; -1 for any other ASCII character. */
function bareCode(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code;
  if (code >= 0x41 && code <= 0x5a) return code | 0x20;
  if (code >= 0x30 && code <= 0x39) return code;
  return -1;
}
