import { levenshteinDistance } from './edit-distance.js';

/**
 * The candidate closest to a misspelt word, if it is close enough to be what was meant: an exact
 * case-insensitive match, at most about one edit per three characters, or else the one candidate
 * that the word begins (`independent` for `independent-publisher`).
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return closestMatcher(candidates)(word);
}

/** closestMatch of a word against a list prepared once. */
export type ClosestMatcher = (word: string) => string | undefined;

/**
 * closestMatch for many words against one list: the candidates are lowercased once, not once a word.
 * Asked a word at a time, 1,000 undefined names against 3,003 defined ones lowercased three million
 * candidates; a caller that asks many times (a rule, once a finding) prepares the list once.
 */
export function closestMatcher(candidates: readonly string[]): ClosestMatcher {
  const written = [...candidates];
  const lowered = written.map((candidate) => candidate.toLowerCase());
  return (word) => {
    const lower = word.toLowerCase();
    const limit = Math.max(2, Math.floor(word.length / 3));
    let best = -1;
    let bestDistance = Infinity;
    for (let index = 0; index < lowered.length; index++) {
      const distance = levenshteinDistance(lower, lowered[index]!, limit);
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
    if (bestDistance <= limit) return written[best];
    if (lower.length < 3) return undefined;
    // The one candidate the word begins: none when two do.
    let extended: string | undefined;
    for (let index = 0; index < lowered.length; index++) {
      if (!lowered[index]!.startsWith(lower)) continue;
      if (extended !== undefined) return undefined;
      extended = written[index];
    }
    return extended;
  };
}

/** ` Did you mean 'X'?` or nothing; the candidates as a list, or prepared by closestMatcher. */
export function didYouMean(word: string, candidates: readonly string[] | ClosestMatcher): string {
  const match = typeof candidates === 'function' ? candidates(word) : closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}
