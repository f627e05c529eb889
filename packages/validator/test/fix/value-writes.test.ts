import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { writeValues } from '../../src/fix/value-writes.js';

// validate --fix writes the values that findings name in place of the ones written: only each value's
// token changes, and the result is checked to be the document with just those values changed.

const document = (text: string): JsonDocument => JsonDocument.parse(text);

describe('writeValues', () => {
  it('replaces each value token, keeping the layout, and the keys and other values as written', () => {
    const text = '{\r\n  "a" :  "Advanced" ,\r\n  "list": [ "true",\t"10" ],\r\n  "n": 1.50\r\n}';
    const written = writeValues(document(text), [
      { pointer: '/a', to: 'advanced' },
      { pointer: '/list/0', to: true },
      { pointer: '/list/1', to: 10 },
    ]);
    expect(written).toEqual({
      text: '{\r\n  "a" :  "advanced" ,\r\n  "list": [ true,\t10 ],\r\n  "n": 1.50\r\n}',
      made: 3,
      refused: [],
    });
  });

  it('writes a string as JSON writes it: quotes, backslashes and control characters escaped', () => {
    const written = writeValues(document('{ "label": "x" }'), [{ pointer: '/label', to: 'say "hi"\\\n' }]);
    expect(written.text).toBe('{ "label": "say \\"hi\\"\\\\\\n" }');
    expect(JSON.parse(written.text)).toEqual({ label: 'say "hi"\\\n' });
  });

  it('finds a value under keys that escape "/" and "~", or are written with escapes', () => {
    const text = '{ "paths": { "/a~b": { "\\u0078-ms-visibility": "Internal" } } }';
    const written = writeValues(document(text), [
      { pointer: '/paths/~1a~0b/x-ms-visibility', to: 'internal' },
    ]);
    expect(written.text).toBe('{ "paths": { "/a~b": { "\\u0078-ms-visibility": "internal" } } }');
  });

  it('writes a value once that several findings name alike, and none that two findings name apart', () => {
    const written = writeValues(document('{ "a": "A", "b": "B" }'), [
      { pointer: '/a', to: 'a' },
      { pointer: '/a', to: 'a' },
      { pointer: '/b', to: 'b' },
      { pointer: '/b', to: 'bee' },
    ]);
    expect(written.text).toBe('{ "a": "a", "b": "B" }');
    expect(written.made).toBe(1);
    expect(written.refused).toEqual([
      'the value at /b was not written: the findings name 2 values for it ("b", "bee"); choose one by hand.',
    ]);
  });

  it('writes no object nor a list that holds one, nor a value that is not there, nor the whole document', () => {
    const written = writeValues(document('{ "o": {}, "l": [{}] }'), [
      { pointer: '/o', to: 'x' },
      { pointer: '/l', to: 'x' },
      { pointer: '/missing', to: 'x' },
    ]);
    expect(written).toEqual({
      text: '{ "o": {}, "l": [{}] }',
      made: 0,
      refused: [
        'the value at /o was not written: it is no single value.',
        'the value at /l was not written: it is no single value.',
        'the value at /missing was not written: it is not there.',
      ],
    });
    expect(writeValues(document('"Advanced"'), [{ pointer: '', to: 'advanced' }])).toEqual({
      text: '"Advanced"',
      made: 0,
      refused: ['the value at / was not written: it is no single value.'],
    });
  });

  it('changes nothing for a value that is already the one named', () => {
    expect(writeValues(document('{ "a": 10 }'), [{ pointer: '/a', to: 10 }])).toEqual({
      text: '{ "a": 10 }',
      made: 0,
      refused: [],
    });
  });

  it('writes a scalar in place of a list of scalars, written on one line or several', () => {
    const text =
      '{\n  "a": { "type": ["string", "null"] },\n  "b": {\n    "type": [\n      "Integer"\n    ]\n  }\n}';
    const written = writeValues(document(text), [
      { pointer: '/a/type', to: 'string' },
      { pointer: '/b/type', to: 'integer' },
    ]);
    expect(written).toEqual({
      text: '{\n  "a": { "type": "string" },\n  "b": {\n    "type": "integer"\n  }\n}',
      made: 2,
      refused: [],
    });
  });

  it('writes, of a key its object repeats, the value JSON.parse keeps (the last), as the rules read it', () => {
    const text = '{ "a": "Advanced", "a": "Important", "b": "B" }';
    const written = writeValues(document(text), [
      { pointer: '/a', to: 'important' },
      { pointer: '/b', to: 'b' },
    ]);
    // The first "a" is GEN-JSON-DUPLICATE-KEY's, whose finding says which one counts.
    expect(written).toEqual({
      text: '{ "a": "Advanced", "a": "important", "b": "b" }',
      made: 2,
      refused: [],
    });
  });

  it('writes a value in an object whose key is "__proto__", as a member like any other', () => {
    const text = '{ "__proto__": { "x-ms-visibility": "Advanced" } }';
    const written = writeValues(document(text), [{ pointer: '/__proto__/x-ms-visibility', to: 'advanced' }]);
    expect(written.text).toBe('{ "__proto__": { "x-ms-visibility": "advanced" } }');
    expect(written.made).toBe(1);
  });
});

// A list written in place of a string (`"consumes": "application/json"`) reads as the file's own
// lists read: an entry a line at the file's indentation, or on one line.
describe('writeValues of a list', () => {
  const consumes = { pointer: '/paths/~1a/post/consumes', to: ['application/json', 'text/plain'] };

  it('writes an entry a line, one step in from its line, where the file writes its lists so', () => {
    const text = [
      '{',
      '    "schemes": [',
      '        "https"',
      '    ],',
      '    "paths": {',
      '        "/a": {',
      '            "post": { "consumes": "application/json, text/plain" }',
      '        }',
      '    }',
      '}',
    ].join('\r\n');
    const written = writeValues(document(text), [consumes]);
    expect(written.made).toBe(1);
    expect(written.text).toBe(
      text.replace(
        '"application/json, text/plain"',
        '[\r\n                "application/json",\r\n                "text/plain"\r\n            ]',
      ),
    );
  });

  it('writes it with tabs where the file indents with tabs', () => {
    const text = '{\n\t"schemes": [\n\t\t"https"\n\t],\n\t"consumes": "application/json"\n}';
    const written = writeValues(document(text), [{ pointer: '/consumes', to: ['application/json'] }]);
    expect(written.text).toBe(
      '{\n\t"schemes": [\n\t\t"https"\n\t],\n\t"consumes": [\n\t\t"application/json"\n\t]\n}',
    );
  });

  it('writes it on one line where the file writes its lists so, with their separator', () => {
    const spaced = '{\n  "schemes": ["http", "https"],\n  "consumes": "a/b, c/d"\n}';
    expect(writeValues(document(spaced), [{ pointer: '/consumes', to: ['a/b', 'c/d'] }]).text).toBe(
      '{\n  "schemes": ["http", "https"],\n  "consumes": ["a/b", "c/d"]\n}',
    );
    const tight = '{\n  "schemes": ["http","https"],\n  "consumes": "a/b, c/d"\n}';
    expect(writeValues(document(tight), [{ pointer: '/consumes', to: ['a/b', 'c/d'] }]).text).toBe(
      '{\n  "schemes": ["http","https"],\n  "consumes": ["a/b","c/d"]\n}',
    );
  });

  it('writes an entry a line in a file on lines without a list, and one line in a file of one line', () => {
    const lines = '{\n   "info": {\n      "title": "A"\n   },\n   "consumes": "application/json"\n}';
    expect(writeValues(document(lines), [{ pointer: '/consumes', to: ['application/json'] }]).text).toBe(
      '{\n   "info": {\n      "title": "A"\n   },\n   "consumes": [\n      "application/json"\n   ]\n}',
    );
    const oneLine = '{"info":{"title":"A"},"consumes":"application/json"}';
    expect(writeValues(document(oneLine), [{ pointer: '/consumes', to: ['application/json'] }]).text).toBe(
      '{"info":{"title":"A"},"consumes":["application/json"]}',
    );
  });

  it('writes a list once that several findings name alike, and none that two findings name apart', () => {
    const text = '{ "consumes": "a/b", "produces": "a/b" }';
    const written = writeValues(document(text), [
      { pointer: '/consumes', to: ['a/b'] },
      { pointer: '/consumes', to: ['a/b'] },
      { pointer: '/produces', to: ['a/b'] },
      { pointer: '/produces', to: ['a/b', 'c/d'] },
    ]);
    expect(written).toEqual({
      text: '{ "consumes": ["a/b"], "produces": "a/b" }',
      made: 1,
      refused: [
        'the value at /produces was not written: the findings name 2 values for it (["a/b"], ["a/b","c/d"]); choose one by hand.',
      ],
    });
  });

  it('changes nothing where the list named is already written', () => {
    const text = '{ "consumes": [\n  "a/b"\n] }';
    expect(writeValues(document(text), [{ pointer: '/consumes', to: ['a/b'] }])).toEqual({
      text,
      made: 0,
      refused: [],
    });
  });
});
