import { isInvisible, isSpaceLike } from './word-tokens.js';

/**
 * What jsonc-parser calls an InvalidSymbol, a character no JSON token starts with, named so that the
 * author can find it: an invisible one (a no-break space pasted from a web page or a word processor
 * looks like a space in every editor) by its code point and name, never printed itself. Invisible
 * characters side by side come as one run (`characters`), named once, each kind of character once.
 */
export function unexpectedCharacters(characters: readonly number[]): string {
  const first = characters[0]!;
  if (INVISIBLE_CHARACTERS.has(first) || isInvisible(first)) {
    const named = [...new Set(characters)].map(invisibleName).join('; ');
    // One that takes no room was never meant for a space: deleting it is the fix (and --fix's).
    const space = characters.some(isSpaceLike) ? ' or type a space' : '';
    return characters.length === 1
      ? `An invisible character (${named}) stands where JSON allows only spaces, tabs and line breaks; delete it${space}.`
      : `${characters.length} invisible characters in a row (${named}) stand where JSON allows only spaces, tabs and line breaks; delete them${space}.`;
  }
  const quote = QUOTE_LOOKALIKES.has(first) ? '; strings take double quotes' : '';
  return `The character ${String.fromCodePoint(first)} (${codePoint(first)}) cannot start a JSON value or key${quote}.`;
}

/** `U+00A0, a no-break space`; the code point alone for a character without a common name here. */
function invisibleName(character: number): string {
  const name = INVISIBLE_CHARACTERS.get(character);
  return name ? `${codePoint(character)}, ${name}` : codePoint(character);
}

function codePoint(character: number): string {
  return `U+${character.toString(16).toUpperCase().padStart(4, '0')}`;
}

const INVISIBLE_CHARACTERS = new Map([
  [0x00, 'a NUL character'],
  [0x0b, 'a vertical tab'],
  [0x0c, 'a form feed'],
  [0xa0, 'a no-break space'],
  [0x200b, 'a zero-width space'],
  [0x2028, 'a line separator'],
  [0x2029, 'a paragraph separator'],
  [0x202f, 'a narrow no-break space'],
  [0x3000, 'an ideographic space'],
  [0xfeff, 'a byte-order mark inside the text'],
]);

/** A single quote and the typographic quotes that word processors put in place of `"`. */
const QUOTE_LOOKALIKES = new Set([0x27, 0x2018, 0x2019, 0x201c, 0x201d]);
