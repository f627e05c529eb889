import { describe, expect, it } from '@jest/globals';
import {
  BINARY_SNIFF_BYTES,
  decodeUtf8,
  isTextWithStrayNuls,
  looksBinary,
  readBytes,
} from '../../src/loader/decode.js';

describe('looksBinary', () => {
  it('looks for a NUL in the first 8 KB only, in a Buffer or any byte array', () => {
    const text = Buffer.alloc(BINARY_SNIFF_BYTES * 2, 'a');
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(Buffer.alloc(0))).toBe(false);
    for (const at of [0, 1, BINARY_SNIFF_BYTES - 1]) {
      const bytes = Buffer.from(text);
      bytes[at] = 0;
      expect(looksBinary(bytes)).toBe(true);
      expect(looksBinary(new Uint8Array(bytes))).toBe(true);
    }
    const late = Buffer.from(text);
    late[BINARY_SNIFF_BYTES] = 0;
    expect(looksBinary(late)).toBe(false);
    expect(looksBinary(Buffer.from('short\u0000'))).toBe(true);
  });
});

describe('isTextWithStrayNuls', () => {
  const text = `{\n  "title": "Caf\u00e9 Tasks",\n\t"x": 1\r\n}${' '.repeat(200)}`;
  const withNul = (written: string, ...at: number[]) =>
    Buffer.from(at.reduce((nuls, place) => `${nuls.slice(0, place)}\u0000${nuls.slice(place)}`, written));

  it('takes UTF-8 text with a NUL in at most one byte of 100 (one in any file) for text', () => {
    expect(isTextWithStrayNuls(withNul(text, 22))).toBe(true);
    expect(isTextWithStrayNuls(new Uint8Array(withNul(text, 22)))).toBe(true);
    expect(isTextWithStrayNuls(Buffer.from('{"a": "x\u0000"}'))).toBe(true);
    expect(isTextWithStrayNuls(withNul(text, 22, 5))).toBe(true);
    expect(isTextWithStrayNuls(withNul(text, 22, 5, 3))).toBe(false);
  });

  it('takes bytes with other control characters, not UTF-8, or UTF-16, for binary data', () => {
    expect(isTextWithStrayNuls(Buffer.from('{"a": "x\u0000\u0001"}'))).toBe(false);
    expect(isTextWithStrayNuls(Buffer.concat([withNul(text, 22), Buffer.from([0xe9])]))).toBe(false);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    expect(isTextWithStrayNuls(png)).toBe(false);
    expect(isTextWithStrayNuls(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBe(false);
    // A NUL as the second byte reads as UTF-16: that stays GEN-BINARY's "saved as UTF-16" reading.
    expect(isTextWithStrayNuls(Buffer.from('{\u0000"a": 10}'))).toBe(false);
    expect(isTextWithStrayNuls(Buffer.from('{}', 'utf16le'))).toBe(false);
    expect(
      isTextWithStrayNuls(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')])),
    ).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('reads ASCII bytes, every one of them, as UTF-8 reads them, and says they were ASCII', () => {
    const ascii = Buffer.from(Array.from({ length: 128 * 40 }, (_, index) => index % 128));
    const expected = new TextDecoder('utf-8').decode(ascii);
    expect(decodeUtf8(ascii)).toEqual({ text: expected, ascii: true });
    expect(decodeUtf8(Buffer.from('{"a": "caf\u00e9"}'))).toEqual({ text: '{"a": "caf\u00e9"}' });
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ text: '\ufeff{}' });
  });
});

describe('readBytes', () => {
  it('reads UTF-8 (a stray NUL and invalid bytes too), UTF-16 by its byte-order mark, and nothing of binary data', () => {
    expect(readBytes(Buffer.from('{"a": "x\0"}'))).toEqual({
      as: 'utf8',
      decoded: { text: '{"a": "x\0"}', ascii: true },
    });
    expect(readBytes(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual({
      as: 'utf8',
      decoded: { text: '{\ufffd}', invalidAt: 1, invalidByte: 0xff },
    });
    const utf16 = Buffer.from('\ufeff{"a": 1}', 'utf16le');
    expect(readBytes(utf16)).toEqual({ as: 'utf16', order: 'little-endian', text: '{"a": 1}' });
    // Bytes that start like UTF-16 but hold a NUL character are no text.
    const nul = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\0b', 'utf16le')]);
    expect(readBytes(nul)).toEqual({ as: 'utf16', order: 'little-endian', text: undefined });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(readBytes(png)).toEqual({ as: 'binary' });
  });
});
