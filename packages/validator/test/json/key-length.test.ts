import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import {
  findOverlongKey,
  KEY_SCREEN_LENGTH,
  MAX_JSON_KEY_LENGTH,
  screenedMembers,
} from '../../src/json/key-length.js';

const offsetOfLongKey = (text: string, limit: number) => findOverlongKey(text, limit, Infinity)?.offset ?? -1;

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

  it('counts a \\u-escaped key as written, strict or not: the limit is what the editor shows', () => {
    // 682 escapes of six characters and four letters: 4,096 characters written, 686 read.
    const escaped = (letters: number) => `/${'\\u0041'.repeat(682)}${'b'.repeat(letters - 1)}`;
    const texts = (written: string) => [
      `{\n  "paths": {\n    "${written}": { "get": {} }\n  }\n}`,
      `{\n  "paths": {\n    "${written}": { "get": {} },\n  }\n}`,
    ];
    expect(escaped(4)).toHaveLength(MAX_JSON_KEY_LENGTH);
    for (const text of texts(escaped(4))) {
      const document = JsonDocument.parse(text);
      expect(document.syntaxIssues.filter((issue) => issue.message.startsWith('This key'))).toEqual([]);
      expect(Object.keys((document.value as any).paths)[0]).toHaveLength(686);
    }
    for (const text of texts(escaped(5))) {
      const document = JsonDocument.parse(text);
      expect(document.value).toBeUndefined();
      expect(document.syntaxIssues).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^This key is 4097 characters long, more than the 4096 /),
          offset: text.indexOf('"/'),
          length: MAX_JSON_KEY_LENGTH + 3,
        }),
      ]);
    }
  });

  it('counts the keys above a \\u-escaped key as written too, strict or not', () => {
    // Two keys of 4,000 characters written (1,000 read), then "x": 8,004 as written, within 8,192;
    // a third level is past it, though its keys read add up to 3,005.
    const level = (index: number) => `${index}${'\\u0041'.repeat(666)}bbb`;
    const nested = (levels: number, trailing: string) => {
      let text = `{"x":1${trailing}}`;
      for (let index = levels - 1; index >= 0; index--) text = `{"${level(index)}":${text}}`;
      return text;
    };
    expect(level(0)).toHaveLength(4000);
    for (const trailing of ['', ',']) {
      expect(JsonDocument.parse(nested(2, trailing)).value).toBeDefined();
      const past = JsonDocument.parse(nested(3, trailing));
      expect(past.value).toBeUndefined();
      expect(past.syntaxIssues).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^This key and the keys above it add up to 12003 characters/),
        }),
      ]);
    }
  });

  it('counts a key as written, escapes and all, past an escaped quote', () => {
    const text = `{"a\\"${'b'.repeat(10)}" : 1}`;
    expect(offsetOfLongKey(text, 12)).toBe(1);
    expect(offsetOfLongKey(text, 13)).toBe(-1);
  });
});

describe('the keys from the root to a key', () => {
  /** Objects nested under keys of `length` characters, `levels` deep, the innermost holding "x". */
  const nested = (length: number, levels: number): unknown => {
    let value: unknown = { x: 1 };
    for (let level = levels - 1; level >= 0; level--)
      value = { [`${level}${'k'.repeat(length - 1)}`]: value };
    return value;
  };

  it('may add up to the limit, one more is refused at the key that passes it, strict or not', () => {
    // Two keys of 4,000 and "x": 1 + 4,000 + 1 + 4,000 + 1 + 1 = 8,004; the limit is 8,192.
    const within = JSON.stringify(nested(4000, 2));
    expect(JsonDocument.parse(within).value).toBeDefined();
    const past = JSON.stringify(nested(4000, 3));
    for (const text of [past, past.replace('{"x":1}', '{"x":1,}')]) {
      const document = JsonDocument.parse(text);
      expect(document.value).toBeUndefined();
      expect(document.syntaxIssues).toEqual([
        {
          message:
            "This key and the keys above it add up to 12003 characters, more than the 8192 this tool reads; it cannot be a valid connector file's, so the file is not checked further. Shorten the key.",
          offset: text.indexOf('"2k'),
          length: 4002,
        },
      ]);
    }
  });

  it('counts as the parsed value does: exactly the limit is read, one past it is not', () => {
    // Keys of 4,096 and m characters, then "x": 1 + 4,096 + 1 + m + 1 + 1 = 8,192 for m = 4,092.
    const at = (m: number) => JSON.stringify({ ['a'.repeat(4096)]: { ['b'.repeat(m)]: { x: 1 } } });
    expect(findOverlongKey(at(4092))).toBeUndefined();
    expect(JsonDocument.parse(at(4092)).value).toBeDefined();
    const past = at(4093);
    expect(findOverlongKey(past)).toEqual({ offset: past.indexOf('"x"'), keyLength: 1, pathLength: 8193 });
    expect(JsonDocument.parse(past).value).toBeUndefined();
  });

  it('does not count array indexes, nor keys of closed objects', () => {
    const text = JSON.stringify({ a: [[[{ b: 1 }]]], ['c'.repeat(4000)]: 1, d: { ['e'.repeat(4000)]: 1 } });
    expect(findOverlongKey(text, Infinity, 4003)).toBeUndefined();
    expect(findOverlongKey(text, Infinity, 4002)).toMatchObject({ pathLength: 4003 });
  });
});

describe('the screen of a parsed value', () => {
  const screened = (text: string) => screenedMembers(text, JSON.parse(text));

  it("lets a key past the escape-proof screen through when the text's backslashes cannot make it too long", () => {
    // Square Payments' 750-character key, in a text with two escapes: its swagger was scanned twice.
    const key = 's'.repeat(750);
    expect(key.length).toBeGreaterThan(KEY_SCREEN_LENGTH);
    expect(screened(`{"${key}": {"description": "the seller\\u2019s card\\n"}}`)).toBe(2);
    // 683 escapes could make the key too long as written (750 + 5 × 683 > 4,096): the scans decide.
    expect(screened(`{"${key}": "${'\\n'.repeat(683)}"}`)).toBe(-1);
  });

  it('never lets through a key or key path that the text scan refuses', () => {
    // Keys of `plain` letters and `escaped` \u escapes, nested `levels` deep, around both limits.
    const text = (plain: number, escaped: number, levels: number) => {
      let nested = '{"x":1}';
      for (let level = 0; level < levels; level++)
        nested = `{"${level}${'k'.repeat(plain)}${'\\u0041'.repeat(escaped)}":${nested}}`;
      return nested;
    };
    let letThrough = 0;
    for (const escaped of [0, 1, 2, 10, 100, 600, 682, 683]) {
      for (const levels of [1, 2, 3]) {
        for (const written of [2000, 2730, 2731, 4090, 4095, 4096, 4097, 4100]) {
          const plain = written - 1 - 6 * escaped;
          if (plain < 0) continue;
          const candidate = text(plain, escaped, levels);
          if (screened(candidate) === -1) continue;
          letThrough++;
          expect(findOverlongKey(candidate)).toBeUndefined();
        }
      }
    }
    expect(letThrough).toBeGreaterThan(10);
  });
});
