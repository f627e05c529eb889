import { UserError, withoutFullStop, type Logger } from '@connector-alm/core';
import { DataverseError, dataverseCodeHint } from '../http/dataverse-errors.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { solutionImportResult } from '../web-api/import-job-result.js';

/**
 * After the system job of an import succeeded: what the import job says of the solution. The system
 * job only says that the job ran; an import that failed (missing dependencies, a newer version
 * installed) can end as Succeeded, and only the import job's log carries Dataverse's reason.
 * @param ended what showed that the import ended, for a log that gives no verdict.
 */
export async function confirmImport(
  client: DataverseClient,
  importJobId: string,
  solutionName: string,
  logger: Logger,
  ended = 'the system job succeeded',
): Promise<void> {
  let data: string | null | undefined;
  try {
    data = (await client.getImportJob(importJobId, { data: true })).data;
  } catch (error) {
    if (!(error instanceof DataverseError && error.status === 404)) throw error;
    data = undefined;
  }
  const outcome = solutionImportResult(data);
  const what = `Import of solution '${solutionName}'`;
  if (outcome.result === 'failure')
    throw new UserError(
      `${what} failed in Dataverse. The reason given was: ${outcome.text}${outcome.code ? ` (Dataverse code ${outcome.code})` : ''}`,
      {
        hint: [
          dataverseCodeHint(outcome.code, client.say, outcome.text),
          `Import job ${importJobId} in the environment has the details (Solutions > See history).`,
        ]
          .filter(Boolean)
          .join(' '),
      },
    );
  // Dataverse's text is a sentence of its own, most often with its full stop: not written twice.
  if (outcome.result === 'warning')
    logger.warning(
      `${what} finished with warnings: ${withoutFullStop(outcome.text || 'see the import job')}.`,
    );
  if (outcome.result === 'unknown')
    logger.warning(
      `${what}: ${ended}, but import job ${importJobId} could not confirm it: ${data === undefined ? 'Dataverse did not find the import job' : outcome.why}.`,
    );
}
