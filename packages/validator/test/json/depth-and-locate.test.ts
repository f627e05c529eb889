import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { MAX_JSON_DEPTH } from '@connector-alm/core';
import { objectMembersWithin } from '../../src/json/value-depth.js';

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('nesting depth', () => {
  it('counts levels as the text nests them, for strict and tolerant parses alike', () => {
    for (const make of [nestedArrays, nestedObjects]) {
      expect(JsonDocument.parse(make(MAX_JSON_DEPTH)).tooDeep).toBe(false);
      expect(JsonDocument.parse(make(MAX_JSON_DEPTH + 1)).tooDeep).toBe(true);
      // A trailing comma makes the text non-strict: it is then measured on the text.
      expect(JsonDocument.parse(`[${make(MAX_JSON_DEPTH)},]`).tooDeep).toBe(true);
      expect(JsonDocument.parse(`[${make(MAX_JSON_DEPTH - 1)},]`).tooDeep).toBe(false);
    }
  });

  it('measures a parsed value without recursion', () => {
    const deep = JSON.parse(nestedObjects(200_000)) as unknown;
    expect(objectMembersWithin(deep, MAX_JSON_DEPTH)).toBe(-1);
    expect(objectMembersWithin({ a: [1, { b: [] }], c: 'x' }, 4)).toBe(3);
    expect(objectMembersWithin({ a: [1, { b: [] }], c: 'x' }, 3)).toBe(-1);
    expect(objectMembersWithin('text', 0)).toBe(0);
  });

  // It was reported at line 1, column 1, whatever the line of the level past the limit.
  it('reports a document nested too deep at the bracket that opens the level past the limit', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 1; level < MAX_JSON_DEPTH + 1; level++) deep = (deep.a = {}) as Record<string, unknown>;
    // Line k + 1 opens level k (the title takes line 2): k - 1 spaces of indentation, then `"a": {`.
    const strict = JSON.stringify({ title: 'Deep', ...root }, null, 1);
    const at = { line: MAX_JSON_DEPTH + 2, column: MAX_JSON_DEPTH + 6 };
    const placeOf = (text: string) => {
      const document = JsonDocument.parse(text);
      expect(document.tooDeep).toBe(true);
      const [issue] = document.syntaxIssues;
      expect(issue!.length).toBe(1);
      expect(text.charAt(issue!.offset)).toBe('{');
      return document.position(issue!.offset);
    };
    expect(placeOf(strict)).toEqual(at);
    // Text that is not strict JSON is measured on the text, and placed alike.
    expect(placeOf(strict.replace(/\n}$/, ',\n}'))).toEqual(at);
  });

  it('refuses a strict document nested 200,000 objects deep', () => {
    const document = JsonDocument.parse(nestedObjects(200_000));
    expect(document.tooDeep).toBe(true);
    expect(document.value).toBeUndefined();
    expect(document.syntaxIssues[0]!.message).toMatch(/nested more than 256 levels/);
  });
});

describe('locating pointers', () => {
  const text = '{\n "a": {"b": 1, "c": [10, {"d": 2}]},\n "e": {"f": 3},\n "g": [1, 2, 3]\n}';

  it('finds pointers anywhere, also when the last one is followed by more text', () => {
    const document = JsonDocument.parse(text);
    const found = document.locateAll(['/a/c/1/d', '/a', '/e/f', '/a/b']);
    const at = (pointer: string) => document.position(found.get(pointer)!.offset);
    expect(at('/a')).toEqual({ line: 2, column: 2 });
    expect(at('/a/b')).toEqual({ line: 2, column: 8 });
    expect(at('/a/c/1/d')).toEqual({ line: 2, column: 27 });
    expect(at('/e/f')).toEqual({ line: 3, column: 8 });
  });

  it('places missing members at their ancestor', () => {
    const document = JsonDocument.parse(text);
    const found = document.locateAll(['/a/c/5', '/e/x']);
    expect(found.get('/a/c/5')).toMatchObject({ resolved: false });
    expect(document.position(found.get('/a/c/5')!.offset)).toEqual({ line: 2, column: 16 });
    expect(document.position(found.get('/e/x')!.offset)).toEqual({ line: 3, column: 2 });
  });
});
