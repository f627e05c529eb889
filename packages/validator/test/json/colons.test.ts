import { describe, expect, it } from '@jest/globals';
import { findColons } from '../../src/json/colons.js';
import { JsonDocument } from '../../src/json/json-document.js';

/** Every colon's offset, one character at a time. */
function eachColon(text: string): number[] {
  const offsets: number[] = [];
  for (let at = 0; at < text.length; at++) if (text[at] === ':') offsets.push(at);
  return offsets;
}

/**
 * The colons that SECRET_ASSIGNMENT's names can end before, by a pattern built from its own parts:
 * a name's ending, `["']?` and `\s*` right before the colon, in any case its `i` flag allows.
 */
function colonsAfterSecretNameByPattern(text: string): number[] {
  return eachColon(text).filter((at) => /(?:secret|key|token|wd|word)["']?\s*$/i.test(beforeColon(text, at)));
}

/**
 * The text before the colon at `at`, cut to what the pattern can match: the white space right before
 * the colon and seven characters before it (the longest name, "secret", and a quote). The whole text
 * before each colon gave the same answers, in time quadratic in the text's length: most of this
 * file's time, for the large text.
 */
function beforeColon(text: string, at: number): string {
  let start = at;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return text.slice(Math.max(0, start - 7), at);
}

describe('findColons', () => {
  it("counts the colons after an unescaped quote, past whitespace, as a key's colon is", () => {
    // Counted: after "a" and "b" (whitespace between), "x", the key ending in an escaped backslash,
    // the key ending in an escaped quote, "n", and in the string value that starts with a colon.
    // Not counted: the colon after an escaped quote inside a string, and the one after a number.
    const text = '{"a" : 1, "b"\n\t: 2, "x": "say \\": hi", "k\\\\": 3, "q\\"": ":", "n": 1:2}';
    expect(findColons(text).afterQuote).toBe(7);
  });

  it('lists exactly the colons after a secret name, however the name, its quote and spaces are written', () => {
    const names = [
      'client_secret',
      'API_KEY',
      'apiKey',
      'MonKey',
      'AccessToken',
      'passWord',
      'PASSWD',
      'pwd',
    ];
    const nearMisses = [
      'secrets',
      'keys',
      'tokens',
      'words',
      'wdx',
      'ke y',
      'Ke',
      'd',
      'ord',
      'k€y',
      'kEy\u212a',
    ];
    const joins = ['', '"', "'", ' ', '\t\n', '"  ', "'\u00a0\u3000", '\u2028', '""', "' '", '\\"', ' "'];
    const texts = ['', ':', '::', 'key', 'key:', ':key:', '"key":"', 'wd:wd :'];
    for (const word of [...names, ...nearMisses]) {
      for (const join of joins) {
        texts.push(`${word}${join}:`, `{"${word}${join}: 1, "a": "x:${word}${join}:"}`);
      }
    }
    let listed = 0;
    for (const text of texts) {
      const expected = colonsAfterSecretNameByPattern(text);
      listed += expected.length;
      expect({ text, colons: findColons(text).afterSecretName }).toEqual({ text, colons: expected });
    }
    // The pattern does list colons: the comparison above is not between two empty lists.
    expect(listed).toBeGreaterThan(names.length * 10);
  });

  it('lists the colons after a secret name in large texts too, in text order', () => {
    const large = `{${Array.from({ length: 20_000 }, (_, index) => `"k${index % 3 === 0 ? 'ey' : ''}": "v:${index}"`).join(', ')}}`;
    const colons = findColons(large);
    expect(colons.afterSecretName).toEqual(colonsAfterSecretNameByPattern(large));
    expect(colons.afterSecretName.length).toBe(6667);
    expect(colons.afterQuote).toBe(20_000);
  });
});

describe('JsonDocument.colons', () => {
  it('looks at the colons once, for every reader of the document', () => {
    const text = '{"a": {"apiKey": "c:d"}, "e": [1, 2]}';
    const document = JsonDocument.parse(text);
    const colons = document.colons;
    expect(colons).toEqual({ afterQuote: 3, afterSecretName: [15] });
    // The duplicate-key screen reads the same search.
    expect(document.duplicateKeys).toEqual([]);
    expect(document.colons).toBe(colons);
  });

  it('gives offsets in the text without its byte-order mark, as every other offset of the document', () => {
    const document = JsonDocument.parse('\uFEFF{"key": 1}');
    expect(document.colons.afterSecretName).toEqual([6]);
  });
});
