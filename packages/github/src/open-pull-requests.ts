import { CallReads } from './call-reads.js';
import {
  openPullRequest,
  type OpenPullRequestOptions,
  type OpenPullRequestPorts,
} from './open-pull-request.js';
import type { PullRequestResult } from './pull-request-result.js';

/** One call for several connectors: everything a single one takes but its folder and the run's branches. */
export type OpenPullRequestsOptions = Omit<OpenPullRequestOptions, 'connector' | 'branchesInUse'> & {
  /** The connector folders, relative to `cwd`, submitted in this order. */
  connectors: readonly string[];
};

/**
 * Submits the connectors one after the other, yielding each result as soon as it is known, so that
 * the caller can show a pull request's URL before a later connector fails. A connector whose branch
 * name an earlier connector of the call has is refused rather than moved onto that branch. What all
 * of them read alike (the token's owner, the open pull requests against the base) is read once.
 */
export async function* openPullRequests(
  options: OpenPullRequestsOptions,
  ports: OpenPullRequestPorts,
): AsyncGenerator<PullRequestResult, void, undefined> {
  const { connectors, ...shared } = options;
  // Which target folder each branch of this call is for: two folders can share a branch name.
  const branchesInUse = new Map<string, string>();
  const callPorts = { ...ports, reads: ports.reads ?? new CallReads() };
  for (const connector of connectors) {
    const result = await openPullRequest({ ...shared, connector, branchesInUse }, callPorts);
    // Claimed only by a connector whose branch now holds it: one equal to the upstream made none, and
    // one refused pushed nothing, so neither keeps a later connector from that name.
    if (result.headSha !== undefined && !branchesInUse.has(result.branch))
      branchesInUse.set(result.branch, result.targetFolder);
    yield result;
  }
}

/** The connectors of a call that were not submitted (findings at fail-on, or a branch not theirs). */
export function refusedResults(results: readonly PullRequestResult[]): PullRequestResult[] {
  return results.filter((result) => result.operation === 'refused');
}
