import { joinedList, plural } from '@connector-alm/core';

// The end of the message of a finding that stands for one problem written in several places of a
// file (GEN-SECRETS: one secret pasted into ten examples). other-places.ts writes it into the message
// from the places, and keeps the message without it for matching findings.

/** How many of the other places' lines the message names before it counts the rest. */
const NAMED_LINES = 3;

/**
 * What a finding at the first place of a problem adds about the others, given their lines (1-based,
 * in any order, a line once per place on it): " The same value is in 9 more places, on lines 88,
 * 140, 212 and 2 more: remove it from each." Empty when there are no other places.
 */
export function repeatedPlaces(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const distinct = [...new Set(lines)].sort((a, b) => a - b);
  const list = joinedList(distinct, { max: NAMED_LINES, written: (count) => count.toLocaleString('en-US') });
  const where = `${distinct.length === 1 ? 'line' : 'lines'} ${list}`;
  const places = plural(lines.length, 'more place', lines.length.toLocaleString('en-US'));
  const fix = lines.length === 1 ? 'remove it there too' : 'remove it from each';
  return ` The same value is in ${places}, on ${where}: ${fix}.`;
}
