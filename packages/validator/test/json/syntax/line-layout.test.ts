import { describe, expect, it } from '@jest/globals';
import { indentOf, lineStart, startsLine } from '../../../src/json/syntax/line-layout.js';

// The layout helpers the syntax diagnosis reads a slip's place with; most of what they say is tested
// through the diagnosis (slips-at-one-place.test.ts), the edge of the text here.
describe('line layout', () => {
  it('starts the first line at the text start, also where the text starts with a line break', () => {
    // lastIndexOf('\n', -1) looks at offset 0 (a negative start counts as 0): it found the text's
    // first line break and put the first line's start after it.
    expect(lineStart('\n  {', 0)).toBe(0);
    expect(indentOf('\n  {', 0)).toBe(0);
    expect(startsLine('\n  {', 0)).toBe(true);
    expect(lineStart('\n  {', 1)).toBe(1);
    expect(indentOf('\n  {', 3)).toBe(2);
    expect(lineStart('{}', 0)).toBe(0);
  });
});
