/**
 * Structural equality of two JSON values: objects compare by their keys whatever the order, arrays
 * element by element. Reordering keys or reindenting a file is therefore no change at all.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    return a.every((item, index) => jsonEqual(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(right, key) && jsonEqual(left[key], right[key]),
  );
}

/** The keys whose values differ between two objects (present on one side only, or not equal). */
export function differingKeys(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  ignored: ReadonlySet<string>,
): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const result: string[] = [];
  for (const key of keys) {
    if (ignored.has(key)) continue;
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    if (inA !== inB || !jsonEqual(a[key], b[key])) result.push(key);
  }
  return result.sort();
}
