import { describe, expect, it } from '@jest/globals';
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
});
