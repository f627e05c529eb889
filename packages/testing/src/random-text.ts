/** Random text for tests and benchmarks that generate their input: the same on every run. */

/**
 * A fixed pseudo-random sequence (mulberry32) of numbers below `below`, so that a failure can be
 * rerun. Not a linear congruential generator multiplied in floating point: one that went past 2^53
 * cycled within 11,410 values and gave even numbers 200 times as often as odd ones.
 */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) % below;
  };
}

/** `length` characters drawn from `letters`. */
export function randomText(length: number, letters: string, random: (below: number) => number): string {
  let text = '';
  for (let n = 0; n < length; n++) text += letters[random(letters.length)];
  return text;
}

/** `text` with `count` edits drawn from `letters`: a letter substituted, inserted or deleted, or two swapped. */
export function withEdits(
  text: string,
  count: number,
  letters: string,
  random: (below: number) => number,
): string {
  const chars = [...text];
  for (let n = 0; n < count; n++) {
    const at = random(chars.length + 1);
    const letter = letters[random(letters.length)]!;
    const kind = random(4);
    if (kind === 0 && at < chars.length) chars[at] = letter;
    else if (kind === 1) chars.splice(at, 0, letter);
    else if (kind === 2 && at < chars.length) chars.splice(at, 1);
    else if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  }
  return chars.join('');
}
