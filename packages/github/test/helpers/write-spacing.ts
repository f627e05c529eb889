import type { RecordedRequest } from '../../src/local-server/index.js';
import { WRITE_INTERVAL_VARIABLE } from '../../src/write-interval.js';

/**
 * The environment that lets `pr` and the open-pull-request action write to the local GitHub
 * without GitHub's second between writes: the local server sets no write limit, and the second
 * would cost each run as many seconds as it writes blobs, trees, commits and labels.
 */
export const NO_WRITE_INTERVAL: Readonly<Record<string, string>> = { [WRITE_INTERVAL_VARIABLE]: '0' };

/** Milliseconds between one write (any method but GET) and the next, in the order they arrived. */
export function writeGapsMs(requests: readonly RecordedRequest[]): number[] {
  const writes = requests
    .filter((request) => request.method !== 'GET')
    .map((request) => request.receivedAtMs);
  return writes.slice(1).map((at, index) => at - writes[index]!);
}
