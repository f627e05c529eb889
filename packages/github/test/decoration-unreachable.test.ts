import { describe, expect, it } from '@jest/globals';
import { createServer as createHttpServer } from 'node:http';
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
 * fetch, until the pull request is opened: every later request goes to `port` of this machine
 * instead of the local GitHub.
 */
function elsewhereAfterOpening(port: number): typeof fetch {
  let opened = false;
  return async (input, init) => {
    const url = new URL(String(input));
    if (opened) {
      url.port = String(port);
      return fetch(url, init);
    }
    const answer = await fetch(input, init);
    if (init?.method === 'POST' && url.pathname.endsWith('/pulls')) opened = true;
    return answer;
  };
}

/**
 * fetch, until the network goes once the pull request is opened: every later request goes to a port
 * nothing listens on, and this machine refuses the connection (ECONNREFUSED), as it does for a host
 * that went away.
 */
async function networkLostAfterOpening(): Promise<typeof fetch> {
  return elsewhereAfterOpening(await closedPort());
}

/**
 * fetch, until the pull request is opened: every later request goes to a server on this machine that
 * answers `status` (502 "Server Error" by default), as GitHub in trouble (or a proxy in front of it)
 * does. Closed with the test.
 */
async function gitHubFailingAfterOpening(
  status = 502,
  message = 'Server Error',
): Promise<{ fetch: typeof fetch; close: () => Promise<void> }> {
  const failing = createHttpServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message }));
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  const { port } = failing.address() as AddressInfo;
  return {
    fetch: elsewhereAfterOpening(port),
    close: () => new Promise<void>((resolve) => failing.close(() => resolve())),
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

  // 500 is the first of the 5xx answers: a bound written `> 500` would put it down to triage rights.
  it.each([
    [502, 'Server Error'],
    [500, 'Internal Server Error'],
  ])(
    'say that GitHub failed, when it answers %d after the retries, not that triage rights are missing',
    async (status, text) => {
      const logger = createMemoryLogger();
      const failing = await gitHubFailingAfterOpening(status, text);
      try {
        const client = contributorClient(scenario, logger, { fetch: failing.fetch });
        const result = await openPullRequest(
          { ...submissionTarget(scenario), connector: CONNECTOR, labels: ['new-connector'] },
          { logger, client, sleep: async () => {} },
        );
        expect(result).toMatchObject({ operation: 'created', number: 1 });
        expect(result.warnings).toEqual([
          `Could not add the labels new-connector on pull request #1: GitHub failed (${status} ${text}), again after the retries. The pull request is open all the same; add the labels new-connector on GitHub, or ask a maintainer of microsoft/PowerPlatformConnectors to.`,
        ]);
      } finally {
        await failing.close();
      }
    },
  );
});

describe('labels and reviewers GitHub answers 404 for', () => {
  // GitHub answers 404 rather than 403 for a write the token may not see the target of: the same
  // missing rights, which a maintainer has.
  it('are put down to missing triage rights, as a 403 is', async () => {
    const logger = createMemoryLogger();
    const failing = await gitHubFailingAfterOpening(404, 'Not Found');
    try {
      const client = contributorClient(scenario, logger, { fetch: failing.fetch });
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
      expect(result.warnings).toEqual([
        'Could not add the labels new-connector on pull request #1 (404 Not Found). This needs triage rights on microsoft/PowerPlatformConnectors; a maintainer can do it instead.',
        'Could not request reviews from someone on pull request #1 (404 Not Found). This needs triage rights on microsoft/PowerPlatformConnectors; a maintainer can do it instead.',
      ]);
    } finally {
      await failing.close();
    }
  });
});
