import { describe, expect, it } from '@jest/globals';
import { groupsInFirstOrder } from '../../src/reporters/first-order-groups.js';

describe('groupsInFirstOrder', () => {
  it('puts each group where its first item stands, keeping its items in order, and a keyless item alone', () => {
    const words = ['a1', 'b1', '-x', 'a2', '-y', 'b2', 'a3'];
    const keyOf = (word: string) => (word.startsWith('-') ? undefined : word[0]);
    expect(groupsInFirstOrder(words, keyOf)).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['-x'], ['-y']]);
  });
});
