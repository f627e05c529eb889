import { describe, expect, it } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import { createMemoryLogger } from '@connector-alm/core';
import { openPullRequest } from '../src/index.js';
import { CONNECTOR, submissionTarget } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { contributorClient } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

/** A port of this machine that nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * fetch, until the network goes once the pull request is opened: every later request goes to a port
 * nothing listens on, and this machine refuses the connection (ECONNREFUSED), as it does for a host
 * that went away.
 */
async function networkLostAfterOpening(): Promise<typeof fetch> {
  const port = await closedPort();
  let lost = false;
  return async (input, init) => {
    const url = new URL(String(input));
    if (lost) {
      url.port = String(port);
      return fetch(url, init);
    }
    const answer = await fetch(input, init);
    if (init?.method === 'POST' && url.pathname.endsWith('/pulls')) lost = true;
    return answer;
  };
}

describe('labels and reviewers that cannot be sent for want of a network', () => {
  it('are said to be so, not put down to missing triage rights, and the pull request stays opened', async () => {
    const logger = createMemoryLogger();
    const client = contributorClient(scenario, logger, { fetch: await networkLostAfterOpening() });
    const result = await openPullRequest(
      {
        ...submissionTarget(scenario),
        connector: CONNECTOR,
        labels: ['new-connector'],
        reviewers: ['someone'],
      },
      { logger, client, sleep: async () => {} },
    );
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    const unreachable = `Could not reach the GitHub API at ${scenario.github.url} (ECONNREFUSED) after 4 attempts.`;
    expect(result.warnings).toEqual([
      `Could not add the labels new-connector on pull request #1: ${unreachable} The pull request is open all the same; add the labels new-connector on GitHub, or ask a maintainer of microsoft/PowerPlatformConnectors to.`,
      `Could not request reviews from someone on pull request #1: ${unreachable} The pull request is open all the same; request reviews from someone on GitHub, or ask a maintainer of microsoft/PowerPlatformConnectors to.`,
    ]);
    expect(result.warnings.join('\n')).not.toContain('triage');
  });
});
