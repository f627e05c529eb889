import { UserError, type Logger } from '@connector-alm/core';
import { pollDelayMs } from '../web-api/async-operation.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { importJobEnded, importJobPercent } from '../web-api/import-job-progress.js';

/** "Import: 40%" lines, each percentage once, for the import job's progress as it is read. */
export function progressLines(logger: Logger): (percent: number | undefined) => void {
  let last: number | undefined;
  return (percent) => {
    if (percent === undefined || percent === last) return;
    last = percent;
    logger.info(`Import: ${percent}%`);
  };
}

/**
 * Waits for an import by its import job alone, when the answer that named its system job was lost:
 * polls `importjobs(<id>)` as often as a system job is polled, reporting its progress, until it has
 * ended (`completedon`) or `maxWaitMs` has passed. How the solution fared is for confirmImport.
 */
export async function followImportJob(
  client: DataverseClient,
  importJobId: string,
  what: string,
  maxWaitMs: number,
  onProgress: (percent: number | undefined) => void,
): Promise<void> {
  const { clock } = client;
  const started = clock.now();
  for (let poll = 0; ; poll++) {
    const record = await client.getImportJob(importJobId);
    const percent = importJobPercent(record);
    onProgress(percent);
    if (importJobEnded(record)) return;
    const delay = pollDelayMs(poll);
    if (clock.now() - started + delay > maxWaitMs) {
      throw new UserError(
        `${what} did not finish within ${Math.round(maxWaitMs / 60_000)} minutes (${percent === undefined ? 'no progress reported yet' : `last progress: ${percent}%`}).`,
        {
          hint: `The import keeps running in Dataverse (import job ${importJobId}); raise max-async-wait-time to wait longer.`,
        },
      );
    }
    await clock.sleep(delay);
  }
}
