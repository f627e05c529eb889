import { describe, expect, it } from '@jest/globals';
import { duplicateIndexes } from '../../src/rules/swagger/duplicate-entries.js';

const longList = (entries: unknown[]) => [
  ...Array.from({ length: 20 }, (_, index) => `v${index}`),
  ...entries,
];

describe('duplicateIndexes', () => {
  it('finds each entry that repeats an earlier one, in short and long lists alike', () => {
    expect(duplicateIndexes(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([2, 4, 5]);
    expect(duplicateIndexes(longList(['a', 'v3', 'a']))).toEqual([21, 22]);
  });

  it('compares as JSON does: 1 and "1" differ, 0 and -0 do not, equal objects in any key order repeat', () => {
    for (const list of [(entries: unknown[]) => entries, longList]) {
      const offset = list([]).length;
      expect(duplicateIndexes(list([1, '1', 0, -0, null, null, true, 'true']))).toEqual(
        [3, 5].map((i) => i + offset),
      );
      expect(duplicateIndexes(list([{ a: 1, b: [2] }, { b: [2], a: 1 }, [1], [1], '[1]']))).toEqual(
        [1, 3].map((i) => i + offset),
      );
    }
  });

  it('finds nothing in a list without repeats, a single entry or what is not a list', () => {
    expect(duplicateIndexes(['a', 'b'])).toEqual([]);
    expect(duplicateIndexes(longList([]))).toEqual([]);
    expect(duplicateIndexes(['a'])).toEqual([]);
    expect(duplicateIndexes({ a: 'a' })).toEqual([]);
  });
});
