import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { openPullRequests, type PullRequestResult } from '../src/index.js';
import {
  CONNECTOR,
  CONNECTOR_BRANCH as BRANCH,
  contributorFork,
  copyConnector,
  submissionTarget,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { contributorClient, forkWithBranch, submitConnector } from './helpers/submit-connector.js';

// git keeps branches as files and folders: a fork with a branch `connector-alm` cannot hold
// `connector-alm/certified-connectors/contoso-tasks`. GitHub answers the branch's creation with 422
// "Reference update failed"; the connector is refused, naming the fork's branch, where the error
// used to blame GitHub ("run the job again later") after the retries of the local GitHub's 500.

const scenario = scenarioForEachTest();
const FORK = 'contoso-dev/PowerPlatformConnectors';
const forkName = { owner: 'contoso-dev', repo: 'PowerPlatformConnectors' };

const branchCreations = () =>
  scenario.github.requests.filter((request) => request.operationId === 'git/create-ref');

describe("a branch of the fork named like a folder of the connector's branch", () => {
  it("refuses the connector, naming the fork's branch, after one 422 and no retry", async () => {
    await forkWithBranch(scenario, 'connector-alm');
    const before = branchCreations().length;
    const result = await submitConnector(scenario).promise;
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'branch-clash',
      clashingBranch: 'connector-alm',
      branch: BRANCH,
      reason: `the fork ${FORK} has a branch connector-alm, so it cannot hold the branch ${BRANCH} (git keeps branches as files and folders; GitHub answered 422 Reference update failed): no branch was made for it, no pull request opened or updated`,
    });
    expect(result.number).toBeUndefined();
    expect(result.headSha).toBeUndefined();
    expect(
      branchCreations()
        .slice(before)
        .map((request) => request.status),
    ).toEqual([422]);
    expect(scenario.github.requests.some((request) => request.status >= 500)).toBe(false);
    expect(scenario.upstream.pulls).toEqual([]);
    const fork = contributorFork(scenario)!;
    expect([...(await fork.git.listRefs('refs/heads/')).keys()]).toEqual([
      'refs/heads/connector-alm',
      'refs/heads/dev',
    ]);
  });

  it('finds a fork branch deeper in the name (connector-alm/certified-connectors)', async () => {
    await forkWithBranch(scenario, 'connector-alm/certified-connectors');
    expect(await submitConnector(scenario).promise).toMatchObject({
      operation: 'refused',
      refusal: 'branch-clash',
      clashingBranch: 'connector-alm/certified-connectors',
    });
  });

  it('submits the other connectors of the run, whose branches the fork can hold', async () => {
    await forkWithBranch(scenario, 'connector-alm/certified-connectors');
    const custom = 'custom-connectors/Contoso Tasks';
    copyConnector(scenario.workspace, custom);
    const results: PullRequestResult[] = [];
    for await (const result of openPullRequests(
      { ...submissionTarget(scenario), connectors: [CONNECTOR, custom], failOn: 'never' },
      { logger: createMemoryLogger(), sleep: async () => {}, writeIntervalMs: 0 },
    ))
      results.push(result);
    expect(results.map((result) => [result.targetFolder, result.operation, result.refusal])).toEqual([
      [CONNECTOR, 'refused', 'branch-clash'],
      [custom, 'created', undefined],
    ]);
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it("says the 422 and where to look when the fork's branch lies under the connector's", async () => {
    // git/ref reads a branch of an exact name: one under ours is not found, the error says where to look.
    await forkWithBranch(scenario, `${BRANCH}/old`);
    const error = await submitConnector(scenario).promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `GitHub refused creating the branch ${BRANCH} on ${FORK} (422 Reference update failed).`,
    );
    expect((error as UserError).hint).toContain(`look among its branches on GitHub for one under ${BRANCH}/`);
    expect((error as UserError).hint).toContain('--branch-prefix <prefix>');
    expect((error as UserError).message).not.toMatch(/GitHub failed|githubstatus/);
    expect(branchCreations().at(-1)!.status).toBe(422);
    expect(scenario.upstream.pulls).toEqual([]);
  });
});

describe('the local GitHub, creating a ref git cannot hold', () => {
  it("answers 422 Reference update failed in GitHub's error shape, either way round", async () => {
    await forkWithBranch(scenario, 'connector-alm');
    const client = contributorClient(scenario, createMemoryLogger());
    const { data: dev } = await client.rest.git.getRef({ ...forkName, ref: 'heads/dev' });
    for (const ref of ['refs/heads/connector-alm/x', 'refs/heads/dev/x']) {
      const answer = await client.rest.git.createRef({ ...forkName, ref, sha: dev.object.sha }).then(
        () => undefined,
        (caught: { status: number; response: { data: unknown } }) => caught,
      );
      expect(answer?.status).toBe(422);
      expect(answer?.response.data).toEqual({
        message: 'Reference update failed',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//),
        status: '422',
      });
    }
    await client.rest.git.createRef({ ...forkName, ref: 'refs/heads/feature/x', sha: dev.object.sha });
    const answer = await client.rest.git
      .createRef({ ...forkName, ref: 'refs/heads/feature', sha: dev.object.sha })
      .then(
        () => undefined,
        (caught: { status: number; response: { data: { message: string } } }) => caught,
      );
    expect(answer?.status).toBe(422);
    expect(answer?.response.data.message).toBe('Reference update failed');
    // The contract checks (the hooks' violations) hold the answers to GitHub's OpenAPI description.
  });
});
