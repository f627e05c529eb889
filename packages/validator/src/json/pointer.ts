/** RFC 6901 JSON pointers: "" is the whole document, "/a~1b/0" is key "a/b", then index 0. */

// Pointers are built for every node that rules visit: the common case (no `~` or `/` in the key)
// skips the two regular-expression replacements.
export function encodeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A segment's raw text: `~1` is `/` and `~0` is `~`, read left to right (`~01` is `~1`). In one pass,
 * not two global replacements: path keys are written with `~1`, so nearly every pointer a finding
 * names under `/paths` has a segment to decode.
 */
export function decodeSegment(segment: string): string {
  let tilde = segment.indexOf('~');
  if (tilde === -1) return segment;
  let decoded = '';
  let from = 0;
  do {
    const next = segment.charCodeAt(tilde + 1);
    if (next === 0x31 || next === 0x30) {
      decoded += segment.slice(from, tilde) + (next === 0x31 ? '/' : '~');
      from = tilde + 2;
    }
    tilde = segment.indexOf('~', tilde + 1);
  } while (tilde !== -1);
  return decoded + segment.slice(from);
}

/** Builds a pointer from raw (unescaped) segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + encodeSegment(segment);
  return pointer;
}

/** Appends raw segments to an existing pointer. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let result = pointer;
  for (const segment of segments) result += '/' + encodeSegment(segment);
  return result;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: "${pointer}"`);
  return pointer.slice(1).split('/').map(decodeSegment);
}

/** The value at `pointer` in `root`, or undefined. Never throws. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
