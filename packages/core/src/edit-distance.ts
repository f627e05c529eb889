/**
 * Edit distances for "did you mean" hints, bounded: with a `limit`, a distance above it may be given
 * as any number above it, so that a caller asking only "within the limit?" stops at the first row of
 * the table whose cells are all above it. Only the rows the next one needs are kept. SWG-XMS-UNKNOWN
 * compares each of the corpus's 152 unknown keys with every known name: ~0.45 -> ~0.2 ms a corpus
 * run with the bound.
 */

/** Levenshtein distance: the fewest insertions, deletions and substitutions. */
export function levenshteinDistance(a: string, b: string, limit = Infinity): number {
  return boundedDistance(a, b, limit, false);
}

/**
 * Optimal string alignment distance: Levenshtein's edits, and a swap of two adjacent characters as
 * one edit too, the commonest slip when typing a name (`x-ms-sumamry`).
 */
export function swapAwareDistance(a: string, b: string, limit = Infinity): number {
  return boundedDistance(a, b, limit, true);
}

function boundedDistance(a: string, b: string, limit: number, swaps: boolean): number {
  // Every edit changes the length by one at most.
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // A start and an end both words share take no edit, and the table is only needed between them;
  // with swaps too (checked against the full table for every pair of words of up to six letters
  // a, b, c). README-OPS-MATCH compares stale headings with names that mostly differ in a word or
  // a letter ("TimeAndBillingEntryAccounts", GetTimeAndBillingEntryAccounts): its suggestions took
  // 2.5 ms a corpus run with the whole table, 1.5 with the part between.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a.charCodeAt(aEnd - 1) === b.charCodeAt(bEnd - 1)) {
    aEnd--;
    bEnd--;
  }
  const aLength = aEnd - start;
  const bLength = bEnd - start;
  let beforePrevious: number[] = [];
  let previous: number[] = [];
  let row: number[] = [];
  for (let j = 0; j <= bLength; j++) row.push(j);
  for (let i = 1; i <= aLength; i++) {
    const reused = beforePrevious;
    beforePrevious = previous;
    previous = row;
    row = reused;
    row[0] = i;
    let minimum = i;
    const aCode = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= bLength; j++) {
      const bCode = b.charCodeAt(start + j - 1);
      const cost = aCode === bCode ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        swaps &&
        i > 1 &&
        j > 1 &&
        aCode === b.charCodeAt(start + j - 2) &&
        a.charCodeAt(start + i - 2) === bCode
      ) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      row[j] = value;
      if (value < minimum) minimum = value;
    }
    // No later cell is below this row's minimum: each comes from this row (plus 0 or 1), from its
    // left neighbour (plus 1), or by a swap from the row before (plus 1), which is never below the
    // substitution through this row's cell on the way.
    if (minimum > limit) return limit + 1;
  }
  return row[bLength]!;
}
