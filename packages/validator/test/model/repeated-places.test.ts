import { describe, expect, it } from '@jest/globals';
import { repeatedPlaces } from '../../src/model/repeated-places.js';

describe('repeatedPlaces', () => {
  it('says how many other places hold the value, and on which lines, the first three by number', () => {
    expect(repeatedPlaces([])).toBe('');
    expect(repeatedPlaces([88])).toBe(' The same value is in 1 more place, on line 88: remove it there too.');
    expect(repeatedPlaces([140, 88])).toBe(
      ' The same value is in 2 more places, on lines 88 and 140: remove it from each.',
    );
    expect(repeatedPlaces([4683, 1065, 4683, 4683])).toBe(
      ' The same value is in 4 more places, on lines 1065 and 4683: remove it from each.',
    );
    expect(repeatedPlaces([9, 88, 140, 7, 212, 300])).toBe(
      ' The same value is in 6 more places, on lines 7, 9, 88 and 3 more: remove it from each.',
    );
    expect(repeatedPlaces(Array.from({ length: 2000 }, (_, index) => index + 1))).toBe(
      ' The same value is in 2,000 more places, on lines 1, 2, 3 and 1,997 more: remove it from each.',
    );
    expect(repeatedPlaces(Array.from({ length: 1500 }, () => 1))).toBe(
      ' The same value is in 1,500 more places, on line 1: remove it from each.',
    );
  });
});
