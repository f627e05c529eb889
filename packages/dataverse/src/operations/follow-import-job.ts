import { UserError, type Logger } from '@connector-alm/core';
import { pollDelayMs, waitMinutes, waitRunsOut, type AsyncWait } from '../web-api/async-operation.js';
import type { DataverseClient } from '../web-api/dataverse-client.js';
import { importJobEnded, importJobPercent } from '../web-api/import-job-progress.js';
import { MAX_WAIT } from '../setting-words.js';

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
 * ended (`completedon`) or `wait` has run out, counted from when the import request was first sent:
 * it is the same wait as for an answered import, which the lost answer (up to 10 min of silence) has
 * already used part of, and, for a synchronous import sent once more, its first request and the 30 s
 * spent looking for its import job. It is read at least once, however little of the wait is left. How the
 * solution fared is for confirmImport.
 */
export async function followImportJob(
  client: DataverseClient,
  importJobId: string,
  what: string,
  wait: AsyncWait,
  onProgress: (percent: number | undefined) => void,
): Promise<void> {
  const { clock } = client;
  for (let poll = 0; ; poll++) {
    const record = await client.getImportJob(importJobId);
    const percent = importJobPercent(record);
    onProgress(percent);
    if (importJobEnded(record)) return;
    const delay = pollDelayMs(poll);
    if (waitRunsOut(wait, clock.now(), delay)) {
      throw new UserError(
        `${what} did not finish within ${waitMinutes(wait)} (${percent === undefined ? 'no progress reported yet' : `last progress: ${percent}%`}).`,
        {
          hint: `The import keeps running in Dataverse (import job ${importJobId}); raise ${client.say(MAX_WAIT)} to wait longer.`,
        },
      );
    }
    await clock.sleep(delay);
  }
}
