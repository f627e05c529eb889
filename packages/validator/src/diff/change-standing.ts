import type { Severity } from '../model/finding.js';

/**
 * What a change asks of the maker and the reviewers: `breaking` ones break flows that use the connector
 * today; `warning` ones break none but are warnings all the same (BRK-DEPRECATION-PROCESS: a versioning
 * process half done), which reviewers ask to be put right; `other` ones are told for the record. The
 * reports list them in this order, each kind apart, and call the second kind "warning", as the text
 * report calls their findings.
 */
export type ChangeStanding = 'breaking' | 'warning' | 'other';

/** A change's standing; one without a severity (a report's own change list) is `other` unless breaking. */
export function changeStanding(change: { breaking: boolean; severity?: Severity }): ChangeStanding {
  if (change.breaking) return 'breaking';
  return change.severity === undefined || change.severity === 'info' ? 'other' : 'warning';
}

/** The order the reports list the standings in: breaking first, then the warnings, then the rest. */
export const STANDING_RANK: Readonly<Record<ChangeStanding, number>> = { breaking: 0, warning: 1, other: 2 };
