/** JSON's whitespace: space, line feed, carriage return, tab. Strict JSON has no other outside strings. */
export function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The offset of the first character at or after `at` that is no JSON whitespace (the text's length if none). */
export function skipJsonWhitespace(text: string, at: number): number {
  while (at < text.length && isJsonWhitespace(text.charCodeAt(at))) at++;
  return at;
}
