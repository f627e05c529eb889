import { describe, expect, it } from '@jest/globals';
import { joinedList } from '../src/joined-list.js';

describe('joinedList', () => {
  it('names every value, the last after "and"', () => {
    expect(joinedList([])).toBe('');
    expect(joinedList(['a'])).toBe('a');
    expect(joinedList(['a', 'b'])).toBe('a and b');
    expect(joinedList([5, 9, 13])).toBe('5, 9 and 13');
  });

  it('names at most max values and counts the rest', () => {
    expect(joinedList(['a', 'b', 'c'], { max: 3 })).toBe('a, b and c');
    expect(joinedList(['a', 'b', 'c', 'd', 'e'], { max: 3 })).toBe('a, b, c and 2 more');
    expect(joinedList(['a', 'b'], { max: 1 })).toBe('a and 1 more');
  });

  it('quotes each value named, and writes the count of the rest as the text does', () => {
    expect(joinedList(['x', 'y'], { quote: '"' })).toBe('"x" and "y"');
    expect(joinedList(['x', 'y', 'z'], { max: 2, quote: "'" })).toBe("'x', 'y' and 1 more");
    const lines = Array.from({ length: 2000 }, (_, index) => index + 1);
    expect(joinedList(lines, { max: 3 })).toBe('1, 2, 3 and 1997 more');
    expect(joinedList(lines, { max: 3, written: (count) => count.toLocaleString('en-US') })).toBe(
      '1, 2, 3 and 1,997 more',
    );
  });

  it('puts "or" before the last value when asked, for names of which one was meant', () => {
    expect(joinedList(["'a'", "'b'", "'c'"], { conjunction: 'or' })).toBe("'a', 'b' or 'c'");
    expect(joinedList(['a'], { conjunction: 'or' })).toBe('a');
  });
});
