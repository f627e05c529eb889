/**
 * What to do when a request to import a solution (ImportSolution or ImportSolutionAsync) failed after it
 * may have reached the service: no answer in time, a connection broken after sending, a 5xx (a
 * gateway's 502 or 504 comes after the service took the request).
 *
 * Unlike an export (unconfirmed-export.ts), the client can find out: it chose the ImportJobId it sent,
 * and the service keeps an import job row under that key. So it reads `importjobs(<ImportJobId>)`:
 * - the row exists: the import started. The client attaches to it and waits for its end as an
 *   asynchronous import does. The system job's ID of ImportSolutionAsync was lost with the answer, and
 *   the Web API documents no way from an import job to its system job, so it follows the import job:
 *   its progress, and its `completedon` once the import ended, successfully or not.
 * - Dataverse says the row does not exist, read after read for a short grace period (a row just created
 *   can take a moment to be seen): a synchronous import, which the request itself runs, did not start,
 *   and the request is sent once more, with the same ImportJobId, so that a first request started
 *   after all cannot run as a second import. For ImportSolutionAsync the absence proves nothing: its
 *   system job may wait in the queue for longer, and the import job is made when it starts. Sending it
 *   again could import twice, so nothing is known then.
 * - the reads fail too: nothing is known, and the user gets the request's own message (it may or may not
 *   have been applied, where to look).
 */

import { optionWords, THE_RUN, type SaySetting } from '@connector-alm/core';

/** Dataverse's "Entity 'importjob' With Id = … Does Not Exist" (ObjectDoesNotExist). */
export const DOES_NOT_EXIST_CODE = '0x80040217';

/**
 * Waits between reads of an import job not found yet: read at once, then after 5, 15 and 30 s. Only
 * then does its absence count as "not started".
 */
export const IMPORT_JOB_GRACE_DELAYS_MS = [5_000, 10_000, 15_000] as const;

/** What the reads of `importjobs(<ImportJobId>)` found. */
export type ImportJobSighting =
  | { seen: 'exists' }
  /** Dataverse answered "does not exist" to every read of the grace period. */
  | { seen: 'absent' }
  /** A read failed otherwise (its retries spent, a privilege missing): nothing is known. */
  | { seen: 'unreadable'; reason: string };

/** A read that failed with this status and Dataverse code: the row is certainly not there (yet). */
export function meansAbsent(status: number, code: string | undefined): boolean {
  // A 404 without Dataverse's code can be a proxy's or a wrong path's: no proof of anything.
  return status === 404 && code?.toLowerCase() === DOES_NOT_EXIST_CODE;
}

export interface UnconfirmedImport {
  solutionName: string;
  environment: URL;
  importJobId: string;
  /** "no answer within 30 s", "the connection broke (UND_ERR_SOCKET)", "HTTP 502". */
  happened: string;
  /** Whether this was already the second request: it is sent once more at most. */
  resent: boolean;
  /** ImportSolutionAsync: its import job is made only when its queued system job starts. */
  asynchronous: boolean;
}

export type UnconfirmedImportStep =
  | { step: 'attach'; log: string }
  | { step: 'resend'; log: string }
  | { step: 'not-started'; message: string; hint: string }
  /** Nothing known: the request's own error stands; `log` says why the import job did not tell. */
  | { step: 'unknown'; log: string };

/** `say` names what to run again, as the CLI's user or an action's knows it. */
export function nextStep(
  unconfirmed: UnconfirmedImport,
  sighting: ImportJobSighting,
  say: SaySetting = optionWords,
): UnconfirmedImportStep {
  const { solutionName, environment, importJobId, happened, resent, asynchronous } = unconfirmed;
  const lost = `The answer to the import request was lost (${happened})`;
  switch (sighting.seen) {
    case 'exists':
      return {
        step: 'attach',
        log: `${lost}, but import job ${importJobId} exists: the import started, and this run waits for it.`,
      };
    case 'absent':
      if (asynchronous)
        return {
          step: 'unknown',
          log: `Import job ${importJobId} does not exist ${graceSeconds()} s after the answer was lost, which proves nothing for an asynchronous import: its system job may still be queued, and makes the import job only when it starts.`,
        };
      if (!resent)
        return {
          step: 'resend',
          log: `${lost}, and import job ${importJobId} does not exist ${graceSeconds()} s later: the import did not start, so it is sent once more.`,
        };
      return {
        step: 'not-started',
        message: `Import of solution '${solutionName}' did not start: the request was sent twice, and import job ${importJobId} does not exist; the last time: ${happened}.`,
        hint: `Nothing was imported: it is safe to run ${say(THE_RUN)} again once ${environment.origin} answers.`,
      };
    case 'unreadable':
      return {
        step: 'unknown',
        log: `Import job ${importJobId} could not be read to find out whether the import started: ${sighting.reason}`,
      };
  }
}

function graceSeconds(): number {
  return IMPORT_JOB_GRACE_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 1000;
}
