import { describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import {
  commitOnDev,
  git,
  pullRequestRepository,
  workspaceWithConnector,
} from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

// `base: origin/mian` was refused in git's words ('The git ref "origin/mian" does not name a commit'),
// which a pull request's own base gets too, and without naming the input to correct.

describe('validate-connector base input', () => {
  const workspace = workspaceWithConnector();
  commitOnDev(workspace);

  it('names the input when the base names no commit, with git advice, before validating', async () => {
    const run = await runActionBundle('validate-connector', { workspace, inputs: { base: 'origin/mian' } });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /^Input 'base' names no commit of the repository: 'origin\/mian'\. This repository has no remote named origin: .*run both after it\.$/,
        ),
      }),
    );
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });

  // actions/checkout (fetch-depth: 0 too) makes origin/dev and no local dev: `base: dev` was refused
  // with the advice to check out with fetch-depth: 0.
  it("reads a base branch that only origin has as origin's, with a notice", async () => {
    const checkout = workspaceWithConnector();
    commitOnDev(checkout);
    git(checkout, 'remote', 'add', 'origin', 'https://example.invalid/connectors.git');
    git(checkout, 'update-ref', 'refs/remotes/origin/dev', 'dev');
    git(checkout, 'checkout', '-q', '--detach');
    git(checkout, 'branch', '-qD', 'dev');
    const run = await runActionBundle('validate-connector', { workspace: checkout, inputs: { base: 'dev' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['breaking-changes']).toBe('0');
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: "base 'dev' read as 'origin/dev': there is no local branch 'dev'.",
      }),
    );
  });

  // Outside a pull request, the base input alone says what to compare with: the operation the branch
  // deleted since dev is a breaking change against it.
  it('compares with the commit the base names', async () => {
    const { workspace: branch } = pullRequestRepository(workspaceWithConnector());
    const run = await runActionBundle('validate-connector', { workspace: branch, inputs: { base: 'dev' } });
    expect(run.outputs['breaking-changes']).toBe('1');
    expect(run.summary).toMatch(/BRK-OP-DELETED/);
  });
});
