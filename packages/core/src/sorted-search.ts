/**
 * The first index of a sorted list at which `before` turns false: where the value `before` compares
 * with would be inserted, in time that grows with the log of the length. `before` must be true for
 * a prefix of the indexes and false after it (the list sorted by what it compares).
 */
export function firstIndexNotBefore(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
