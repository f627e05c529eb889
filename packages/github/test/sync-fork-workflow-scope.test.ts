import { describe, expect, it } from '@jest/globals';
import { CHANGED_DESCRIPTION, connectorFiles, writeConnector } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

describe('syncing the fork with a token that lacks the workflow scope', () => {
  it("warns in GitHub's words, and says how to sync it, when the upstream changed a workflow", async () => {
    const maker = scenario.github.addAccount('scoped-dev', { workflowScope: false });
    await submitConnector(scenario, { token: maker.token }).promise;
    await scenario.github.commit(scenario.upstream, 'dev', {
      '.github/workflows/validate.yml': 'on: pull_request\n',
    });
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = submitConnector(scenario, { token: maker.token, syncFork: true });
    const result = await promise;
    const warning =
      'Could not sync scoped-dev/PowerPlatformConnectors@dev with the upstream (GitHub answered 422 refusing to allow a Personal Access Token to create or update workflow `.github/workflows/validate.yml` without `workflow` scope); the pull request does not depend on it. Sync it with the Sync fork button on GitHub, or give the token the workflow scope.';
    expect(result).toMatchObject({ operation: 'updated', warnings: [warning] });
    expect(logger.lines).toContain(`warning: ${warning}`);
  });
});
