/**
 * Edit distances for "did you mean" hints, bounded: with a `limit`, a distance above it may be given
 * as any number above it, so that a caller asking only "within the limit?" stops at the first row of
 * the table whose cells are all above it, and computes only the cells near enough to the table's
 * diagonal to be within it. Only the rows the next one needs are kept. SWG-XMS-UNKNOWN compares each
 * of the corpus's 152 unknown keys with every known name: ~0.45 -> ~0.2 ms a corpus run with the bound.
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
  // Only the cells within `band` of the diagonal can be within the limit (a cell `d` off it is at
  // least `d` edits), so only they are computed, Ukkonen's cut-off: a row costs the width of the band,
  // not the length of `b`. Two names of 2,000 letters a few edits apart filled a table of 4,000,000
  // cells; within a limit of 5 it is 2,000 rows of 11. A cell outside the band is read as `outside`,
  // above the limit, which can only make a cell it leads to above the limit too.
  const band = Math.min(limit, Math.max(aLength, bLength));
  const outside = band + 1;
  // Each row is read only where the row before wrote it (its band, and the cell on each side): what
  // the arrays held before, another call's rows, is never read.
  let [beforePrevious, previous, row] = tableRows(bLength + 1);
  for (let j = 0; j <= Math.min(bLength, band); j++) row[j] = j;
  if (band < bLength) row[band + 1] = outside;
  for (let i = 1; i <= aLength; i++) {
    const reused = beforePrevious;
    beforePrevious = previous;
    previous = row;
    row = reused;
    const from = Math.max(1, i - band);
    const to = Math.min(bLength, i + band);
    // The cells just outside the band, which the band's first and last cells (and the next row) read.
    row[from - 1] = from === 1 ? i : outside;
    if (to < bLength) row[to + 1] = outside;
    let left = row[from - 1]!;
    let diagonal = previous[from - 1]!;
    let minimum = left;
    const aCode = a.charCodeAt(start + i - 1);
    for (let j = from; j <= to; j++) {
      const bCode = b.charCodeAt(start + j - 1);
      const up = previous[j]!;
      // The cheapest of a substitution (or a match), a deletion and an insertion; compared one by
      // one, which the engine runs faster than Math.min of three.
      let value = aCode === bCode ? diagonal : diagonal + 1;
      if (up + 1 < value) value = up + 1;
      if (left + 1 < value) value = left + 1;
      if (
        swaps &&
        i > 1 &&
        j > 1 &&
        aCode === b.charCodeAt(start + j - 2) &&
        a.charCodeAt(start + i - 2) === bCode &&
        beforePrevious[j - 2]! + 1 < value
      ) {
        value = beforePrevious[j - 2]! + 1;
      }
      row[j] = value;
      if (value < minimum) minimum = value;
      diagonal = up;
      left = value;
    }
    // No later cell is below this row's minimum: each comes from this row (plus 0 or 1), from its
    // left neighbour (plus 1), or by a swap from the row before (plus 1), which is never below the
    // substitution through this row's cell on the way.
    if (minimum > limit) return limit + 1;
  }
  return row[bLength]!;
}

/** Rows up to this long are kept for the next call: most names are short, and most calls are for them. */
const KEPT_ROW_LENGTH = 4096;
let keptRows: [Int32Array, Int32Array, Int32Array] | undefined;

/**
 * Three rows of `length` cells for a distance's table: allocating them for every call took half
 * the time of a distance between two names of 20 letters. Longer rows are not kept, so that one
 * long text does not hold its rows for the life of the process.
 */
function tableRows(length: number): [Int32Array, Int32Array, Int32Array] {
  if (length > KEPT_ROW_LENGTH)
    return [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
  keptRows ??= [
    new Int32Array(KEPT_ROW_LENGTH),
    new Int32Array(KEPT_ROW_LENGTH),
    new Int32Array(KEPT_ROW_LENGTH),
  ];
  return [...keptRows];
}
