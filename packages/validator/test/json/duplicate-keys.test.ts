import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { findDuplicateKeys, mayHaveDuplicateKeys } from '../../src/json/duplicate-keys.js';
import { objectMembersWithin } from '../../src/json/value-depth.js';
import { findColons } from '../../src/json/colons.js';
import { valueAtPointer } from '../../src/json/pointer.js';

/** The screen as JsonDocument runs it: the members JSON.parse kept against the text. */
const screen = (text: string): boolean =>
  mayHaveDuplicateKeys(findColons(text).afterQuote, objectMembersWithin(JSON.parse(text) as unknown, 256));

// Each of these repeats a key in a way that a naive count of `":` in the text would not notice.
const TRICKY: Record<string, string> = {
  'a space before the colon': '{"a" : 1, "b": 2, "b": 3}',
  'a newline and a tab before the colon': '{"a": 1, "a"\n\t: 2}',
  'an escaped quote and a colon inside a string': '{"x": "say \\": hi", "a": 1, "a": 2}',
  'a string that starts with a colon': '{"x": ":", "a" : 1, "a" : 2}',
  'the same key written with an escape': '{"a": 1, "\\u0061": 2}',
  'a key with an escaped quote': '{"q\\"": 1, "q\\"": 2}',
  'a key that ends with an escaped backslash': '{"k\\\\": 1, "k\\\\": 2}',
  'a repeat in a nested object inside an array': '[{"a": 1}, {"b": {"c": 1, "c": 2}}]',
};

describe('the duplicate-key screen', () => {
  it('clears documents without repeated keys, however their keys and strings are written', () => {
    for (const text of [
      '{"a": 1, "b": {"c": [1, {"d": 2}]}}',
      '{\n  "a" : 1,\n  "b"\t:\n 2\n}',
      '{"url": "https://x", "q\\"": "a\\"b", "\\u0061": 1}',
      '{"example": "{\\"id\\": 1, \\"a\\\\\\": 2}", "k\\\\": 3}',
      '[1, "x", [], {}]',
      '"text"',
    ]) {
      expect([text, screen(text)]).toEqual([text, false]);
    }
  });

  it('never clears a document with a repeated key', () => {
    for (const [name, text] of Object.entries(TRICKY)) {
      expect([name, screen(text)]).toEqual([name, true]);
      expect([name, JsonDocument.parse(text).duplicateKeys.length]).toEqual([name, 1]);
    }
  });

  it('spares a clean document the exact scan, and runs it when in doubt', () => {
    expect(JsonDocument.parse('{"a": {"b": 1}, "c": "d:e"}').keysScanned).toBe(false);
    // No repeated key, but a string that starts with a colon makes the counts disagree: the exact scan decides.
    const doubtful = JsonDocument.parse('{"a": ":", "b": "c"}');
    expect(doubtful.keysScanned).toBe(true);
    expect(doubtful.duplicateKeys).toEqual([]);
  });

  it('counts the members JSON.parse kept, or -1 when the value nests too deep', () => {
    expect(objectMembersWithin(JSON.parse('{"a": 1, "a": 2, "b": [{"c": 1}, {}]}'), 4)).toBe(3);
    expect(objectMembersWithin(JSON.parse('[[[{}]]]'), 3)).toBe(-1);
    expect(objectMembersWithin('text', 0)).toBe(0);
  });
});

describe('findDuplicateKeys', () => {
  it('gives each ignored occurrence with the place of the one kept, object by object', () => {
    const text = '{"d": 1, "x": {"d": 2}, "d": 3, "d": 4, "\\u0064": 5}';
    const found = findDuplicateKeys(text);
    const kept = text.indexOf('"\\u0064"');
    expect(found).toEqual([
      { key: 'd', offset: text.indexOf('"d"'), length: 3, keptOffset: kept, objectPointer: '' },
      { key: 'd', offset: text.indexOf('"d": 3'), length: 3, keptOffset: kept, objectPointer: '' },
      { key: 'd', offset: text.indexOf('"d": 4'), length: 3, keptOffset: kept, objectPointer: '' },
    ]);
  });

  it('gives the pointer of the object that repeats the key, through keys and array indexes as written', () => {
    const text = JSON.stringify({
      paths: {
        '/a/{id}': {
          get: {
            parameters: [
              // Strings with commas and brackets, and nested arrays, before the repeat: not elements.
              { name: 'x, [y]', in: 'a', in_: 'b' },
              's,]',
              [1, { q: [2, 3] }],
              { name: 'p' },
            ],
          },
        },
      },
      'm~n': { k: 1 },
    })
      .replace('"in_"', '"in"')
      .replace('{"name":"p"}', '{"name":"p","name":"P"}')
      .replace('{"k":1}', '{"k":1,"k":2}');
    const found = findDuplicateKeys(text).map(({ key, objectPointer }) => [key, objectPointer]);
    expect(found).toEqual([
      ['in', '/paths/~1a~1{id}/get/parameters/0'],
      ['name', '/paths/~1a~1{id}/get/parameters/3'],
      ['k', '/m~0n'],
    ]);
    // Each names the object JSON.parse reads there.
    const value = JSON.parse(text) as unknown;
    for (const [key, pointer] of found)
      expect(Object.keys(valueAtPointer(value, pointer!) as object)).toContain(key);
  });

  it('gives a key written with escapes as JSON reads it, in the pointers under it', () => {
    const text = '{"\\u0070/q": [{"a": 1, "a": 2}]}';
    expect(findDuplicateKeys(text).map((repeat) => repeat.objectPointer)).toEqual(['/p~1q/0']);
  });

  it('gives the pointer of a repeat nested 100,000 levels deep without overflowing the stack', () => {
    // Compared as counts of their segments: a failing comparison of the whole pointers would print 200,000 characters.
    const segmentsOf = (text: string): Map<string, number> => {
      const pointers = findDuplicateKeys(text).map((repeat) => repeat.objectPointer);
      expect(pointers).toHaveLength(1);
      const counts = new Map<string, number>();
      for (const segment of pointers[0]!.split('/').slice(1))
        counts.set(segment, (counts.get(segment) ?? 0) + 1);
      return counts;
    };
    const inArrays = `${'['.repeat(100_000)}{"a": 1, "a": 2}${']'.repeat(100_000)}`;
    expect(segmentsOf(inArrays)).toEqual(new Map([['0', 100_000]]));
    const inObjects = `${'{"k": '.repeat(100_000)}{"a": 1, "a": 2}${'}'.repeat(100_000)}`;
    expect(segmentsOf(inObjects)).toEqual(new Map([['k', 100_000]]));
  });

  it('leaves text that is not strict JSON to its syntax errors', () => {
    // A parameter object left open: the tolerant parser reads the next one's members into it, and
    // its "repeats" would only mislead.
    const document = JsonDocument.parse('[\n  {"in": "path", "x": 1,\n  {"name": "b", "in": "query"}\n]');
    expect(document.isStrictJson).toBe(false);
    expect(document.keysScanned).toBe(false);
    expect(document.duplicateKeys).toEqual([]);
  });
});

describe('locating a repeated key', () => {
  const text = [
    '{',
    '  "op": {',
    '    "operationId": "First",',
    '    "parameters": [{"name": "a"}, {"name": "b"}]',
    '  },',
    '  "other": 1,',
    '  "op": {',
    '    "operationId": "Kept",',
    '    "parameters": [{"name": "c"}]',
    '  }',
    '}',
  ].join('\n');

  it('points at the occurrence JSON.parse kept, and into its value', () => {
    const document = JsonDocument.parse(text);
    expect((document.value as { op: { operationId: string } }).op.operationId).toBe('Kept');
    const found = document.locateAll(['/op/operationId', '/op/parameters/0/name', '/op']);
    expect(document.position(found.get('/op/operationId')!.offset).line).toBe(8);
    expect(document.position(found.get('/op/parameters/0/name')!.offset).line).toBe(9);
    expect(document.position(found.get('/op')!.offset).line).toBe(7);
  });

  it('does not place a pointer in the ignored occurrence when the kept one lacks it', () => {
    const document = JsonDocument.parse(text);
    const where = document.locate('/op/parameters/1/name');
    expect(where.resolved).toBe(false);
    expect(document.position(where.offset).line).toBe(9);
  });

  it('points at the kept occurrence in text that is not strict JSON too', () => {
    const document = JsonDocument.parse(text.replace('"other": 1,', '"other": 1,,'));
    expect(document.isStrictJson).toBe(false);
    expect(document.position(document.locate('/op/operationId').offset).line).toBe(8);
  });
});
