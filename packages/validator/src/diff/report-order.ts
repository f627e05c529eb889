import { compareText } from '@connector-alm/core';
import type { Change } from './change.js';

/** Where a change is reported: its file, line and column. */
export type ReportPlace = Pick<Change, 'file' | 'line' | 'column'>;

/**
 * Report order's first keys: file, line and column. One function for the order itself and for the
 * changes past the cap counted by place (list-offers.ts, reported-changes.ts), so that what is
 * counted cannot drift from what would have been listed.
 */
export function comparePlaces(a: ReportPlace, b: ReportPlace): number {
  // Equal files are the common case: the collator is not asked.
  return (a.file === b.file ? 0 : compareText(a.file, b.file)) || a.line - b.line || a.column - b.column;
}

/** Report order: by file, place, rule, operation and message. */
export function compareChanges(a: Change, b: Change): number {
  return (
    comparePlaces(a, b) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.operationId ?? '', b.operationId ?? '') ||
    compareText(a.message, b.message)
  );
}
