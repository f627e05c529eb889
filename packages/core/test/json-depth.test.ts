import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH, offsetPastDepth } from '../src/json-depth.js';

describe('offsetPastDepth', () => {
  it('finds the bracket that opens the level past the limit', () => {
    expect(offsetPastDepth('{"a": [[1]]}', 3)).toBe(-1);
    expect(offsetPastDepth('{"a": [[1]]}', 2)).toBe(7);
    expect(offsetPastDepth('['.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH);
  });

  it('counts levels, not brackets: closed containers give their depth back', () => {
    expect(offsetPastDepth('[[], [], [[]]]', 3)).toBe(-1);
    expect(offsetPastDepth('[[], [], [[]]]', 2)).toBe(10);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(offsetPastDepth('["[[[", "a\\"[[[", "\\\\", [1]]', 2)).toBe(-1);
    expect(offsetPastDepth('["a\\\\", [[1]]]', 2)).toBe(9);
  });

  it('ends a string at its closing quote, whatever stands beside it', () => {
    // An empty string, an escaped quote last in a string, a bracket straight after a string.
    expect(offsetPastDepth('["", [[1]]]', 2)).toBe(6);
    expect(offsetPastDepth('["\\"", [[1]]]', 2)).toBe(8);
    expect(offsetPastDepth('[["a"], [["b"]]]', 3)).toBe(-1);
  });

  it('measures text that is not strict JSON, and stops at a string that never closes', () => {
    expect(offsetPastDepth("{a: [[1,]], 'b': [}", 2)).toBe(5);
    expect(offsetPastDepth('["open [[[[', 1)).toBe(-1);
  });
});
