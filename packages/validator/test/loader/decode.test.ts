import { describe, expect, it } from '@jest/globals';
import { BINARY_SNIFF_BYTES, decodeUtf8, looksBinary } from '../../src/loader/decode.js';

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

describe('decodeUtf8', () => {
  it('reads ASCII bytes, every one of them, as UTF-8 reads them, and says they were ASCII', () => {
    const ascii = Buffer.from(Array.from({ length: 128 * 40 }, (_, index) => index % 128));
    const expected = new TextDecoder('utf-8').decode(ascii);
    expect(decodeUtf8(ascii)).toEqual({ text: expected, ascii: true });
    expect(decodeUtf8(Buffer.from('{"a": "caf\u00e9"}'))).toEqual({ text: '{"a": "caf\u00e9"}' });
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ text: '\ufeff{}' });
  });
});
