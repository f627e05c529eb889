import { levenshteinDistance } from './edit-distance.js';

/**
 * The candidate closest to a misspelt word, if it is close enough to be what was meant: an exact
 * case-insensitive match or one edit away; else the one candidate that the word begins
 * (`independent` for `independent-publisher`, `GetItems` for `GetItemsV2`); else at most about one
 * edit per three characters. The candidate the word begins comes before a farther edit because a
 * renamed identifier most often gained a suffix: `ListConsentCategories`, renamed
 * `ListConsentCategoriesRenamed`, is fewer edits from `ListEventCategories`, a different operation.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return closestMatcher(candidates)(word);
}

/** closestMatch of a word against a list prepared once. */
export type ClosestMatcher = (word: string) => string | undefined;

/**
 * closestMatch for many words against one list: the candidates are lowercased and their letters
 * counted once, not once a word, and each is first told apart by the letters it has, which needs no
 * table of edits. 1,000 undefined names (`Missing<i>`) against 3,003 defined ones (`Param<i>`) took
 * 3.6 s compared edit by edit, nearly all of it in three million bounded distances, and take 0.31 s
 * (fastest of 3 rounds; the CHANGELOG gives the same figures). Asked through closestMatch, a word at
 * a time, the list is prepared again for each word: 22 s. A distance is computed only as far as it
 * could still be taken (`enough`, the band of its table): long names that share most of their
 * letters pass the screen, and 10 names of 1,000 letters against 50 alike, a few edits apart, took
 * 3.5 s filling each pair's whole table, 0.14 s within the band (bench/did-you-mean.ts).
 */
export function closestMatcher(candidates: readonly string[]): ClosestMatcher {
  const written = [...candidates];
  const lowered = written.map((candidate) => candidate.toLowerCase());
  const letters = lowered.map(letterCounts);
  return (word) => {
    const lower = word.toLowerCase();
    const limit = Math.max(2, Math.floor(word.length / 3));
    const wordLetters = new Int32Array(LETTER_GROUPS);
    for (let at = 0; at < lower.length; at++) wordLetters[lower.charCodeAt(at) % LETTER_GROUPS]!++;
    let best = -1;
    let bestDistance = Infinity;
    for (let index = 0; index < lowered.length; index++) {
      // A distance at or above the best one changes nothing, nor does one above the limit when no
      // candidate is within it yet (the best is then not a suggestion).
      const enough = Math.min(limit, bestDistance - 1);
      if (fewestEdits(lower.length, wordLetters, letters[index]!, lowered[index]!.length) > enough) continue;
      // Measured within `enough`: the distance's table is only computed that far from its diagonal.
      const distance = levenshteinDistance(lower, lowered[index]!, enough);
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
    if (bestDistance <= 1) return written[best];
    const extended = lower.length < 3 ? undefined : onlyExtension(lower, lowered, written);
    if (extended !== undefined) return extended;
    return bestDistance <= limit ? written[best] : undefined;
  };
}

/** The one candidate that begins with the word and goes on; none when two do. */
function onlyExtension(
  lower: string,
  lowered: readonly string[],
  written: readonly string[],
): string | undefined {
  let extended: string | undefined;
  for (let index = 0; index < lowered.length; index++) {
    if (!lowered[index]!.startsWith(lower)) continue;
    if (extended !== undefined) return undefined;
    extended = written[index];
  }
  return extended;
}

/** Code units are counted in this many groups (by their code modulo it), as letters of a kind. */
const LETTER_GROUPS = 64;

/** A candidate's letters: its groups that have any, each with how many units it has in it. */
function letterCounts(text: string): Int32Array {
  const counts = new Int32Array(LETTER_GROUPS);
  for (let at = 0; at < text.length; at++) counts[text.charCodeAt(at) % LETTER_GROUPS]!++;
  const found: number[] = [];
  counts.forEach((count, group) => {
    if (count > 0) found.push(group, count);
  });
  return Int32Array.from(found);
}

/**
 * At least how many edits make the word the candidate, from the letters alone: the candidate's
 * letters the word lacks must each be inserted or substituted in, one edit each, and the word's
 * letters the candidate lacks each deleted or substituted away; a substitution does one of each.
 * So the distance is at least the larger of the two counts (the second is the first plus the
 * difference in length). Grouping letters only merges counts, which keeps it a lower bound.
 */
function fewestEdits(
  wordLength: number,
  wordLetters: Int32Array,
  candidate: Int32Array,
  length: number,
): number {
  let lacking = 0;
  for (let at = 0; at < candidate.length; at += 2) {
    const missing = candidate[at + 1]! - wordLetters[candidate[at]!]!;
    if (missing > 0) lacking += missing;
  }
  return Math.max(lacking, lacking + wordLength - length);
}

/** ` Did you mean 'X'?` or nothing; the candidates as a list, or prepared by closestMatcher. */
export function didYouMean(word: string, candidates: readonly string[] | ClosestMatcher): string {
  const match = typeof candidates === 'function' ? candidates(word) : closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}

/**
 * closestMatch, but nothing when another candidate is as few edits from the word (case aside) as the
 * one it gives: where a wrong guess sends the user after the wrong thing, two names equally close
 * (`Contoso-CRM` and `Contoso-CRN` for `contoso-crm`, or two that differ only in case) are no answer.
 */
export function unambiguousMatch(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates);
  if (match === undefined) return undefined;
  const lower = word.toLowerCase();
  const edits = levenshteinDistance(lower, match.toLowerCase());
  const asClose = candidates.some(
    (candidate) => candidate !== match && levenshteinDistance(lower, candidate.toLowerCase(), edits) <= edits,
  );
  return asClose ? undefined : match;
}
