import { describe, expect, it } from '@jest/globals';
import { firstReplacedByte } from '../src/first-replaced-byte.js';

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Where firstReplacedByte places the first bad bytes of `bytes`, as lenient decoding reads them. */
function placeOf(bytes: Buffer): { index: number; offset: number } | undefined {
  return firstReplacedByte(lenient.decode(bytes), bytes);
}

describe('firstReplacedByte', () => {
  it('places the bad byte after a U+FFFD that the file holds itself', () => {
    // '�' (EF BF BD) is text that was mangled once before: the byte 0xE9 after it is the error.
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb\nc', 'utf8'), Buffer.from([0xe9])]);
    expect(placeOf(bytes)).toEqual({ index: 5, offset: 7 });
  });

  it('places the start of a sequence that a lenient decoder replaces in parts', () => {
    // ED A0 80 would encode a surrogate: two replacements or three, the error starts at ED.
    const bytes = Buffer.concat([Buffer.from('\uFEFF€', 'utf8'), Buffer.from([0xed, 0xa0, 0x80, 0x41])]);
    expect(placeOf(bytes)).toEqual({ index: 2, offset: 6 });
  });

  it('places a sequence cut short at the end of the bytes', () => {
    const bytes = Buffer.concat([Buffer.from('ü', 'utf8'), Buffer.from([0xe2, 0x82])]);
    expect(placeOf(bytes)).toEqual({ index: 1, offset: 2 });
  });

  it('is undefined for UTF-8, U+FFFD characters included', () => {
    expect(placeOf(Buffer.from('\uFFFD\uFFFD ok \uFFFD', 'utf8'))).toBeUndefined();
    expect(placeOf(Buffer.from('plain', 'utf8'))).toBeUndefined();
  });
});
