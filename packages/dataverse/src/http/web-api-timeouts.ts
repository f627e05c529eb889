import type { RequestNature } from './retry-policy.js';

/**
 * How long a Web API request may wait for its answer to begin, by what it is (RequestNature.slow), and
 * then for each piece of the answer's body. The body has no total limit but a limit on silence: its
 * size (an import log of megabytes, an exported solution of 100+ MB) and the link's speed are unknown,
 * so any total limit either cuts a big answer arriving steadily or waits minutes on a hung connection.
 * fetch hands the body over as a stream, so timing each piece is as simple as timing the whole.
 */
export interface WebApiTimeouts {
  /**
   * Every request but the slow ones: WhoAmI, reads of solutions, the status polls of a system job,
   * starting an asynchronous export. Dataverse answers them in seconds; without an answer in this
   * time the connection is taken to be hung, and a read is sent again within the retry budget, so
   * that one stuck connection does not hold up an hour-long import wait. The start of an export is
   * not (RequestNature.idempotent): it may have started the job. Also the longest silence allowed in
   * the middle of any answer's body, slow requests' included: the service sends a body it has made at
   * the pace of the network.
   */
  quickMs: number;
  /**
   * Synchronous ExportSolution and ImportSolution, which take minutes with a big solution (the service
   * severs them at about 4) before they answer, and requests that carry a solution file either way.
   */
  slowMs: number;
}

export const DEFAULT_WEB_API_TIMEOUTS: WebApiTimeouts = { quickMs: 30_000, slowMs: 10 * 60_000 };

export function timeoutFor({ slow = false }: RequestNature, timeouts: WebApiTimeouts): number {
  return slow ? timeouts.slowMs : timeouts.quickMs;
}

/** The longest silence allowed once an answer's body has begun (WebApiTimeouts.quickMs). */
export function silenceLimitMs(timeouts: WebApiTimeouts): number {
  return timeouts.quickMs;
}
