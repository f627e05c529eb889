import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { placeInTree } from '../helpers/tree-place.js';

describe('JsonDocument', () => {
  const text = '{\n  "info": {\n    "title": "A/B",\n    "x": [1, {"y": 2}]\n  },\n  "a~b": {"c/d": true}\n}';

  it('locates an object member at its key', () => {
    const document = JsonDocument.parse(text);
    expect(document.range(document.locate('/info/title').offset, 1)).toMatchObject({ line: 3, column: 5 });
  });

  it('locates array elements and escaped segments', () => {
    const document = JsonDocument.parse(text);
    const found = document.locateAll(['/info/x/1/y', '/a~0b/c~1d', '/info/x/0']);
    expect(document.position(found.get('/info/x/1/y')!.offset)).toEqual({ line: 4, column: 15 });
    expect(document.position(found.get('/a~0b/c~1d')!.offset)).toEqual({ line: 6, column: 11 });
    expect(document.position(found.get('/info/x/0')!.offset)).toEqual({ line: 4, column: 11 });
  });

  it("finds the end of a member's or an element's value, where the line that closes it is", () => {
    const document = JsonDocument.parse(text);
    const endOf = (pointer: string) => document.position(document.valueEnd(pointer)!);
    // `info`'s closing brace, the array's bracket, a scalar's last character.
    expect(endOf('/info')).toEqual({ line: 5, column: 3 });
    expect(endOf('/info/x')).toEqual({ line: 4, column: 22 });
    expect(endOf('/info/x/1')).toEqual({ line: 4, column: 21 });
    expect(endOf('/info/title')).toEqual({ line: 3, column: 18 });
    expect(document.valueEnd('/info/contact')).toBeUndefined();
  });

  it('finds the end of a value in text read with its trailing commas blanked, or repaired, as written', () => {
    const trailing = JsonDocument.parse('{\n  "a": {\n    "b": 1,\n  },\n  "c": [2,],\n}');
    expect(trailing.isStrictJson).toBe(false);
    expect(trailing.position(trailing.valueEnd('/a')!)).toEqual({ line: 4, column: 3 });
    expect(trailing.position(trailing.valueEnd('/c')!)).toEqual({ line: 5, column: 11 });
    // A missing comma: the value is read from the repaired text, the place is in the text as written.
    const missing = JsonDocument.parse('{\n  "a": {\n    "b": 1\n    "d": 2\n  },\n  "c": 3\n}');
    expect(missing.isStrictJson).toBe(false);
    expect(missing.value).toEqual({ a: { b: 1, d: 2 }, c: 3 });
    expect(missing.position(missing.valueEnd('/a')!)).toEqual({ line: 5, column: 3 });
  });

  it('places a missing member at its nearest existing ancestor', () => {
    const document = JsonDocument.parse(text);
    const where = document.locate('/info/contact/email');
    expect(where.resolved).toBe(false);
    expect(document.position(where.offset)).toEqual({ line: 2, column: 3 });
  });

  it('locates past brackets in strings on CRLF lines, counting columns in UTF-16 units after a BOM', () => {
    const lines = [
      '{',
      '  "a": "\u{1F600} { [",  "b": {',
      '    "c": "}"',
      '  },',
      '  "d": [ "]", {"e": 1} ]',
      '}',
    ];
    const document = JsonDocument.parse(`\uFEFF${lines.join('\r\n')}`);
    const found = document.locateAll(['/b/c', '/d/1/e', '/d/1', '/b', '/x']);
    const at = (pointer: string) => document.range(found.get(pointer)!.offset, found.get(pointer)!.length);
    expect(at('/b')).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 22 });
    expect(at('/b/c')).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 8 });
    expect(at('/d/1')).toEqual({ line: 5, column: 15, endLine: 5, endColumn: 16 });
    expect(at('/d/1/e')).toEqual({ line: 5, column: 16, endLine: 5, endColumn: 19 });
    expect(found.get('/x')).toEqual({ offset: 0, length: 1, resolved: false });
  });

  it('locates text whose only errors are trailing commas as the tolerant tree does', () => {
    // Repeated keys (the last wins), arrays, scalars, escaped and empty keys, missing members.
    const text = [
      '{',
      '  "a": {"x": 1, "y": [10, {"z": 2,}, 30,],},',
      '  "a": {"x": [1, 2,], "w": "s",},',
      '  "e~/": [[], {}, "q",],',
      '  "": {"": 0,},',
      '}',
    ].join('\n');
    const plain = [
      ...['/a', '/a/x', '/a/x/1', '/a/x/2', '/a/y', '/a/y/1/z', '/a/w', '/a/w/0', '/a/v/u', '/b'],
      ...['/e~0~1', '/e~0~1/2', '/e~0~1/0/0', '/e~0~1/1/k', '', '/a/x/1/0/1'],
    ];
    // Left to the tree itself: segments that Number reads as an index though they are written
    // otherwise (an empty one among them), and text that is no pointer.
    const loose = ['/e~0~1/01', '/a/x/', '/a/x/-0', '//', '///', '/e~0~1/1e0', 'a/x'];
    const document = JsonDocument.parse(text);
    expect(document.syntaxIssues.length).toBeGreaterThan(1);
    // Together and one by one: a walk for one pointer stops at its first key, unless keys repeat.
    for (const pointers of [
      plain,
      ...plain.map((pointer) => [pointer]),
      ...loose.map((pointer) => [pointer]),
    ]) {
      const places = document.locateEach(pointers);
      pointers.forEach((pointer, index) => {
        expect([pointer, places[index]]).toEqual([pointer, placeInTree(text, pointer)]);
      });
    }
  });

  it('accepts a byte-order mark and says it had one', () => {
    const document = JsonDocument.parse('\uFEFF{"a": 1}');
    expect(document.hadBom).toBe(true);
    expect(document.value).toEqual({ a: 1 });
    expect(document.syntaxIssues).toEqual([]);
  });

  it('reports each syntax error with its place and still recovers the rest', () => {
    const document = JsonDocument.parse('{\n  "a": 1,\n  "b": [1, 2,],\n  "c": true\n}');
    expect(document.isStrictJson).toBe(false);
    expect(document.syntaxIssues.length).toBeGreaterThan(0);
    expect(document.position(document.syntaxIssues[0]!.offset).line).toBe(3);
    expect((document.value as Record<string, unknown>).c).toBe(true);
    expect(document.position(document.locate('/c').offset).line).toBe(4);
  });

  it('reports a raw TAB inside a string', () => {
    const document = JsonDocument.parse('{\n "a": "x\ty"\n}');
    expect(document.syntaxIssues[0]!.message).toMatch(/control character/);
    expect(document.position(document.syntaxIssues[0]!.offset)).toEqual({ line: 2, column: 9 });
  });

  it('names an invisible character between values, such as a no-break space pasted from a web page', () => {
    // One that takes no room was never typed for a space: only deleting it is said.
    for (const [character, name, fix] of [
      ['\u00a0', 'U+00A0, a no-break space', 'delete it or type a space'],
      ['\u2028', 'U+2028, a line separator', 'delete it or type a space'],
      ['\u000b', 'U+000B, a vertical tab', 'delete it or type a space'],
      ['\u200b', 'U+200B, a zero-width space', 'delete it'],
      ['\u0000', 'U+0000, a NUL character', 'delete it'],
    ] as const) {
      const document = JsonDocument.parse(`{\n  "a": 1,\n  "b":${character} 2\n}`);
      expect(document.syntaxIssues.map((issue) => issue.message)).toEqual([
        `An invisible character (${name}) stands where JSON allows only spaces, tabs and line breaks; ${fix}.`,
      ]);
      expect(document.position(document.syntaxIssues[0]!.offset)).toEqual({ line: 3, column: 7 });
    }
  });

  // Upstream's ZohoSign has two em spaces side by side: GEN-JSON-PARSE reported each, twice on one line.
  it('names a run of invisible characters once, each kind of character once, and spaces it out in one edit', () => {
    for (const [run, names] of [
      ['\u2003\u2003', 'U+2003'],
      ['\u00a0\u2003\u00a0', 'U+00A0, a no-break space; U+2003'],
    ] as const) {
      const text = `{\n  "a": 1,\n  "b":${run} 2\n}`;
      const document = JsonDocument.parse(text);
      expect(document.syntaxIssues).toEqual([
        expect.objectContaining({
          message: `${run.length} invisible characters in a row (${names}) stand where JSON allows only spaces, tabs and line breaks; delete them or type a space.`,
          length: run.length,
        }),
      ]);
      expect(document.position(document.syntaxIssues[0]!.offset)).toEqual({ line: 3, column: 7 });
    }
    // Characters apart are apart: a space between two is two findings.
    const apart = JsonDocument.parse('{\n  "a": 1,\n  "b":\u2003 \u2003 2\n}');
    expect(apart.syntaxIssues.map((issue) => issue.message)).toEqual([
      'An invisible character (U+2003) stands where JSON allows only spaces, tabs and line breaks; delete it or type a space.',
      'An invisible character (U+2003) stands where JSON allows only spaces, tabs and line breaks; delete it or type a space.',
    ]);
  });

  it('says that strings and keys take double quotes where a single-quoted one stands', () => {
    const document = JsonDocument.parse("{\n  'a': 1\n}");
    expect(document.syntaxIssues[0]!.message).toBe(
      `JSON strings take double quotes: write "a" instead of 'a'.`,
    );
    expect(document.position(document.syntaxIssues[0]!.offset)).toEqual({ line: 2, column: 3 });
  });

  it('refuses JSON nested 100,000 levels deep without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const document = JsonDocument.parse(deep);
    expect(document.tooDeep).toBe(true);
    expect(document.value).toBeUndefined();
    expect(document.locate('/0/0').resolved).toBe(false);
  });

  it('calls an empty file empty', () => {
    expect(JsonDocument.parse('  \n').syntaxIssues[0]!.message).toBe('The file is empty.');
  });
});
