import { plural } from '@connector-alm/core';
import type { Notification } from 'sarif';
import type { LeftOutResults } from './sarif-limits.js';

/** The id of the notification that says how many results a report left out. */
export const RESULTS_LEFT_OUT_ID = 'connector-alm/results-left-out';

/** What a SARIF report cut to code scanning's limits left out, and which limit cut it. */
export type SarifLeftOut = LeftOutResults & { reason: 'results' | 'size'; limit: number };

export function leftOutProperty(leftOut: SarifLeftOut) {
  const { total, kept, error, warning, info, reason, limit } = leftOut;
  return { findings: total, results: kept, error, warning, note: info, reason, limit };
}

/** The notification code scanning shows on the tool's status page. */
export function leftOutNotification(leftOut: SarifLeftOut): Notification {
  return {
    descriptor: { id: RESULTS_LEFT_OUT_ID },
    level: 'warning',
    message: { text: `${describeLeftOut(leftOut)} The text and JSON reports list every finding.` },
  };
}

/**
 * What a report cut to code scanning's limits left out, in a sentence or two for the run's
 * notification, the CLI's stderr and the action's warning.
 */
export function describeLeftOut(leftOut: SarifLeftOut): string {
  const why =
    leftOut.reason === 'results'
      ? `code scanning stores at most ${leftOut.limit} results of an upload`
      : `code scanning rejects a SARIF file over ${leftOut.limit} bytes gzip-compressed`;
  const parts = [
    leftOut.error > 0 && plural(leftOut.error, 'error'),
    leftOut.warning > 0 && plural(leftOut.warning, 'warning'),
    leftOut.info > 0 && plural(leftOut.info, 'note'),
  ].filter((part): part is string => typeof part === 'string');
  return (
    `The SARIF report holds ${leftOut.kept} of ${plural(leftOut.total, 'finding')}: ${why}. ` +
    `It leaves out the least severe: ${parts.join(', ')}.`
  );
}
