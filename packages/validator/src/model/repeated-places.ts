import { plural } from '@connector-alm/core';
import { joinedList } from '../text/message-values.js';

// The end of the message of a finding that stands for one problem written in several places of a
// file (GEN-SECRETS: one secret pasted into ten examples), and its removal. It is apart from the
// rules because the baseline (diff/baseline.ts) and the SARIF fingerprints (reporters/fingerprint.ts)
// key a finding by its message, and must not see these lines and counts: they change with edits that
// leave the problem as it was.

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
  // Only the named lines are written out: a file of a million copies has as many lines.
  const named = distinct.slice(0, NAMED_LINES).map(String);
  const rest = distinct.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest.toLocaleString('en-US')} more` : joinedList(named);
  const where = `${distinct.length === 1 ? 'line' : 'lines'} ${list}`;
  const places = plural(lines.length, 'more place', lines.length.toLocaleString('en-US'));
  const fix = lines.length === 1 ? 'remove it there too' : 'remove it from each';
  return ` The same value is in ${places}, on ${where}: ${fix}.`;
}

const REPEATED_PLACES =
  / The same value is in \d{1,3}(?:,\d{3})* more places?, on lines? [\d, ]+(?:and [\d,]+(?: more)?)?: remove it (?:there too|from each)\.$/;

/**
 * The message without what `repeatedPlaces` added: the same whichever places the problem is in, so
 * that a finding is matched with the base's (and keeps its fingerprint) when lines move, or when
 * some of its places are cleaned and others not yet.
 */
export function withoutRepeatedPlaces(message: string): string {
  // Most messages have no such end: a plain search first.
  if (!message.includes(' The same value is in ')) return message;
  return message.replace(REPEATED_PLACES, '');
}
