import { describe, expect, it } from '@jest/globals';
import { readmeEditOfConnectorWithExistingError, runOnPullRequest } from './helpers/pull-request-repo.js';

// Replays of real pull requests failed about half the time on errors the connector already had (a
// layout, a brand colour, a Script.cs the pull request did not touch). The findings said "(existing)"
// and the summary "0 new since the base", but the failure line counted them as the maker's.

const NOTE =
  'The failing finding was already in the base: fix it or ask the reviewers; only-new: true (an input of validate-connector and of the connector-pr-check workflow) fails only on findings new since the base.';

describe('validate-connector failing on findings the base already had', () => {
  it('says so in the failure line and the summary headline, and names only-new', async () => {
    const { workspace, baseSha } = readmeEditOfConnectorWithExistingError();
    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.outputs.errors).toBe('1');
    expect(run.annotations.find((a) => a.title?.startsWith('SWG-INFO-TITLE-WORDS'))?.message).toMatch(
      /\(existing\)$/,
    );
    expect(run.annotations.filter((a) => a.level === 'error' && !a.file)).toEqual([
      expect.objectContaining({
        level: 'error',
        message: `1 error and 0 warnings in 1 connector (fail-on: error). ${NOTE}`,
      }),
    ]);
    expect(run.summary).toContain(
      '❌ 1 connector checked: 1 error, 0 warnings, 0 info; 0 new and 0 fixed since the base. The failing finding was already in the base: fix it or ask the reviewers; `only-new: true` (an input of validate-connector and of the connector-pr-check workflow) fails only on findings new since the base.\n',
    );
  });

  it('passes with only-new: true, as the note says', async () => {
    const { workspace, baseSha } = readmeEditOfConnectorWithExistingError();
    const run = await runOnPullRequest(workspace, baseSha, { 'only-new': 'true' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('success');
    expect(run.summary).not.toContain('already in the base');
  });
});
