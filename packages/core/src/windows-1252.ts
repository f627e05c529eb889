/**
 * Windows-1252 ("ANSI" in Windows editors), the usual encoding of a connector file that is not
 * UTF-8: Notepad before Windows 10 1903 and PowerShell 5's Set-Content save it so. Bytes 0xA0-0xFF
 * are the Latin-1 characters of the same code; 0x80-0x9F are these, a space standing for each of the
 * five bytes it leaves unassigned. Written out because Node.js 20's TextDecoder('windows-1252')
 * decodes as Latin-1 (0x93 as U+0093, not '“'); later majors decode it right, and a test checks this
 * table against them.
 */
const FROM_0X80 = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

/** Characters of Windows-1252 that show as nothing or as a space: named rather than quoted. */
const INVISIBLE: Readonly<Record<number, string>> = { 0xa0: 'a no-break space', 0xad: 'a soft hyphen' };

/**
 * How a byte that is not UTF-8 reads in Windows-1252, for a message: `'é'`, or a name for a
 * character that cannot be seen; undefined for an ASCII byte and for the five bytes Windows-1252
 * leaves unassigned.
 */
export function windows1252Character(byte: number): string | undefined {
  if (byte < 0x80 || byte > 0xff) return undefined;
  if (INVISIBLE[byte]) return INVISIBLE[byte];
  const character = byte < 0xa0 ? FROM_0X80[byte - 0x80]! : String.fromCharCode(byte);
  return character === ' ' ? undefined : `'${character}'`;
}

/**
 * The first byte of a file that is not UTF-8, for its message: `byte 0xE9, 'é' in Windows-1252`, or
 * `byte 0x81` where that code has no character for it.
 */
export function describeNonUtf8Byte(byte: number): string {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const character = windows1252Character(byte);
  return character ? `byte ${hex}, ${character} in Windows-1252` : `byte ${hex}`;
}
