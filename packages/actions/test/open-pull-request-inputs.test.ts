import { describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import {
  CONNECTOR,
  CONNECTOR_BRANCH,
  NO_WRITE_INTERVAL,
  scenarioForEachTest,
} from '@connector-alm/github/testing';

// The inputs that shape the pull request itself, read as the runner gives them and checked on the
// pull request the local GitHub holds: an input read under another name, or its default turned
// round, opened a pull request all the same, only not the one the workflow asked for.
describe('open-pull-request inputs that shape the pull request', () => {
  const scenario = scenarioForEachTest();
  const run = (inputs: Record<string, string>) =>
    runActionBundle('open-pull-request', {
      workspace: scenario.workspace,
      apiUrl: scenario.github.url,
      inputs: { token: scenario.contributor.token, connector: CONNECTOR, ...inputs },
      timeoutMs: 120_000,
      env: NO_WRITE_INTERVAL,
    });
  const syncs = () => scenario.github.requests.filter((request) => request.path.endsWith('/merge-upstream'));

  it('left out: a pull request ready for review that maintainers may edit, on the default branch, the fork not synced', async () => {
    const result = await run({});
    expect(result.exitCode).toBe(0);
    expect(result.outputs.branch).toBe(CONNECTOR_BRANCH);
    expect(scenario.upstream.pulls).toEqual([
      expect.objectContaining({
        title: 'Contoso Tasks',
        draft: false,
        maintainerCanModify: true,
        base: expect.objectContaining({ ref: 'dev' }),
        head: expect.objectContaining({ ref: CONNECTOR_BRANCH }),
      }),
    ]);
    expect(syncs()).toEqual([]);
  }, 240_000);

  it('sets draft, maintainer-can-modify, title, body, branch-prefix and sync-fork as given', async () => {
    const result = await run({
      draft: 'true',
      'maintainer-can-modify': 'false',
      title: 'Contoso Tasks: list the tasks of a project',
      body: 'Adds ListProjectTasks, which the Contoso flows need.',
      'branch-prefix': 'contoso/',
      'sync-fork': 'true',
    });
    expect(result.exitCode).toBe(0);
    const branch = CONNECTOR_BRANCH.replace(/^connector-alm\//, 'contoso/');
    expect(result.outputs.branch).toBe(branch);
    expect(scenario.upstream.pulls).toEqual([
      expect.objectContaining({
        title: 'Contoso Tasks: list the tasks of a project',
        draft: true,
        maintainerCanModify: false,
        head: expect.objectContaining({ ref: branch }),
      }),
    ]);
    expect(scenario.upstream.pulls[0]!.body).toContain(
      'Adds ListProjectTasks, which the Contoso flows need.',
    );
    expect(syncs()).toHaveLength(1);
  }, 240_000);
});
