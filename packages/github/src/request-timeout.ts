/**
 * How long one GitHub API request may take, answer included. GitHub ends REST requests that run
 * past 10 s itself; a host or proxy that takes the connection and never answers would otherwise hold
 * the job until the workflow's own timeout. plugin-retry sends the request again (as after a
 * dropped connection), and ApiReachability words the error when no attempt got an answer.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** `fetchFn` with every request ended after `timeoutMs`, besides any signal of the caller's own. */
export function fetchWithTimeout(fetchFn: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchFn(input, { ...init, signal });
  };
}
