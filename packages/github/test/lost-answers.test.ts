import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { setBranch } from '../src/commit-changes.js';
import { createGitHubClient, openPullRequest } from '../src/index.js';
import { until } from '@connector-alm/testing';
import { manualTimers } from './helpers/manual-timers.js';
import {
  CONNECTOR,
  CONNECTOR_BRANCH as BRANCH,
  contributorFork,
  submissionTarget,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { contributorClient } from './helpers/submit-connector.js';

/**
 * Answers lost after GitHub did the work (a dropped connection, a proxy's timeout) or cut off half
 * way (a connection dropped mid-body, or the request timeout ending a body that stopped coming): the
 * client sends the request again, so a write must survive finding its own earlier success, and a cut
 * body must count as no answer.
 */
const scenario = scenarioForEachTest();

/**
 * openPullRequest with the production request timeout (30 s) on timers that no test here moves: a lost
 * or cut answer ends at once (the server closes the connection), and no request runs out, however
 * long the local server's git work takes on a loaded machine.
 */
function run(labels: string[] = []) {
  const logger = createMemoryLogger();
  const client = contributorClient(scenario, logger, { startTimer: manualTimers().startTimer });
  const promise = openPullRequest(
    { ...submissionTarget(scenario), connector: CONNECTOR, labels },
    { logger, client, sleep: async () => {} },
  );
  return { promise, logger };
}

function forkBranch(): Promise<string | undefined> {
  return contributorFork(scenario)!.git.readRef(`refs/heads/${BRANCH}`);
}

describe('a write whose answer was lost is not taken for a failure when it is sent again', () => {
  it('creating the branch: "Reference already exists" at our commit is the branch we created', async () => {
    scenario.github.setFaults({ dropAnswer: { operationId: 'git/create-ref', times: 1 } });
    const result = await run().promise;
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    expect(await forkBranch()).toBe(result.headSha);
    const createRefs = scenario.github.requests.filter((r) => r.operationId === 'git/create-ref');
    expect(createRefs.map((r) => r.status)).toEqual([201, 422]);
  });

  it('creating the branch: "Reference already exists" at another commit moves it, as an existing branch', async () => {
    const first = await run().promise;
    const fork = contributorFork(scenario)!;
    const devSha = (await fork.git.readRef('refs/heads/dev'))!;
    expect(first.headSha).not.toBe(devSha);
    const client = createGitHubClient({
      token: scenario.contributor.token,
      baseUrl: scenario.github.url,
      logger: createMemoryLogger(),
      writeIntervalMs: 0,
    });
    // As when another run created the branch between our look and our creation.
    await setBranch(client, { owner: 'contoso-dev', repo: 'PowerPlatformConnectors' }, BRANCH, devSha, false);
    expect(await forkBranch()).toBe(devSha);
  });

  it('opening the pull request: "already exists" on the retry is the one we opened, labels included', async () => {
    scenario.upstream.collaborators.add('contoso-dev');
    scenario.github.setFaults({ dropAnswer: { operationId: 'pulls/create', times: 1 } });
    const result = await run(['new-connector']).promise;
    expect(result).toMatchObject({ operation: 'created', number: 1, warnings: [] });
    expect(scenario.upstream.pulls).toHaveLength(1);
    expect(scenario.upstream.pulls[0]!.labels).toEqual(['new-connector']);
  });
});

describe('an answer cut off before the end of its JSON body', () => {
  it('is sent again, as a request that got no answer', async () => {
    scenario.github.setFaults({ cutAnswer: { operationId: 'git/create-commit', times: 1 } });
    const result = await run().promise;
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    expect(await forkBranch()).toBe(result.headSha);
    const commits = scenario.github.requests.filter((r) => r.operationId === 'git/create-commit');
    expect(commits.map((r) => r.status)).toEqual([201, 201]);
  });

  it('fails, when every attempt is cut, with one line naming the request and no token', async () => {
    scenario.github.setFaults({ cutAnswer: { operationId: 'git/get-ref', times: 100 } });
    const { promise, logger } = run();
    const error = (await promise.catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `GitHub's answer to GET ${scenario.github.url}/repos/microsoft/PowerPlatformConnectors/git/ref/heads%2Fdev was cut off before its end; gave up after 4 attempts.`,
    );
    expect(error.message).not.toContain('\n');
    expect(error.hint).toMatch(/proxy/);
    const text = [error.message, error.hint, ...logger.lines].join('\n');
    expect(text).not.toContain(scenario.contributor.token);
  });
});

describe('an answer that stops coming half way through its body', () => {
  // The request timeout must still be running while the body is read. It runs on timers the test moves
  // once the answer has begun, so it runs out then and only then. Not retried, so that the error tells
  // a body ended by the timer ("cut off") from headers that never came ("did not answer").
  const TIMEOUT_MS = 1000;

  it('is ended by the request timeout and counts as cut off', async () => {
    scenario.github.setFaults({ stallAnswer: { operationId: 'users/get-authenticated', times: 1 } });
    const timers = manualTimers();
    let answered = 0;
    const client = createGitHubClient({
      token: scenario.contributor.token,
      baseUrl: scenario.github.url,
      logger: createMemoryLogger(),
      requestTimeoutMs: TIMEOUT_MS,
      startTimer: timers.startTimer,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answered++;
        return response;
      },
    });
    const read = client.rest.users.getAuthenticated({ request: { retries: 0 } }).catch((e: unknown) => e);
    await until(() => answered === 1, read);
    expect(timers.pending()).toEqual([TIMEOUT_MS]);
    timers.advance(TIMEOUT_MS);
    const error = (await read) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `GitHub's answer to GET ${scenario.github.url}/user was cut off before its end; gave up after 1 attempt.`,
    );
    expect(error.hint).toMatch(/the 1 s a request may take ran out/);
    expect(scenario.github.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['users/get-authenticated', 200],
    ]);
  });
});
