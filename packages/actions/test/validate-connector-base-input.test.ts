import { afterAll, describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import { cleanupWorkspaces, commitOnDev, workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

afterAll(cleanupWorkspaces);

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
          /^Input 'base' names no commit of the repository: 'origin\/mian'\. This repository has no remote named origin: .*fetch-depth: 0\.$/,
        ),
      }),
    );
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });

  it('compares with a base that names a commit', async () => {
    const run = await runActionBundle('validate-connector', { workspace, inputs: { base: 'dev' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['breaking-changes']).toBe('0');
  });
});
