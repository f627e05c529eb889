import { describe, expect, it } from '@jest/globals';
import { decodeSegment, encodeSegment } from '../../src/json/pointer.js';

describe('decodeSegment', () => {
  it('reads ~1 as / and ~0 as ~, left to right, on every text of up to 5 characters over ~, 0, 1, / and a', () => {
    const alphabet = ['~', '0', '1', '/', 'a'];
    let texts = [''];
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((text) => alphabet.map((character) => text + character));
      for (const text of texts) {
        // RFC 6901's own wording: first ~1 into /, then ~0 into ~.
        expect([text, decodeSegment(text)]).toEqual([text, text.replace(/~1/g, '/').replace(/~0/g, '~')]);
      }
    }
  });

  it('gives back what encodeSegment wrote', () => {
    for (const raw of ['', 'a/b', '~', '~1', '~0/~', '/~/~~//', 'plain']) {
      expect(decodeSegment(encodeSegment(raw))).toBe(raw);
    }
  });
});
