import { describe, expect, it } from '@jest/globals';
import { repeatedPlaces, withoutRepeatedPlaces } from '../../src/model/repeated-places.js';

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

describe('withoutRepeatedPlaces', () => {
  const message = 'This looks like a Google API key (AIza****** (39 characters)). Revoke it.';

  it('takes back exactly what repeatedPlaces added, whatever the places', () => {
    for (const lines of [
      [88],
      [88, 140],
      [1, 1, 1],
      [7, 9, 88, 140, 212],
      Array.from({ length: 2000 }, (_, i) => i + 1),
    ]) {
      expect(withoutRepeatedPlaces(`${message}${repeatedPlaces(lines)}`)).toBe(message);
    }
  });

  it('leaves any other message as it is, the same words inside it included', () => {
    for (const other of [
      message,
      'The same value is in 2 more places, on lines 3 and 4: remove it from each.',
      `${message} The same value is in 2 more places, on lines 3 and 4: remove it from each. Then check again.`,
    ]) {
      expect(withoutRepeatedPlaces(other)).toBe(other);
    }
  });
});
