import type { SeverityCounts } from '../validate.js';

/** `2 errors, 1 warning, 0 info`; with `skipZero`, only the non-zero counts. */
export function countWords(counts: SeverityCounts, skipZero = false): string {
  const words = [
    [counts.error, counts.error === 1 ? 'error' : 'errors'],
    [counts.warning, counts.warning === 1 ? 'warning' : 'warnings'],
    [counts.info, 'info'],
  ] as const;
  return words
    .filter(([count]) => !skipZero || count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(', ');
}
