import { levenshteinDistance } from './edit-distance.js';

/**
 * The candidate closest to a misspelt word, if it is close enough to be what was meant: an exact
 * case-insensitive match, at most about one edit per three characters, or else the one candidate
 * that the word begins (`independent` for `independent-publisher`).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshteinDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  if (lower.length < 3) return undefined;
  const extended = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return extended.length === 1 ? extended[0] : undefined;
}

/** ` Did you mean 'X'?` or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}
