import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { MAX_JSON_KEY_LENGTH, offsetOfLongKey } from '../../src/json/key-length.js';

const key = (length: number) => `/${'a'.repeat(length - 1)}`;

describe('key length', () => {
  it('reads a key of the limit and refuses one longer, strict or not, at its opening quote', () => {
    const texts = (length: number) => [
      `{\n  "paths": {\n    "${key(length)}": { "get": {} }\n  }\n}`,
      // A trailing comma makes the text non-strict: it is then scanned as text.
      `{\n  "paths": {\n    "${key(length)}": { "get": {} },\n  }\n}`,
    ];
    for (const text of texts(MAX_JSON_KEY_LENGTH)) {
      expect(JsonDocument.parse(text).value).toBeDefined();
    }
    for (const text of texts(MAX_JSON_KEY_LENGTH + 1)) {
      const document = JsonDocument.parse(text);
      expect(document.value).toBeUndefined();
      expect(document.syntaxIssues).toEqual([
        {
          message: `This key is ${MAX_JSON_KEY_LENGTH + 1} characters long, more than the ${MAX_JSON_KEY_LENGTH} this tool reads; it cannot be a valid connector file's, so the file is not checked further. Shorten the key.`,
          offset: text.indexOf('"/'),
          length: MAX_JSON_KEY_LENGTH + 3,
        },
      ]);
      expect(document.position(document.syntaxIssues[0]!.offset)).toEqual({ line: 3, column: 5 });
    }
  });

  it('leaves long string values alone: descriptions of 14,000 characters are real', () => {
    const text = JSON.stringify({ description: 'x'.repeat(100_000), list: ['y'.repeat(100_000)] });
    expect(offsetOfLongKey(text, MAX_JSON_KEY_LENGTH)).toBe(-1);
    expect(JsonDocument.parse(text).syntaxIssues).toEqual([]);
  });

  it('counts a key as written, escapes and all, past an escaped quote', () => {
    const text = `{"a\\"${'b'.repeat(10)}" : 1}`;
    expect(offsetOfLongKey(text, 12)).toBe(1);
    expect(offsetOfLongKey(text, 13)).toBe(-1);
  });
});
