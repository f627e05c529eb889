import { unzipSync } from 'fflate';

/**
 * True when two zips hold the same entry names with the same bytes. Zip containers differ in
 * timestamps and compression even for the same content, so an export counts as changed only when an
 * entry does.
 */
export function sameZipEntries(a: Uint8Array, b: Uint8Array): boolean {
  let left: Record<string, Uint8Array>;
  let right: Record<string, Uint8Array>;
  try {
    left = unzipSync(a);
    right = unzipSync(b);
  } catch {
    return false;
  }
  const names = Object.keys(left).sort();
  if (names.join('\n') !== Object.keys(right).sort().join('\n')) return false;
  return names.every((name) => Buffer.from(left[name]!).equals(Buffer.from(right[name]!)));
}
