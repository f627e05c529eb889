import type { RequestNature } from './retry-policy.js';

/** How long one Web API request may take, answer included, by what it is (RequestNature.slow). */
export interface WebApiTimeouts {
  /**
   * Every request but the slow ones: WhoAmI, reads of solutions, the status polls of a system job,
   * starting an asynchronous export. Dataverse answers them in seconds; without an answer in this
   * time the connection is taken to be hung, and a read is sent again within the retry budget, so
   * that one stuck connection does not hold up an hour-long import wait. The start of an export is
   * not (RequestNature.idempotent): it may have started the job.
   */
  quickMs: number;
  /**
   * Synchronous ExportSolution and ImportSolution, which take minutes with a big solution (the service
   * severs them at about 4), and requests that carry a solution file either way.
   */
  slowMs: number;
}

export const DEFAULT_WEB_API_TIMEOUTS: WebApiTimeouts = { quickMs: 30_000, slowMs: 10 * 60_000 };

export function timeoutFor({ slow = false }: RequestNature, timeouts: WebApiTimeouts): number {
  return slow ? timeouts.slowMs : timeouts.quickMs;
}
