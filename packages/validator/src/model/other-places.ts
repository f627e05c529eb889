import type { TextPosition } from '../json/line-index.js';
import { repeatedPlaces } from './repeated-places.js';

// The other places of a finding's problem in its file, as data, and the words of its message that
// name their lines. The words are made here from the places, at one place, and kept apart from the
// rest of the message: the baseline (diff/baseline.ts) and the SARIF fingerprints
// (reporters/fingerprint.ts) match findings on the message without them, since those lines change
// with edits that leave the problem as it was.

/**
 * How a message names the lines of the other places:
 * - `repeated`, after the message: " The same value is in 2 more places, on lines 88 and 140: remove
 *   it from each." (GEN-SECRETS: one secret pasted into ten examples; see repeated-places.ts);
 * - `line`, inside it, of the one other place: " at line 88" (GEN-JSON-DUPLICATE-KEY: the line of
 *   the key that JSON readers keep).
 */
export type PlacesWording = 'repeated' | 'line';

/** What a rule's report says of the other places of its problem (model/report.ts `others`). */
export interface OtherPlaces {
  /** Where they are: offsets into the report's file, in any order. */
  offsets: readonly number[];
  wording: PlacesWording;
  /** The words go after the message's first `at` characters; after the whole message when absent. */
  at?: number;
}

/** Another place of a finding's problem, in the finding's file. */
export interface RelatedPlace {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/**
 * The most other places a finding lists in `related`: a file of a million copies of one key has a
 * million, and the message counts them all. 100 is as many locations of a result as code scanning
 * shows (reporters/sarif-limits.ts), and keeps a SARIF result of them some 10 KB.
 */
export const MAX_RELATED_PLACES = 100;

/** A report's message with the words that name its other places, and the finding's `related`. */
export interface NamedPlaces {
  /** The message users read. */
  message: string;
  /** The same without the words: what findings are matched on. */
  messageWithoutPlaces: string;
  /** The places in text order, at most MAX_RELATED_PLACES. */
  related: RelatedPlace[];
}

/**
 * The message of a report with the lines of its other places written into it, given where each
 * offset is in the report's file.
 */
export function namePlaces(
  message: string,
  others: OtherPlaces,
  position: (offset: number) => TextPosition,
): NamedPlaces {
  const offsets = [...others.offsets].sort((a, b) => a - b);
  const lines = offsets.map((offset) => position(offset).line);
  const related = offsets.slice(0, MAX_RELATED_PLACES).map((offset) => {
    const { line, column } = position(offset);
    return { line, column };
  });
  const at = Math.min(others.at ?? message.length, message.length);
  const words = placesWords(others.wording, lines);
  return {
    message: `${message.slice(0, at)}${words}${message.slice(at)}`,
    messageWithoutPlaces: message,
    related,
  };
}

function placesWords(wording: PlacesWording, lines: readonly number[]): string {
  if (wording === 'repeated') return repeatedPlaces(lines);
  return lines.length === 0 ? '' : ` at line ${lines[0]}`;
}
