import { compareText } from '@connector-alm/core';
import type { Change } from './change.js';

/** Where a change is reported: its version, file, line and column. */
export type ReportPlace = Pick<Change, 'side' | 'file' | 'line' | 'column'>;

/** The new version's places first (where the change under review stands), then the old one's (what it deleted). */
const SIDE_RANK: Readonly<Record<Change['side'], number>> = { new: 0, old: 1 };

/**
 * Report order's first keys: version, file, line and column. One function for the order itself and
 * for the changes past the cap counted by place (list-offers.ts, reported-changes.ts), so that what
 * is counted cannot drift from what would have been listed.
 *
 * The version comes first because the two versions' file names need not sort alike: against a
 * merge base, the old files are named after its hash (`0c1d2e3f4a5b:certified-connectors/…`), and
 * a change deleted at the base came before or after one placed at the head by the hash's first digit.
 */
export function comparePlaces(a: ReportPlace, b: ReportPlace): number {
  // Equal files are the common case: the collator is not asked.
  return (
    SIDE_RANK[a.side] - SIDE_RANK[b.side] ||
    (a.file === b.file ? 0 : compareText(a.file, b.file)) ||
    a.line - b.line ||
    a.column - b.column
  );
}

/** Report order: by version, file, place, rule, operation and message. */
export function compareChanges(a: Change, b: Change): number {
  return (
    comparePlaces(a, b) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.operationId ?? '', b.operationId ?? '') ||
    compareText(a.message, b.message)
  );
}
