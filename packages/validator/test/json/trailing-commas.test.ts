import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import type { JsonSyntaxIssue } from '../../src/json/syntax/syntax-issue.js';
import { parseTolerantly } from '../../src/json/repaired-parse.js';
import { namesIndexLoosely, parseTrailingCommaSlips } from '../../src/json/trailing-commas.js';

/** jsonc-parser's tolerant parse: the value and issues a document had before the fast path. */
function tolerant(text: string): { value: unknown; issues: JsonSyntaxIssue[] } {
  const issues: JsonSyntaxIssue[] = [];
  const value = parseTolerantly(text, issues);
  return { value, issues };
}

function documentOf(text: string): { value: unknown; issues: readonly JsonSyntaxIssue[] } {
  const document = JsonDocument.parse(text);
  return { value: document.value, issues: document.syntaxIssues };
}

describe('parseTrailingCommaSlips', () => {
  it("gives jsonc-parser's value and issues for text whose only errors are trailing commas", () => {
    const texts = [
      '{"a": 1,}',
      '[1, 2,\n]',
      '{"a": [1, 2,\n],\r\n "b": {"c": 3,\t}, }',
      '{"a": {"x": [], "y": {},}, "a": [{"z": [[],],},], "": "",}',
      // Commas and brackets inside strings, escaped quotes before them; repeated keys, -0, numbers.
      '{"s": "x,}", "t": "\\",]", "u": "\\\\", "n": [-0, 1e2, 0.5,], "s": "y, ]",}',
      '[{"a": true,}, null, false, "\\n\\/",]',
    ];
    for (const text of texts) {
      expect(parseTrailingCommaSlips(text)).toBeDefined();
      expect(documentOf(text)).toStrictEqual(tolerant(text));
    }
    expect(documentOf('[1,]').issues).toEqual([
      { message: "A trailing comma before ']' is not allowed in JSON; remove it.", offset: 2, length: 1 },
    ]);
  });

  it('leaves other text to the general path: other errors, commas in strings, possible __proto__ keys', () => {
    const texts = [
      '[,]',
      '{ , }',
      '[1,,]',
      '{"a": 1 "b": 2,}',
      '{"a": "x,}"',
      '{"a": "x,}" ',
      '{"a": 1,\u00a0}',
      '{"__proto__": {"polluted": 1}, "a": 1,}',
      '{"\\u005f_proto__": {"polluted": 1}, "a": 1,}',
      '{"a": "\\u0041",}',
    ];
    for (const text of texts) {
      expect(parseTrailingCommaSlips(text)).toBeUndefined();
      expect(documentOf(text).issues).toStrictEqual(tolerant(text).issues);
    }
    for (const text of [...texts.slice(0, 7), texts[9]!]) {
      expect(documentOf(text).value).toStrictEqual(tolerant(text).value);
    }
    // jsonc-parser sets the prototype for a `__proto__` key; the general path reads the text with its
    // trailing comma removed through JSON.parse, which makes it an own key, as for strict JSON.
    for (const text of texts.slice(7, 9)) {
      const value = documentOf(text).value as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(['__proto__', 'a']);
      expect(value.polluted).toBeUndefined();
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((tolerant(text).value as Record<string, unknown>).polluted).toBe(1);
    }
  });
});

describe('namesIndexLoosely', () => {
  it('tells indexes that Number reads but that are written otherwise, and text that is no pointer', () => {
    const loose = ['/a/01', '/a/', '//', '/a/-0', '/a/1e0', '/a/ 1', '/a/0x1', '/a/1.0', 'a/1'];
    const plain = ['', '/a/1', '/a/0', '/a/10/b', '/a/-1', '/a/1.5', '/a/x', '/a~1b/c~0', '/a/NaN'];
    expect(loose.filter(namesIndexLoosely)).toEqual(loose);
    expect(plain.filter(namesIndexLoosely)).toEqual([]);
  });
});
