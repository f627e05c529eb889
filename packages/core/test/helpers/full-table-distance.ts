/**
 * The edit distance from the full table of the two texts, every cell computed, with no limit, no
 * band and no shared start or end left out: the reference that the bounded distances
 * (edit-distance.ts) and the "did you mean" built on them are held to. With `swaps`, a swap of two
 * adjacent characters is one edit too (optimal string alignment).
 */
export function fullTableDistance(a: string, b: string, swaps = false): number {
  // One array for the whole table, row after row: arrays of arrays made the tests that compare
  // thousands of long names with it take a minute.
  const width = b.length + 1;
  const table = new Int32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    table[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        table[(i - 1) * width + j]! + 1,
        table[i * width + j - 1]! + 1,
        table[(i - 1) * width + j - 1]! + cost,
      );
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, table[(i - 2) * width + j - 2]! + 1);
      }
      table[i * width + j] = value;
    }
  }
  return table[a.length * width + b.length]!;
}
