import { describe, expect, it } from '@jest/globals';
import { createMemoryLogger } from '@connector-alm/core';
import { syncFork } from '../src/sync-fork.js';
import { contributorFork } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { contributorClient, submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

describe('syncing the fork when GitHub cannot be reached', () => {
  it('warns with what went wrong, not as an answer of GitHub', async () => {
    await submitConnector(scenario).promise;
    const fork = contributorFork(scenario)!;
    const logger = createMemoryLogger();
    const client = contributorClient(scenario, logger);
    scenario.github.setFaults({ dropAnswer: { operationId: 'repos/merge-upstream', times: 4 } });
    const warning = await syncFork(client, { owner: fork.owner.login, repo: fork.name }, 'dev', logger);
    expect(warning).toBe(
      `Could not sync contoso-dev/PowerPlatformConnectors@dev with the upstream (Could not reach the GitHub API at ${scenario.github.url} (UND_ERR_SOCKET) after 4 attempts); the pull request does not depend on it.`,
    );
  });
});
