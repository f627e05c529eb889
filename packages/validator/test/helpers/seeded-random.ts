/**
 * xorshift32: a tiny deterministic generator (Math.random cannot be seeded), so that generated test
 * input is the same on every run and a failure can be replayed. Numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = (Math.imul(seed, 2654435761) + 7) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** Whole numbers in [0, n) from seededRandom: `pick(4)` is 0, 1, 2 or 3. */
export function seededPick(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  return (n) => Math.floor(next() * n);
}
