import { describe, expect, it } from '@jest/globals';
import { plural } from '../src/plural.js';

describe('plural', () => {
  it('puts the noun in the plural for any count but 1', () => {
    expect([0, 1, 2].map((count) => plural(count, 'finding'))).toEqual([
      '0 findings',
      '1 finding',
      '2 findings',
    ]);
  });

  it('writes the count as given, when the text groups its digits', () => {
    expect(plural(1, 'more change', '1')).toBe('1 more change');
    expect(plural(1500, 'more change', '1,500')).toBe('1,500 more changes');
  });
});
