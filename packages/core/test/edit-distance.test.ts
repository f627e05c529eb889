import { describe, expect, it, jest } from '@jest/globals';
import { randomText, seededRandom, withEdits } from '@connector-alm/testing';
import { levenshteinDistance, swapAwareDistance } from '../src/edit-distance.js';
import { fullTableDistance as reference } from './helpers/full-table-distance.js';

/*
 * The pairs are compared in plain code and the disagreements listed for one expect at the end: an
 * expect per pair (some 480,000 of them) made these tests take a minute, for the same comparisons.
 */

/** The exact distance `got` as a disagreement with the table's `exact`, or nothing. */
function disagreement(name: string, a: string, b: string, exact: number, got: number): string[] {
  return got === exact ? [] : [`${name}(${JSON.stringify(a)}, ${JSON.stringify(b)}) is ${got}, not ${exact}`];
}

/** Within `limit`, the exact distance; past it, any number above the limit. */
function boundedDisagreement(
  name: string,
  a: string,
  b: string,
  limit: number,
  exact: number,
  got: number,
): string[] {
  const right = exact <= limit ? got === exact : got > limit;
  return right
    ? []
    : [`${name}(${JSON.stringify(a)}, ${JSON.stringify(b)}, ${limit}) is ${got}; the distance is ${exact}`];
}

/** Short words of a few letters, many sharing a start or an end, and some longer real ones. */
function someWords(): string[] {
  const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'settings.json', 'setings.json', 'apiproperties.json'];
  let seed = 11;
  const letter = () => 'abcx.'[(seed = (seed * 48271) % 2147483647) % 5]!;
  for (let n = 0; n < 300; n++) words.push(Array.from({ length: n % 11 }, letter).join(''));
  return words;
}

describe('levenshteinDistance', () => {
  it('agrees with the full table, and within a limit gives the exact distance or one above it', () => {
    const words = someWords();
    const disagreements: string[] = [];
    for (const a of words) {
      for (const b of words) {
        const exact = reference(a, b);
        disagreements.push(...disagreement('levenshteinDistance', a, b, exact, levenshteinDistance(a, b)));
        for (const limit of [0, 1, 2, 3]) {
          const bounded = levenshteinDistance(a, b, limit);
          disagreements.push(...boundedDisagreement('levenshteinDistance', a, b, limit, exact, bounded));
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('with swaps, agrees with the full table too, also for words sharing a start or an end', () => {
    // The table is only computed between the start and the end both words share.
    const words = someWords();
    const disagreements: string[] = [];
    for (const a of words) {
      for (const b of words) {
        const exact = reference(a, b, true);
        disagreements.push(...disagreement('swapAwareDistance', a, b, exact, swapAwareDistance(a, b)));
        const bounded = swapAwareDistance(a, b, 2);
        disagreements.push(...boundedDisagreement('swapAwareDistance', a, b, 2, exact, bounded));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('computes only the band of the table within the limit, and still agrees with the full table', () => {
    // Long words a few edits apart, where the band is a sliver of the table, and limits from 0 to
    // past the words' length, where it is all of it; one word is measured after a longer one, so
    // that what a call left in the rows it reuses is never read.
    const random = seededRandom(38);
    const disagreements: string[] = [];
    for (let pair = 0; pair < 400; pair++) {
      const a = randomText(random(80), 'abc', random);
      const b = withEdits(a, random(12), 'abcd', random);
      for (const swaps of [false, true]) {
        const exact = reference(a, b, swaps);
        const distance = swaps ? swapAwareDistance : levenshteinDistance;
        const name = swaps ? 'swapAwareDistance' : 'levenshteinDistance';
        for (const limit of [0, 1, 2, 3, 5, 8, 13, 40, 100]) {
          disagreements.push(...boundedDisagreement(name, a, b, limit, exact, distance(a, b, limit)));
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('counts a swap of two letters as two edits, where the swap-aware distance counts one', () => {
    expect(levenshteinDistance('x-ms-sumamry', 'x-ms-summary')).toBe(2);
    expect(swapAwareDistance('x-ms-sumamry', 'x-ms-summary')).toBe(1);
  });

  it('reads nothing another call left in the rows it keeps, at the edges of the band', async () => {
    // Each time a fresh module, whose kept rows hold only what the first call leaves. Read past the
    // band of the second call, its zeros made 'a' and 'bd' one edit apart within a limit of 1, and
    // 'cc' and 'acbb' two apart within a limit of 2.
    const afterAnother = (first: [string, string, number], second: [string, string, number]) =>
      jest.isolateModulesAsync(async () => {
        const fresh = await import('../src/edit-distance.js');
        fresh.levenshteinDistance(...first);
        expect(fresh.levenshteinDistance(...second)).toBe(second[2] + 1);
      });
    await afterAnother(['a', 'd', Infinity], ['a', 'bd', 1]);
    await afterAnother(['d', 'c', 0], ['cc', 'acbb', 2]);
  });

  it('measures words longer than the rows it keeps between calls (4,096 cells)', () => {
    const long = randomText(5000, 'abc', seededRandom(5));
    // Edited at both ends, so that no start or end they share makes the table shorter.
    const edited = `x${long.slice(1, -1)}y`;
    expect(levenshteinDistance(long, edited, 5)).toBe(2);
    expect(swapAwareDistance(long, edited)).toBe(2);
  });

  it('gives the exact distance of words far apart in length when no limit is set', () => {
    expect(levenshteinDistance('abc', 'xyzxyz')).toBe(6);
    expect(swapAwareDistance('abc', 'xyzxyz')).toBe(6);
  });
});
