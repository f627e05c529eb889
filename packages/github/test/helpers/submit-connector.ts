import { createMemoryLogger, type Logger } from '@connector-alm/core';
import {
  createGitHubClient,
  openPullRequest,
  type GitHubClient,
  type GitHubClientOptions,
  type OpenPullRequestOptions,
} from '../../src/index.js';
import { CONNECTOR, submissionTarget, type Scenario } from './scenario.js';

/**
 * openPullRequest of CONNECTOR in the scenario, `overrides` given, with a memory logger. Its waits
 * (rate limits, retries) are recorded in `delays`, not waited.
 */
export function submitConnector(scenario: Scenario, overrides: Partial<OpenPullRequestOptions> = {}) {
  const logger = createMemoryLogger();
  const delays: number[] = [];
  const promise = openPullRequest(
    { ...submissionTarget(scenario), connector: CONNECTOR, ...overrides },
    // The local server sets no write limit: no need to wait GitHub's second between writes.
    { logger, sleep: async (ms) => void delays.push(ms), writeIntervalMs: 0 },
  );
  return { promise, logger, delays };
}

/**
 * A GitHub client of the scenario's contributor on the local server, writing without GitHub's second
 * between writes and retrying at once, with the test's other options (a fetch that loses answers,
 * timers).
 */
export function contributorClient(
  scenario: Scenario,
  logger: Logger,
  options: Partial<GitHubClientOptions> = {},
): GitHubClient {
  return createGitHubClient({
    token: scenario.contributor.token,
    baseUrl: scenario.github.url,
    logger,
    writeIntervalMs: 0,
    retryAfterBaseMs: 1,
    ...options,
  });
}

/**
 * The contributor's fork of the upstream, made over the API as a run makes it, with a branch `branch`
 * at its dev: a branch of the fork that a run did not make (`connector-alm`, which git cannot hold
 * beside `connector-alm/…`).
 */
export async function forkWithBranch(scenario: Scenario, branch: string): Promise<void> {
  const client = contributorClient(scenario, createMemoryLogger());
  const { data: fork } = await client.rest.repos.createFork({
    owner: 'microsoft',
    repo: 'PowerPlatformConnectors',
    default_branch_only: true,
  });
  const repository = { owner: fork.owner.login, repo: fork.name };
  const { data: dev } = await client.rest.git.getRef({ ...repository, ref: 'heads/dev' });
  await client.rest.git.createRef({ ...repository, ref: `refs/heads/${branch}`, sha: dev.object.sha });
}
