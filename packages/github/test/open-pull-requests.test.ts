import { beforeEach, describe, expect, it } from '@jest/globals';
import { createMemoryLogger } from '@connector-alm/core';
import { openPullRequests, refusedResults, type PullRequestResult } from '../src/index.js';
import {
  CONNECTOR,
  CONNECTOR_BRANCH,
  NAMESAKE,
  connectorFiles,
  connectorFilesWithAnError,
  connectorFilesWithSwagger,
  contributorFork,
  copyConnector,
  filesOnBranch,
  mergeUpstream,
  submissionTarget,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';

// Several connectors in one call: a branch name is taken only by a connector whose branch now holds
// it, so one refused or equal to the upstream does not keep a later namesake from being submitted.

const scenario = scenarioForEachTest();
beforeEach(() => {
  copyConnector(scenario.workspace, NAMESAKE);
});

async function submit(connectors: string[]): Promise<PullRequestResult[]> {
  const results: PullRequestResult[] = [];
  const submissions = openPullRequests(
    { ...submissionTarget(scenario), connectors },
    { logger: createMemoryLogger(), sleep: async () => {}, writeIntervalMs: 0 },
  );
  for await (const result of submissions) results.push(result);
  return results;
}

const forkOf = () => contributorFork(scenario)!;

describe('openPullRequests: the branch names of one call', () => {
  it('refuses a later namesake of a connector it pushed, naming that connector', async () => {
    const results = await submit([CONNECTOR, NAMESAKE]);
    expect(results.map((result) => result.operation)).toEqual(['created', 'refused']);
    expect(results[1]).toMatchObject({
      targetFolder: NAMESAKE,
      refusal: 'branch',
      reason: `its branch ${CONNECTOR_BRANCH} is the branch of ${CONNECTOR}, submitted before it in this run: nothing was pushed for it`,
    });
    expect(refusedResults(results)).toEqual([results[1]]);
    expect(scenario.upstream.pulls).toHaveLength(1);
  });

  it('lets a later namesake have the branch of a connector refused for its findings', async () => {
    writeConnector(scenario.workspace, connectorFilesWithAnError());
    const results = await submit([CONNECTOR, NAMESAKE]);
    expect(results.map((result) => [result.targetFolder, result.operation])).toEqual([
      [CONNECTOR, 'refused'],
      [NAMESAKE, 'created'],
    ]);
    expect(refusedResults(results)).toEqual([expect.objectContaining({ refusal: 'findings' })]);
    // All it sent: a certified connector's icon goes with the certification package.
    expect(Object.keys(await filesOnBranch(forkOf(), CONNECTOR_BRANCH, NAMESAKE))).toHaveLength(3);
  });

  it('lets a later namesake have the branch of a connector equal to the upstream', async () => {
    await mergeUpstream(scenario, connectorFiles());
    // Another connector: a copy of the upstream's Contoso Tasks in a new folder would be refused as such.
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Tasks Plus';
      }),
      NAMESAKE,
    );
    const results = await submit([CONNECTOR, NAMESAKE]);
    expect(results.map((result) => [result.targetFolder, result.operation])).toEqual([
      [CONNECTOR, 'none'],
      [NAMESAKE, 'created'],
    ]);
    expect(refusedResults(results)).toEqual([]);
  });
});
