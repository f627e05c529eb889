import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { createMemoryLogger } from '@connector-alm/core';
import { validSwagger } from '@connector-alm/validator/testing';
import { openPullRequests, refusedResults, type PullRequestResult } from '../src/index.js';
import {
  CONNECTOR,
  CONNECTOR_BRANCH,
  NAMESAKE,
  connectorFiles,
  filesOnBranch,
  startScenario,
  writeConnector,
  type Scenario,
} from './helpers/scenario.js';

// Several connectors in one call: a branch name is taken only by a connector whose branch now holds
// it, so one refused or equal to the upstream does not keep a later namesake from being submitted.

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  cpSync(path.join(scenario.workspace, CONNECTOR), path.join(scenario.workspace, NAMESAKE), {
    recursive: true,
  });
});
afterEach(async () => {
  expect(scenario.github.violations).toEqual([]);
  await scenario.dispose();
});

async function submit(connectors: string[]): Promise<PullRequestResult[]> {
  const results: PullRequestResult[] = [];
  const submissions = openPullRequests(
    {
      token: scenario.contributor.token,
      apiUrl: scenario.github.url,
      upstream: 'microsoft/PowerPlatformConnectors',
      base: 'dev',
      connectors,
      cwd: scenario.workspace,
    },
    { logger: createMemoryLogger(), sleep: async () => {}, writeIntervalMs: 0 },
  );
  for await (const result of submissions) results.push(result);
  return results;
}

const forkOf = () => scenario.github.state.findRepository('contoso-dev', 'PowerPlatformConnectors')!;

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
    const swagger = validSwagger();
    swagger.host = 'http://bad host';
    writeConnector(scenario.workspace, {
      ...connectorFiles(),
      'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2),
    });
    const results = await submit([CONNECTOR, NAMESAKE]);
    expect(results.map((result) => [result.targetFolder, result.operation])).toEqual([
      [CONNECTOR, 'refused'],
      [NAMESAKE, 'created'],
    ]);
    expect(refusedResults(results)).toEqual([expect.objectContaining({ refusal: 'findings' })]);
    expect(Object.keys(await filesOnBranch(forkOf(), CONNECTOR_BRANCH, NAMESAKE))).toHaveLength(4);
  });

  it('lets a later namesake have the branch of a connector equal to the upstream', async () => {
    await scenario.github.commit(
      scenario.upstream,
      'dev',
      Object.fromEntries(
        Object.entries(connectorFiles()).map(([name, content]) => [`${CONNECTOR}/${name}`, content]),
      ),
    );
    const results = await submit([CONNECTOR, NAMESAKE]);
    expect(results.map((result) => [result.targetFolder, result.operation])).toEqual([
      [CONNECTOR, 'none'],
      [NAMESAKE, 'created'],
    ]);
    expect(refusedResults(results)).toEqual([]);
  });
});
