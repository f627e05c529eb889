/**
 * Where the first bytes that are not UTF-8 are, given `text`, what a lenient decoder made of `bytes`
 * (each invalid sequence a U+FFFD): the index of that U+FFFD in the text and the byte offset of the
 * sequence. A U+FFFD the file holds itself (the bytes EF BF BD, text that was mangled once before)
 * is no error: the first U+FFFD is not always the bad bytes, and taking it located the error at that
 * character and named its byte 0xEF. Undefined when every U+FFFD is one the bytes encode.
 */
export function firstReplacedByte(
  text: string,
  bytes: Uint8Array,
): { index: number; offset: number } | undefined {
  let index = text.indexOf('\uFFFD');
  let offset = 0;
  let counted = 0;
  while (index !== -1) {
    // Everything before it decoded as UTF-8: its UTF-8 length is the offset of its bytes.
    offset += Buffer.byteLength(text.slice(counted, index), 'utf8');
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd)
      return { index, offset };
    offset += 3;
    counted = index + 1;
    index = text.indexOf('\uFFFD', index + 1);
  }
  return undefined;
}
