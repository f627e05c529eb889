import { afterAll, describe, expect, it } from '@jest/globals';
import {
  cannotGiveRepositoryAway,
  giveToNobody,
  gitEnvWithoutTrust,
  runActionBundle,
  temporaryFolders,
} from '@connector-alm/testing';
import { commitOnDev, workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

// In a container job, or on a self-hosted runner, the workspace is checked out by one user and the
// step runs as another: git refuses the repository ("detected dubious ownership"), and the action
// failed "unexpectedly" with a request to report a bug, or said that base: dev names no commit.
const cannot = cannotGiveRepositoryAway();
if (cannot) console.warn(`Skipping the tests of a workspace of another user: ${cannot}.`);

const homes = temporaryFolders('connector-alm-home-');
afterAll(() => homes.cleanup());

/** A pull request's workspace, checked out by nobody, run by a git that trusts no repository. */
function anotherUsersPullRequest(inputs: Record<string, string> = {}) {
  const workspace = workspaceWithConnector();
  const base = commitOnDev(workspace);
  giveToNobody(workspace);
  return {
    workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: 1, base: { ref: 'dev', sha: base }, head: { sha: base } } },
    env: gitEnvWithoutTrust(homes.make()),
    inputs,
  };
}

(cannot ? describe.skip : describe)('validate-connector in a workspace of another user', () => {
  it.each([
    ['on a pull request, with no base', {}],
    ['with base: dev', { base: 'dev' }],
  ])('%s: says so, with the step that marks it safe, and base: none', async (_what, inputs) => {
    const options = anotherUsersPullRequest(inputs);
    const run = await runActionBundle('validate-connector', options);
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: `git refuses to work in the repository (${options.workspace}): it belongs to another user than the one this step runs as ("detected dubious ownership"), so the connectors cannot be compared with the base. Add a step before this one that runs git config --global --add safe.directory "$GITHUB_WORKSPACE" (actions/checkout marks it safe for its own commands only), or set base: none to check the connector folders without comparing them with the base.`,
      }),
    );
    expect(run.stdout).not.toMatch(/unexpectedly/);
  });

  it('checks the connector folders with base: none, which runs no git', async () => {
    const run = await runActionBundle('validate-connector', anotherUsersPullRequest({ base: 'none' }));
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });
});
