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
// earlier base where it can be; a new one on the fork's default branch, which GitHub compares it with.
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

  // A new connector's branch failed here, though the fork's dev was only behind: GitHub compares a
  // new branch with the fork's default branch, so built there it changes no workflow.
  it("creates a new connector's branch on the fork's dev, which the upstream's dev has in its history, with a warning", async () => {
    const maker = await makerWithoutWorkflowScope();
    const other = 'certified-connectors/Contoso Tasks Two';
    copyConnector(scenario.workspace, other);
    const fork = contributorFork(scenario, 'scoped-dev')!;
    const forkDev = await fork.git.readRef('refs/heads/dev');
    const { promise, logger } = submitConnector(scenario, { token: maker.token, connector: other });
    const result = await promise;
    const dev = await scenario.upstream.git.readRef('refs/heads/dev');
    const warning = `GitHub refused to create connector-alm/certified-connectors/contoso-tasks-two on microsoft/PowerPlatformConnectors@dev (${dev}) for a token without the workflow scope, as the upstream's workflows changed since scoped-dev/PowerPlatformConnectors@dev was synced: it is built on scoped-dev/PowerPlatformConnectors@dev (${forkDev}) instead, which microsoft/PowerPlatformConnectors@dev has in its history and where ${other} is the same, so the pull request proposes the same change. Sync the fork (Sync fork on its page on GitHub) or give the token the workflow scope to build it on the base as it is now.`;
    expect(result).toMatchObject({ operation: 'created', warnings: [warning] });
    expect(logger.lines).toContain(`warning: ${warning}`);
    const branch = 'connector-alm/certified-connectors/contoso-tasks-two';
    const head = await fork.git.readCommit((await fork.git.readRef(`refs/heads/${branch}`))!);
    expect(head.parents).toEqual([forkDev]);
    // What the first connector's branch carries: the same files (a certified icon goes apart).
    expect(await filesOnBranch(fork, branch, other)).toEqual(
      await filesOnBranch(fork, CONNECTOR_BRANCH, CONNECTOR),
    );
    // The pull request shows the connector's commit alone: the fork's dev is in the upstream's.
    expect(await fork.git.countCommitsBetween(dev!, head.sha)).toBe(1);
    // A rerun keeps it there: moving it would change nothing the pull request shows.
    const rerun = await submitConnector(scenario, { token: maker.token, connector: other }).promise;
    expect(rerun).toMatchObject({ operation: 'none', headSha: head.sha });
  });

  it("fails to create a new connector's branch when the fork's dev has a commit of its own, saying to add the scope", async () => {
    const maker = await makerWithoutWorkflowScope();
    // Built there, the pull request would carry that commit too.
    await scenario.github.commit(contributorFork(scenario, 'scoped-dev')!, 'dev', { 'NOTES.md': 'mine\n' });
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

  it("fails to create a new branch when the connector's folder changed upstream since the fork's dev", async () => {
    const maker = await makerWithoutWorkflowScope();
    // The upstream has the folder now: on the fork's dev, the pull request would add it anew.
    await mergeUpstream(
      scenario,
      connectorFiles(PROPOSED_DESCRIPTION),
      'certified-connectors/Contoso Tasks Two',
    );
    const other = 'certified-connectors/Contoso Tasks Two';
    copyConnector(scenario.workspace, other);
    const failure = await submitConnector(scenario, { token: maker.token, connector: other }).promise.then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toBe(
      `GitHub refused creating the branch connector-alm/certified-connectors/contoso-tasks-two on scoped-dev/PowerPlatformConnectors (${WORKFLOW_REFUSAL}).`,
    );
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
