import { levenshteinDistance } from '@connector-alm/core';

/** A name an operation is listed under: its summary or its operationId. */
export interface OperationName {
  /** As the swagger writes it: what a maker is told to write instead. */
  written: string;
  /** Normalized as headings are (normalizeTitle), never empty. */
  normalized: string;
}

/** An operation a stale heading may have meant. */
export interface OperationCandidate {
  /** The names a heading is matched with. */
  names: readonly OperationName[];
  /**
   * The name suggested, whichever name the heading is closest to: its summary, which makers see in
   * the designer and a readme heading names, or its operationId when it has none.
   */
  shownAs: string;
  /** A sub-heading names it already: a stale heading beside it means something else. */
  hasHeading: boolean;
}

/**
 * The name makers see (shownAs) of the operation a stale Supported Operations heading most likely
 * means, where one is clearly the closest (by any of its names, normalized): an operation renamed a
 * little ("Send email" for "Send mail", "Get a company" for "Get Company"), misspelt ("Vadidate a
 * contract"), or listed by its operationId without its verb ("TimeAndBillingEntryAccounts" for
 * GetTimeAndBillingEntryAccounts, told "Get time and billing entry accounts").
 *
 * Conservative, because a wrong guess sends the maker after the wrong operation:
 * - at most one edit per five characters of the longer name (word overlap and looser distances paired
 *   "Create a New Document" with "Create New Comment" and "Respond to Create Instructor" with
 *   "Respond to Update Instructor Event" in the corpus);
 * - every other operation at least twice as many edits away, and at least three more
 *   ("ProjectRestrictionRebillings" is as close to its Get as to its Update operation);
 * - not an operation that has its own heading: the closest operation being listed already, the
 *   heading is a second one or something else, and no other operation is suggested in its place.
 * On the corpus this suggests a name for 55 of the 173 stale headings, each the one meant.
 */
export function closestOperationName(
  heading: string,
  operations: readonly OperationCandidate[],
): string | undefined {
  // At most one edit per five characters of the longer name: with d edits, the longer name has at
  // most heading.length + d characters, so d <= heading.length / 4.
  if (heading.length < 4) return undefined;
  const letters = new CharacterCounts(heading);
  // The closest of the names close enough, each distance bounded by the closest one so far: most
  // names are set aside by their length or their letters, the rest within a few rows of the table.
  // A closer name of another operation that is not close enough is within the margin of the one
  // found, so that the heading gets no suggestion, as if that name had been found.
  let best: OperationCandidate | undefined;
  let bestDistance = Infinity;
  for (const operation of operations) {
    for (const name of operation.names) {
      const longer = Math.max(heading.length, name.normalized.length);
      const enough = Math.min(bestDistance, Math.floor(longer / 5) + 1);
      if (letters.fewestEditsTo(name.normalized, enough) >= enough) continue;
      const edits = levenshteinDistance(heading, name.normalized, enough - 1);
      if (edits < enough) {
        best = operation;
        bestDistance = edits;
      }
    }
  }
  if (!best || best.hasHeading) return undefined;
  // Then whether any other operation comes within the margin: only for the few close headings.
  const margin = Math.max(2 * bestDistance, bestDistance + 3);
  for (const operation of operations) {
    if (operation === best) continue;
    for (const name of operation.names) {
      if (letters.fewestEditsTo(name.normalized, margin) >= margin) continue;
      if (levenshteinDistance(heading, name.normalized, margin - 1) < margin) return undefined;
    }
  }
  return best.shownAs;
}

/**
 * A heading's characters counted, for a lower bound on its edit distance to a name that takes no
 * table: the characters one has more of than the other must each be inserted, deleted or changed.
 * Most names of a connector differ from a stale heading in length or letters too much to come near
 * it. The corpus's 173 stale headings against their operations' 6,329 names: 11.7 ms a run with
 * bounded tables alone, 1.1-1.2 with the lengths and the counts first.
 */
class CharacterCounts {
  /** Normalized names hold ASCII digits and lower-case letters only. */
  private readonly counts = new Int32Array(128);
  constructor(private readonly text: string) {
    for (let index = 0; index < text.length; index++) this.counts[text.charCodeAt(index)]!++;
  }

  /**
   * At most the edit distance between the text and `name`; `enough` or more where the lengths
   * differ by that many already, without counting (most names of a connector).
   */
  fewestEditsTo(name: string, enough: number): number {
    // Each edit changes the length by one at most.
    const lengths = Math.abs(this.text.length - name.length);
    if (lengths >= enough) return lengths;
    const counts = this.counts;
    // The name's characters the text has none left of: each needs an insertion or a change. Counted
    // until there are enough of them, as in most names.
    let missing = 0;
    let index = 0;
    while (index < name.length && missing < enough) {
      if (--counts[name.charCodeAt(index++)]! < 0) missing++;
    }
    while (index > 0) counts[name.charCodeAt(--index)]!++;
    if (missing >= enough) return missing;
    // The text's characters the name does not match: each needs a deletion or a change.
    const extra = this.text.length - (name.length - missing);
    return Math.max(missing, extra);
  }
}
