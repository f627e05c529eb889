import { plural } from '@connector-alm/core';

// The message of the one finding or change that stands for the ones a rule does not list, and what
// such a finding carries as data. It is apart from finding-cap.ts, which counts findings as the engine
// reports them, because the JSON syntax diagnosis and the diff say it too and need nothing else of the
// engine's.

/**
 * The most findings one rule lists for one connector; the rest are counted in one more finding. The
 * corpus's most are 623 (SWG-DESC-IS-NAME in Cognite Data Fusion). A readme of two million `TODO:`
 * lines, well under the 64 MB a file may have, gave two million findings: 1.8 GB of memory, and a JSON
 * report longer than the longest string V8 can build, so the run failed as a bug. Past a thousand, one
 * more of the same rule tells nobody anything the first thousand did not.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** A count as reports write it: "1,500". */
function grouped(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * What a count of unlisted reports is a count of. The engine lists at most MAX_FINDINGS_PER_RULE
 * findings of a rule for a connector, and a diff as many changes of a rule (change-cap.ts); the JSON
 * syntax diagnosis lists at most 20 errors for a file (syntax/diagnosis.ts), so a connector of three
 * JSON files can have three such counts of one rule, each of its own file's errors.
 */
export type ListingScope = 'connector' | 'file';

/**
 * What the one report that stands for the rest stands for: how many, and of what. A rule's report
 * and its finding carry it (model/report.ts, model/finding.ts `unlisted`), beside the message that
 * says it, so that the baseline (diff/baseline.ts) reads the count without reading our own sentence.
 */
export interface Unlisted {
  count: number;
  per: ListingScope;
}

/**
 * What the one finding or change that stands for the rest of a rule says: "1,500 more findings of this
 * rule are not listed: a rule lists at most 1,000 for a connector." Findings (engine.ts) and the
 * changes of a diff (change-cap.ts) say it alike; the JSON syntax errors of a file give
 * `fileListsAtMost` ("20 JSON syntax errors"), and the message then says that a file lists at most
 * those.
 */
export function unlistedMessage(count: number, noun: 'finding' | 'change', fileListsAtMost?: string): string {
  const bound =
    fileListsAtMost === undefined
      ? `a rule lists at most ${grouped(MAX_FINDINGS_PER_RULE)} for a connector`
      : `a file lists at most ${fileListsAtMost}`;
  return `${plural(count, `more ${noun}`, grouped(count))} of this rule ${count === 1 ? 'is' : 'are'} not listed: ${bound}.`;
}
