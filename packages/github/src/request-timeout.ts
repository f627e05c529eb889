import { realStartTimer, type StartTimer } from './clock.js';

/**
 * How long one GitHub API request may take, answer included. GitHub ends REST requests that run
 * past 10 s itself; a host or proxy that takes the connection and never answers would otherwise hold
 * the job until the workflow's own timeout. plugin-retry sends the request again (as after a
 * dropped connection), and ApiReachability words the error when no attempt got an answer.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * `fetchFn` with every request ended after `timeoutMs` on `startTimer`, besides any signal of the
 * caller's own. The limit covers the answer's body too, which Octokit reads after fetch returns: it
 * is never cancelled, as AbortSignal.timeout's is not, and ending a request already read does nothing.
 */
export function fetchWithTimeout(
  fetchFn: typeof fetch,
  timeoutMs: number,
  startTimer: StartTimer = realStartTimer,
): typeof fetch {
  return (input, init) => {
    const limit = new AbortController();
    // The reason AbortSignal.timeout gives, which socketFailureOf reads as "timed out".
    startTimer(timeoutMs, () =>
      limit.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    );
    const signal = init?.signal ? AbortSignal.any([init.signal, limit.signal]) : limit.signal;
    return fetchFn(input, { ...init, signal });
  };
}
