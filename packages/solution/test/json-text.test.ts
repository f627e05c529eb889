import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeWith, REPO_ROOT } from '@connector-alm/testing';
import { offsetPastDepth, MAX_JSON_DEPTH } from '@connector-alm/core';
import { checkJson, minifyJson, prettyJson, SOLUTION_JSON_HINT } from '../src/index.js';

describe('JSON formatting keeps every token', () => {
  const minified =
    '{"paths":{"/x":{"get":{"responses":{"200":{},"default":{},"404":{}}}}},"n":1.50,"e":1E3,"s":"\\u00e9\\"","a":[]}';

  it('pretty-prints with 2 spaces in source key order, integer-like keys included', () => {
    const pretty = prettyJson(minified, 'f.json', SOLUTION_JSON_HINT);
    expect(pretty.endsWith('}\n')).toBe(true);
    expect(pretty.indexOf('"200"')).toBeLessThan(pretty.indexOf('"default"'));
    expect(pretty.indexOf('"default"')).toBeLessThan(pretty.indexOf('"404"'));
    expect(pretty).toContain('"n": 1.50,');
    expect(pretty).toContain('"e": 1E3,');
  });

  it('minifies back to the exact original text', () => {
    expect(minifyJson(prettyJson(minified, 'f.json', SOLUTION_JSON_HINT), 'f.json', SOLUTION_JSON_HINT)).toBe(
      minified,
    );
  });

  it('names the file, line and column of malformed JSON', () => {
    expect(() =>
      checkJson('{\n  "a": 1,\n}', 'Connector/x_connectionparameters.json', SOLUTION_JSON_HINT),
    ).toThrow(
      expect.objectContaining({
        message: 'invalid JSON: property name expected.',
        location: { file: 'Connector/x_connectionparameters.json', line: 3, column: 1 },
      }),
    );
    expect(() => checkJson('{"a": 1} // note', 'f.json', SOLUTION_JSON_HINT)).toThrow(/invalid JSON/);
    expect(() => checkJson('', 'f.json', SOLUTION_JSON_HINT)).toThrow(/invalid JSON/);
  });

  it('says what is wrong of a comment and of a text with no value, where it is', () => {
    expect(() => checkJson('{"a": 1} // note', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      expect.objectContaining({
        message: 'invalid JSON: invalid comment token.',
        location: { file: 'f.json', line: 1, column: 10 },
      }),
    );
    expect(() => checkJson('', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      expect.objectContaining({
        message: 'invalid JSON: value expected.',
        location: { file: 'f.json', line: 1, column: 1 },
      }),
    );
  });

  // An interrupted save or copy: "invalid symbol" at the half-written `tr` said nothing of what happened.
  it('says that a text ending with several brackets open looks cut off, at its end', () => {
    const cut = '{\n  "paths": {\n    "/x": {\n      "required": tr';
    expect(() => checkJson(cut, 'f.json', SOLUTION_JSON_HINT)).toThrow(
      expect.objectContaining({
        message:
          'invalid JSON: the file ends with 3 brackets open: it looks cut off (an interrupted save or copy); restore its end.',
        location: { file: 'f.json', line: 4, column: 19 },
      }),
    );
    expect(() => checkJson('{"a": [1,', 'f.json', SOLUTION_JSON_HINT)).toThrow(/ends with 2 brackets open/);
  });

  it('says what is wrong of a mistake before the end, or at the end with one bracket open', () => {
    expect(() => checkJson('{"a": [1 2], "b": {', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      'invalid JSON: comma expected.',
    );
    expect(() => checkJson('{\n  "a": [1,\n}\n', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      'invalid JSON: value expected.',
    );
    expect(() => checkJson('{"a": {"b": {"c": 1}', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      /ends with 2 brackets open/,
    );
    expect(() => checkJson('{"a": 1,', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      'invalid JSON: property name expected.',
    );
    expect(() => checkJson('[{"a": 1}, {"b": 2}', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      'invalid JSON: close bracket expected.',
    );
    expect(() => checkJson('[[{"a": 1,}', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      'invalid JSON: property name expected.',
    );
    expect(() => checkJson('{"a": [1], "b": {"c": tr', 'f.json', SOLUTION_JSON_HINT)).toThrow(
      /ends with 2 brackets open/,
    );
  });
});

describe('JSON formatting at the edges of its tokens', () => {
  const pretty = (text: string) => prettyJson(text, 'f.json', SOLUTION_JSON_HINT);
  const minify = (text: string) => minifyJson(text, 'f.json', SOLUTION_JSON_HINT);

  it('leaves strings alone whatever they hold: escaped quotes, backslashes, brackets, whitespace', () => {
    const text = '{"a\\\\":"x\\"}, [ ] : ,","b":"\\\\","c":" \\t\\n ","d":"{}"}';
    expect(pretty(text)).toBe(
      '{\n  "a\\\\": "x\\"}, [ ] : ,",\n  "b": "\\\\",\n  "c": " \\t\\n ",\n  "d": "{}"\n}\n',
    );
    expect(minify(pretty(text))).toBe(text);
  });

  it('keeps empty containers on one line, whatever whitespace they held, and literals as written', () => {
    const text = '{ "o" : { \r\n } , "a" : [\t] , "n" : [ -0.0e+5 , true , false , null ] }';
    expect(pretty(text)).toBe(
      '{\n  "o": {},\n  "a": [],\n  "n": [\n    -0.0e+5,\n    true,\n    false,\n    null\n  ]\n}\n',
    );
    expect(minify(text)).toBe('{"o":{},"a":[],"n":[-0.0e+5,true,false,null]}');
  });

  it('breaks the line after a comma that follows a literal straight away', () => {
    expect(pretty('{"a":1,"b":[true,null,2e5],"c":false}')).toBe(
      '{\n  "a": 1,\n  "b": [\n    true,\n    null,\n    2e5\n  ],\n  "c": false\n}\n',
    );
  });

  it('formats a value that is no object or array', () => {
    expect(pretty(' "only" ')).toBe('"only"\n');
    expect(pretty('12')).toBe('12\n');
    expect(minify(' [ 1 ] ')).toBe('[1]');
    expect(minify(' [1]')).toBe('[1]');
    expect(minify('{"already":"minified"}')).toBe('{"already":"minified"}');
  });
});

// Every JSON file of the corpus, as written and minified: formatting changes whitespace only, so the
// value read back is the same and minifying the pretty text gives the minified original.
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
describeWith(CORPUS, 'corpus JSON formatting')('JSON formatting on the corpus', () => {
  it('changes whitespace only, on every JSON file', () => {
    const texts = (readdirSync(CORPUS, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.json'))
      .map((file) => readFileSync(path.join(CORPUS, file), 'utf8').replace(/^\uFEFF/, ''))
      .filter((text) => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      });
    expect(texts.length).toBeGreaterThan(700);
    const changed = texts.filter((text) => {
      const minified = minifyJson(text, 'f.json', SOLUTION_JSON_HINT);
      const pretty = prettyJson(text, 'f.json', SOLUTION_JSON_HINT);
      return (
        JSON.stringify(JSON.parse(pretty)) !== JSON.stringify(JSON.parse(text)) ||
        minifyJson(pretty, 'f.json', SOLUTION_JSON_HINT) !== minified ||
        prettyJson(minified, 'f.json', SOLUTION_JSON_HINT) !== pretty ||
        /^\s|\s$/.test(minified)
      );
    });
    expect(changed.length).toBe(0);
  });
});

// Valid JSON past the depth is refused by the layout itself, at the bracket offsetPastDepth names (a
// scan of its own before the layout cost as much as JSON.parse); unclosed text by the parse's error path.
describe('JSON nested past the depth the tools take', () => {
  const nested = (levels: number, innermost = '1', between = '') =>
    `${'['.repeat(levels - 1)}${between}[${innermost}]${between}${']'.repeat(levels - 1)}`;
  const cases: Array<[string, string]> = [
    ['arrays', nested(MAX_JSON_DEPTH + 1)],
    ['an empty array innermost', nested(MAX_JSON_DEPTH + 1, '')],
    ['an empty object innermost, with whitespace around', nested(MAX_JSON_DEPTH, '{ }', ' \t ')],
    ['objects', `${'{"a":'.repeat(MAX_JSON_DEPTH)}{}${'}'.repeat(MAX_JSON_DEPTH)}`],
    ['a string with brackets before the depth', `[" [[[ ",${nested(MAX_JSON_DEPTH)}]`],
  ];

  it.each(cases)('refuses %s at the bracket past the limit, pretty-printed or minified', (_, text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    const column = offsetPastDepth(text, MAX_JSON_DEPTH) + 1;
    expect(column).toBeGreaterThan(0);
    for (const layout of [prettyJson, minifyJson]) {
      expect(() => layout(text, 'f.json', SOLUTION_JSON_HINT)).toThrow(
        expect.objectContaining({
          message: `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep.`,
          location: { file: 'f.json', line: 1, column },
        }),
      );
    }
  });

  it('refuses unclosed text past the depth as nested too deep, pretty-printed or minified', () => {
    const text = '['.repeat(MAX_JSON_DEPTH + 1);
    for (const layout of [prettyJson, minifyJson]) {
      expect(() => layout(text, 'f.json', SOLUTION_JSON_HINT)).toThrow(
        expect.objectContaining({
          message: `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep.`,
          location: { file: 'f.json', line: 1, column: MAX_JSON_DEPTH + 1 },
        }),
      );
    }
  });

  it('lays out JSON exactly as deep as the limit', () => {
    for (const text of [
      nested(MAX_JSON_DEPTH),
      nested(MAX_JSON_DEPTH, ''),
      `${'{"a":'.repeat(MAX_JSON_DEPTH - 1)}{}${'}'.repeat(MAX_JSON_DEPTH - 1)}`,
    ]) {
      expect(offsetPastDepth(text, MAX_JSON_DEPTH)).toBe(-1);
      expect(minifyJson(prettyJson(text, 'f.json', SOLUTION_JSON_HINT), 'f.json', SOLUTION_JSON_HINT)).toBe(
        text,
      );
    }
  });
});
