import { describe, expect, it } from '@jest/globals';
import { CHANGED_DESCRIPTION, connectorFiles, copyConnector, writeConnector } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

const WORKFLOW_REFUSAL =
  '422 refusing to allow a Personal Access Token to create or update workflow `.github/workflows/validate.yml` without `workflow` scope';

/** A maker whose token has public_repo but not the workflow scope, with a pull request submitted. */
async function makerWithoutWorkflowScope() {
  const maker = scenario.github.addAccount('scoped-dev', { workflowScope: false });
  await submitConnector(scenario, { token: maker.token }).promise;
  // PowerPlatformConnectors changes its own workflows now and then.
  await scenario.github.commit(scenario.upstream, 'dev', {
    '.github/workflows/validate.yml': 'on: pull_request\n',
  });
  return maker;
}

// GitHub asks for the workflow scope on every write of a ref that changes a file of .github/workflows
// (the local GitHub's workflow-scope.ts): a branch rebuilt on an upstream whose workflows changed is
// one, though the connector's files are all the run changes.
describe('a token that lacks the workflow scope, after the upstream changed a workflow', () => {
  it("warns in GitHub's words that the fork could not be synced, then fails to move the branch, saying to add the scope", async () => {
    const maker = await makerWithoutWorkflowScope();
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = submitConnector(scenario, { token: maker.token, syncFork: true });
    const failure = await promise.then(
      () => undefined,
      (error: unknown) => error as Error & { hint?: string },
    );
    expect(logger.lines).toContain(
      `warning: Could not sync scoped-dev/PowerPlatformConnectors@dev with the upstream (GitHub answered ${WORKFLOW_REFUSAL}); the pull request does not depend on it. Sync it with the Sync fork button on GitHub, or give the token the workflow scope.`,
    );
    expect(failure?.message).toBe(
      `GitHub refused moving the branch connector-alm/certified-connectors/contoso-tasks on scoped-dev/PowerPlatformConnectors (${WORKFLOW_REFUSAL}).`,
    );
    expect(failure?.hint).toMatch(/Give the token the workflow scope/);
  });

  it("fails to create a new connector's branch, which GitHub compares with the fork's dev, saying to add the scope", async () => {
    const maker = await makerWithoutWorkflowScope();
    const other = 'certified-connectors/Contoso Tasks Two';
    copyConnector(scenario.workspace, other);
    const failure = await submitConnector(scenario, { token: maker.token, connector: other }).promise.then(
      () => undefined,
      (error: unknown) => error as Error & { hint?: string },
    );
    expect(failure?.message).toBe(
      `GitHub refused creating the branch connector-alm/certified-connectors/contoso-tasks-two on scoped-dev/PowerPlatformConnectors (${WORKFLOW_REFUSAL}).`,
    );
    expect(failure?.hint).toMatch(/for a new branch, since the fork's default branch/);
  });

  it('moves the branch when the token has the scope', async () => {
    const maker = await makerWithoutWorkflowScope();
    // The scope added to the token on GitHub, as the hint says.
    maker.workflowScope = true;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    await expect(submitConnector(scenario, { token: maker.token }).promise).resolves.toMatchObject({
      operation: 'updated',
    });
  });
});
