import { isUserError, UserError, type Logger } from '@connector-alm/core';
import { DataverseError } from '../http/dataverse-errors.js';
import { UnconfirmedRequest } from '../http/unconfirmed-request.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import type { ImportRequest } from '../web-api/types.js';
import {
  IMPORT_JOB_GRACE_DELAYS_MS,
  meansAbsent,
  nextStep,
  type ImportJobSighting,
} from '../web-api/unconfirmed-import.js';

/**
 * What became of the import request: answered (a synchronous import done, or an asynchronous one
 * started with its system job), or its answer lost while its import job shows that it started.
 */
export type SentImport = { answered: true; asyncOperationId?: string } | { answered: false };

/**
 * How the import is sent: ImportSolution, ImportSolutionAsync, or StageAndUpgradeAsync (asynchronous
 * too, and followed as ImportSolutionAsync is, by its system job and its import job).
 */
export type ImportCall = 'sync' | 'async' | 'stage-and-upgrade';

/**
 * Sends the import request. When its outcome is unknown, looks for its import job
 * to find out, and acts on what unconfirmed-import.ts decides: attach to it, send the request once
 * more, or fail with what is known.
 */
export async function sendImport(
  client: DataverseClient,
  request: ImportRequest,
  options: { call: ImportCall; solutionName: string },
  logger: Logger,
): Promise<SentImport> {
  for (let resent = false; ; resent = true) {
    try {
      if (options.call === 'sync') {
        await client.importSolution(request);
        return { answered: true };
      }
      const job =
        options.call === 'async'
          ? await client.startImportAsync(request)
          : await client.startStageAndUpgrade(request);
      return { answered: true, asyncOperationId: job.asyncOperationId };
    } catch (error) {
      if (!(error instanceof UnconfirmedRequest)) throw error;
      const sighting = await lookForImportJob(client, request.importJobId);
      const step = nextStep(
        {
          solutionName: options.solutionName,
          environment: client.environment,
          importJobId: request.importJobId,
          happened: error.happened,
          resent,
          // Both asynchronous actions make the import job only when their queued system job starts.
          asynchronous: options.call !== 'sync',
        },
        sighting,
        client.say,
      );
      if (step.step === 'not-started') throw new UserError(step.message, { hint: step.hint, cause: error });
      logger.warning(step.log);
      if (step.step === 'attach') return { answered: false };
      if (step.step === 'unknown') throw error;
    }
  }
}

/** Reads the import job, again through the grace period while Dataverse says it does not exist. */
async function lookForImportJob(client: DataverseClient, importJobId: string): Promise<ImportJobSighting> {
  for (let read = 0; ; read++) {
    try {
      await client.getImportJob(importJobId);
      return { seen: 'exists' };
    } catch (error) {
      if (!(error instanceof DataverseError && meansAbsent(error.status, error.code))) {
        if (isUserError(error)) return { seen: 'unreadable', reason: error.message };
        throw error;
      }
      const delay = IMPORT_JOB_GRACE_DELAYS_MS[read];
      if (delay === undefined) return { seen: 'absent' };
      await client.clock.sleep(delay);
    }
  }
}
