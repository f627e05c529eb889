import { describe, expect, it } from '@jest/globals';
import { firstIndexNotBefore } from '../src/sorted-search.js';

describe('firstIndexNotBefore', () => {
  const values = [1, 3, 3, 3, 7, 9];
  const at = (value: number) => firstIndexNotBefore(values.length, (index) => values[index]! < value);

  it('finds the first index of a value held several times', () => {
    expect(at(3)).toBe(1);
  });

  it('finds where a value not held would go', () => {
    expect(at(0)).toBe(0);
    expect(at(4)).toBe(4);
    expect(at(8)).toBe(5);
    expect(at(10)).toBe(6);
  });

  it('answers 0 for an empty list', () => {
    expect(firstIndexNotBefore(0, () => true)).toBe(0);
  });
});
