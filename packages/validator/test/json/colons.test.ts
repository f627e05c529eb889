import { describe, expect, it } from '@jest/globals';
import { findColons } from '../../src/json/colons.js';
import { JsonDocument } from '../../src/json/json-document.js';

/** Every colon's offset, one character at a time. */
function eachColon(text: string): number[] {
  const offsets: number[] = [];
  for (let at = 0; at < text.length; at++) if (text[at] === ':') offsets.push(at);
  return offsets;
}

describe('findColons', () => {
  it('lists every colon of the text in order, inside strings or not, at the edges too', () => {
    for (const text of [
      '',
      'no colon here',
      ':',
      '::',
      '{"a": ":", "b" : {"c":1}, "url": "https://x:8080"}',
      ': é ü 😀 : "\\u00e9:" :',
    ]) {
      expect({ text, offsets: [...findColons(text).offsets] }).toEqual({ text, offsets: eachColon(text) });
    }
  });

  it("counts the colons after an unescaped quote, past whitespace, as a key's colon is", () => {
    // Counted: after "a" and "b" (whitespace between), "x", the key ending in an escaped backslash,
    // the key ending in an escaped quote, "n", and in the string value that starts with a colon.
    // Not counted: the colon after an escaped quote inside a string, and the one after a number.
    const text = '{"a" : 1, "b"\n\t: 2, "x": "say \\": hi", "k\\\\": 3, "q\\"": ":", "n": 1:2}';
    expect(findColons(text).offsets.length).toBe(9);
    expect(findColons(text).afterQuote).toBe(7);
  });

  it('lists texts with more colons than its reused list first holds, each in a list of its own', () => {
    const large = `{${Array.from({ length: 20_000 }, (_, index) => `"k${index}": "v:${index}"`).join(', ')}}`;
    const small = '{"a": 1}';
    const offsetsOfLarge = findColons(large).offsets;
    const offsetsOfSmall = findColons(small).offsets;
    // The small text's search fills the reused list again: the large text's list must not change.
    expect([...offsetsOfLarge]).toEqual(eachColon(large));
    expect(offsetsOfLarge.length).toBe(40_000);
    expect([...offsetsOfSmall]).toEqual([4]);
  });
});

describe('JsonDocument.colonOffsets', () => {
  it('finds the colons once, for every reader of the document', () => {
    const text = '{"a": {"b": "c:d"}, "e": [1, 2]}';
    const document = JsonDocument.parse(text);
    const offsets = document.colonOffsets;
    expect([...offsets]).toEqual(eachColon(text));
    expect(document.colonOffsets).toBe(offsets);
    // The duplicate-key screen reads the same list.
    expect(document.duplicateKeys).toEqual([]);
    expect(document.colonOffsets).toBe(offsets);
  });

  it('gives offsets in the text without its byte-order mark, as every other offset of the document', () => {
    const document = JsonDocument.parse('\uFEFF{"a": 1}');
    expect([...document.colonOffsets]).toEqual([4]);
  });
});
