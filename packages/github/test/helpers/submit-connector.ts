import { createMemoryLogger } from '@connector-alm/core';
import { openPullRequest, type OpenPullRequestOptions } from '../../src/index.js';
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
