import { describe, expect, it } from '@jest/globals';
import { wrapWords } from '../../src/reporters/word-wrap.js';

describe('wrapWords', () => {
  it('breaks prose at spaces into lines of at most the width, later lines indented', () => {
    expect(wrapWords('Label: one two three four five six', 14, '  ')).toBe(
      'Label: one two\n  three four\n  five six',
    );
  });

  it('keeps a word longer than the width whole, on a line of its own', () => {
    expect(wrapWords('See: https://example.com/a/very/long/address here', 12, '  ')).toBe(
      'See:\n  https://example.com/a/very/long/address\n  here',
    );
  });

  it("wraps each line on its own and keeps a line's own indent and inner spacing", () => {
    expect(wrapWords('  custom   off\nfirst second', 8)).toBe('  custom\noff\nfirst\nsecond');
    expect(wrapWords('  custom   off', 40)).toBe('  custom   off');
  });

  it('leaves the text as it is without a width', () => {
    const text = 'a long paragraph '.repeat(20);
    expect(wrapWords(text, undefined)).toBe(text);
  });
});
