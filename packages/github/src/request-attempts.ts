import type { Octokit } from '@octokit/rest';

/** The attempts made so far of each request, by its options object (plugin-retry sends the same one again). */
const attemptsMade = new WeakMap<object, number>();

/**
 * The Octokit plugin that numbers each attempt of a request and writes the number on the attempt's
 * error (`attempt`). It must come before plugin-retry in Octokit.plugin(), so that it runs once per
 * attempt. plugin-retry's own retryCount lives in an options object that requests share, so it cannot
 * tell which request was sent again.
 */
export function numberAttempts(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.wrap('request', async (request, options) => {
    const attempt = (attemptsMade.get(options) ?? 0) + 1;
    attemptsMade.set(options, attempt);
    try {
      return await request(options);
    } catch (error) {
      if (typeof error === 'object' && error !== null) (error as { attempt?: number }).attempt = attempt;
      throw error;
    }
  });
}

/** The number of the attempt whose error this is: 1 when it was not numbered. */
export function attemptOf(error: unknown): number {
  const attempt = Number((error as { attempt?: unknown } | undefined)?.attempt);
  return Number.isInteger(attempt) && attempt > 0 ? attempt : 1;
}

/**
 * Whether the error answered a request sent again: a write's earlier attempt may then have been done,
 * its answer lost.
 */
export function answeredARetry(error: unknown): boolean {
  return attemptOf(error) > 1;
}
