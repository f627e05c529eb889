import { boundedList, quoteList, quoted } from '../text/message-values.js';

// A problem that one finding reports for many things at once, each of which a maker fixes on its
// own: README-OPS-MATCH's operations that the readme does not list, SWG-DESC-IS-NAME's properties
// of one schema. The message names them, so it changes when one of them is fixed; what the problem
// is does not. The baseline of `validate --base` (diff/baseline.ts) and the SARIF fingerprints
// (reporters/fingerprint.ts) match such a finding on the problem alone, and the baseline counts it
// new only when it has a part the base's finding did not have.

/** What a rule's report says of the parts of its problem (model/report.ts `parts`). */
export interface ProblemParts {
  /**
   * The problem without its parts, as the findings of the base and of the branch both say it:
   * "Operations are not listed under Supported Operations.", not "3 operations are …: "A", …".
   */
  problem: string;
  /**
   * Each part as the rule tells them apart (an operation by its operationId, a property by its
   * path): every one of them, not only those the message names within its bounds.
   */
  names: readonly string[];
  /**
   * Each part as the message writes it, quotes included, in the order of `names`, where the message
   * names a part by something other than its name: README-OPS-MATCH lists operations by summary
   * ("Create a task") and tells them apart by operationId. The notes of `validate --base` (which
   * parts a change added or fixed) name the parts as the message does, so that the maker finds them in it.
   */
  shown?: readonly string[];
}

const NOT_ANY: ReadonlySet<string> = new Set();

/**
 * The parts `names` (some of `parts.names`) as the message writes them (`shown`), else quoted: for
 * the notes of `validate --base`, at most a few, then how many more. A part written as one of
 * `ambiguous` is followed by its name: two operations of one summary, one of them new and one fixed
 * (PDF4me's bdea84c7 gave an operation another summary and a new one the old), read as the same
 * operation both new and fixed.
 */
export function partsAsShown(
  parts: ProblemParts,
  names: readonly string[],
  ambiguous: ReadonlySet<string> = NOT_ANY,
): string {
  if (parts.shown === undefined) return quoteList(names);
  const told = shownTexts(parts, names).map((text, index) =>
    ambiguous.has(text) ? `${text} (${names[index]})` : text,
  );
  return boundedList(told, (text) => text, { max: 5 });
}

/**
 * The parts `names` (some of `parts.names`) as the message writes them, in their order, where it
 * names them otherwise (`shown`); none where it names them by their names.
 */
export function shownTexts(parts: ProblemParts, names: readonly string[]): string[] {
  const shown = parts.shown;
  if (shown === undefined) return [];
  const shownOf = new Map(parts.names.map((name, index) => [name, shown[index] ?? quoted(name)]));
  return names.map((name) => shownOf.get(name) ?? quoted(name));
}

/**
 * Whether the base's finding of a problem already had every part the branch's finding has: then the
 * branch added no part, and fixing some left the rest as they were. A finding without parts is one
 * problem, which any finding that says the same matches.
 */
export function hasEveryPart(base: ProblemParts | undefined, current: ProblemParts | undefined): boolean {
  if (current === undefined) return true;
  if (base === undefined) return false;
  const had = new Set(base.names);
  return current.names.every((name) => had.has(name));
}
