import { describe, expect, it } from '@jest/globals';
import { describeUserError, UserError } from '@connector-alm/core';
import { decodeUtf8Strict } from '../src/text/decode.js';

/** What decoding the bytes refuses them with, as the CLI prints it. */
function refusal(bytes: number[] | Buffer): string {
  try {
    decodeUtf8Strict(Uint8Array.from(bytes), 'f.json');
  } catch (error) {
    if (error instanceof UserError) return describeUserError(error);
    throw error;
  }
  throw new Error('decoded');
}

const ascii = (text: string): number[] => [...Buffer.from(text, 'utf8')];

describe('decodeUtf8Strict', () => {
  it('decodes UTF-8, without its BOM', () => {
    expect(decodeUtf8Strict(Buffer.from('\uFEFF{"a": "é"}'), 'f.json')).toBe('{"a": "é"}');
  });

  it('locates the first bad byte by line and column, counted as the JSON errors count them', () => {
    // Not counting the BOM, CRLF as a line end, and columns in UTF-16 units as the JSON errors and
    // editors count them: ü and € (two and three bytes) one each, 😀 (four bytes) two.
    const before = ascii('\uFEFF{\r\n  "a": "ü€😀');
    expect(refusal([...before, 0xe9, 0x22, 0x7d])).toBe(
      "f.json:2:13: is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252). Save the file as UTF-8.",
    );
  });

  // A U+FFFD the file holds (text mangled once before) is no error: the refusal named its first byte
  // (0xEF, 'ï') at its place, on the line before the byte that is not UTF-8.
  it('locates the bad byte after a U+FFFD that the file holds itself', () => {
    expect(refusal([...ascii('<r>caf\uFFFD\n<a>'), 0xe9, ...ascii('</a></r>')])).toBe(
      "f.json:2:4: is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252). Save the file as UTF-8.",
    );
  });

  it('counts the columns of the first line from after the BOM', () => {
    expect(refusal([...ascii('\uFEFF<r>'), 0xe9])).toBe(
      "f.json:1:4: is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252). Save the file as UTF-8.",
    );
  });

  // Windows PowerShell 5.1 writes `>` and Notepad "Unicode" as UTF-16: it was "not valid UTF-8 (byte 0xFF…)".
  it('says a file saved as UTF-16 is, in either byte order', () => {
    const xml = '<ImportExportXml />';
    expect(refusal([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')])).toBe(
      'f.json: is saved as UTF-16 (little-endian), not UTF-8. Save the file as UTF-8.',
    );
    expect(refusal([0xfe, 0xff, ...Buffer.from(xml, 'utf16le').swap16()])).toBe(
      'f.json: is saved as UTF-16 (big-endian), not UTF-8. Save the file as UTF-8.',
    );
  });

  it('names the Windows-1252 character of a byte of 0x80-0x9F, and none where it has none', () => {
    expect(refusal([...ascii('"'), 0x93, 0x61, 0x94])).toBe(
      "f.json:1:2: is not valid UTF-8 (byte 0x93, '“' in Windows-1252). Save the file as UTF-8.",
    );
    expect(refusal([...ascii('"'), 0x80])).toMatch(/\(byte 0x80, '€' in Windows-1252\)/);
    // 0x81 is unassigned in Windows-1252: the byte alone.
    expect(refusal([...ascii('"'), 0x81])).toBe(
      'f.json:1:2: is not valid UTF-8 (byte 0x81). Save the file as UTF-8.',
    );
  });

  it('names a character that would show as nothing instead of quoting it', () => {
    expect(refusal([0x7b, 0x0a, 0xa0, 0x7d])).toBe(
      'f.json:2:1: is not valid UTF-8 (byte 0xA0, a no-break space in Windows-1252). Save the file as UTF-8.',
    );
  });

  it('locates a UTF-8 sequence cut short at its first byte, also at the end of the file', () => {
    // é is C3 A9 in UTF-8; C3 followed by "(" is a sequence cut short, at the C3.
    expect(refusal([0x3c, 0x61, 0xc3, 0x28, 0x3e])).toMatch(/^f\.json:1:3: .*\(byte 0xC3, 'Ã' in /);
    expect(refusal([...ascii('ab\n'), 0xe2, 0x82])).toMatch(/^f\.json:2:1: .*\(byte 0xE2, 'â' in /);
  });
});
