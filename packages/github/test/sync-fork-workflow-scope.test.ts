import { describe, expect, it } from '@jest/globals';
import {
  blobShas,
  CHANGED_DESCRIPTION,
  CONNECTOR,
  CONNECTOR_BRANCH,
  connectorFiles,
  contributorFork,
  copyConnector,
  filesOnBranch,
  mergeUpstream,
  PROPOSED_DESCRIPTION,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

const WORKFLOW_REFUSAL =
  '422 refusing to allow a Personal Access Token to create or update workflow `.github/workflows/validate.yml` without `workflow` scope';

/** The head of the maker's branch of the connector in their fork. */
async function forkBranch(): Promise<string> {
  return (await contributorFork(scenario, 'scoped-dev')!.git.readRef(`refs/heads/${CONNECTOR_BRANCH}`))!;
}

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
// one, though the connector's files are all the run changes. An existing branch is then built on its
// earlier base where it can be; a new one cannot.
describe('a token that lacks the workflow scope, after the upstream changed a workflow', () => {
  it("warns in GitHub's words that the fork could not be synced, then builds the branch on its earlier base", async () => {
    const maker = await makerWithoutWorkflowScope();
    const earlier = (await contributorFork(scenario, 'scoped-dev')!.git.readCommit(await forkBranch()))
      .parents;
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const { promise, logger } = submitConnector(scenario, { token: maker.token, syncFork: true });
    const result = await promise;
    const sync = `Could not sync scoped-dev/PowerPlatformConnectors@dev with the upstream (GitHub answered ${WORKFLOW_REFUSAL}); the pull request does not depend on it. Sync it with the Sync fork button on GitHub, or give the token the workflow scope.`;
    const dev = await scenario.upstream.git.readRef('refs/heads/dev');
    const fallback = `GitHub refused to build connector-alm/certified-connectors/contoso-tasks on microsoft/PowerPlatformConnectors@dev (${dev}) for a token without the workflow scope, as the upstream's workflows changed since the branch was built: it is built again on its earlier base ${earlier[0]}, where certified-connectors/Contoso Tasks is the same, so the pull request proposes the same change. Give the token the workflow scope to build it on the base as it is now.`;
    expect(result).toMatchObject({ operation: 'updated', warnings: [sync, fallback] });
    expect(logger.lines).toContain(`warning: ${fallback}`);
    const head = await contributorFork(scenario, 'scoped-dev')!.git.readCommit(await forkBranch());
    expect(head.parents).toEqual(earlier);
    const sent = await filesOnBranch(contributorFork(scenario, 'scoped-dev')!, CONNECTOR_BRANCH, CONNECTOR);
    expect(sent['apiDefinition.swagger.json']).toBe(
      blobShas(connectorFiles(CHANGED_DESCRIPTION))['apiDefinition.swagger.json'],
    );
  });

  it('fails to move the branch, saying to add the scope, when the connector changed upstream since its base', async () => {
    const maker = await makerWithoutWorkflowScope();
    // Another change to the folder reached dev: on the earlier base, the pull request would take it back.
    await mergeUpstream(scenario, connectorFiles(PROPOSED_DESCRIPTION));
    writeConnector(scenario.workspace, connectorFiles(CHANGED_DESCRIPTION));
    const failure = await submitConnector(scenario, { token: maker.token }).promise.then(
      () => undefined,
      (error: unknown) => error as Error & { hint?: string },
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
