import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { setBranch } from '../src/commit-changes.js';
import { createGitHubClient, openPullRequest } from '../src/index.js';
import { CONNECTOR, startScenario, type Scenario } from './helpers/scenario.js';

/**
 * Answers lost after GitHub did the work (a dropped connection, a proxy's timeout) or cut off half
 * way (the request timeout ending a slow body): the client sends the request again, so a write must
 * survive finding its own earlier success, and a cut body must count as no answer.
 */
let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(async () => {
  expect(scenario.github.violations).toEqual([]);
  await scenario.dispose();
});

// A real timer on a real connection, for every request of the run, not only the cut one: 1 s keeps
// the tests short, and every uncut answer comes well within it even on a loaded 2-core machine (with
// 200 ms, an ordinary commit answer sometimes came later, and the run gave up).
const TIMEOUT_MS = 1000;
const BRANCH = 'connector-alm/certified-connectors/contoso-tasks';

function run(labels: string[] = []) {
  const logger = createMemoryLogger();
  const client = createGitHubClient({
    token: scenario.contributor.token,
    baseUrl: scenario.github.url,
    logger,
    writeIntervalMs: 0,
    retryAfterBaseMs: 1,
    requestTimeoutMs: TIMEOUT_MS,
  });
  const promise = openPullRequest(
    {
      token: scenario.contributor.token,
      apiUrl: scenario.github.url,
      upstream: 'microsoft/PowerPlatformConnectors',
      base: 'dev',
      connector: CONNECTOR,
      cwd: scenario.workspace,
      labels,
    },
    { logger, client, sleep: async () => {} },
  );
  return { promise, logger };
}

function forkBranch(): Promise<string | undefined> {
  const fork = scenario.github.state.findRepository('contoso-dev', 'PowerPlatformConnectors')!;
  return fork.git.readRef(`refs/heads/${BRANCH}`);
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
    const fork = scenario.github.state.findRepository('contoso-dev', 'PowerPlatformConnectors')!;
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
  }, 30_000);

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
  }, 30_000);
});
