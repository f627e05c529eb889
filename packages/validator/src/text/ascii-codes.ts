// Character classes of ASCII by UTF-16 code, for the scans that read a text code by code (loose
// names, a section's identifiers): a regular expression per character cost them more than the test.
// NaN, the code before or after a text, is in none of them.

export function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

export function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
