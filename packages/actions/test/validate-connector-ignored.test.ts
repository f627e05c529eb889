import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

// A pull request that changed only a connector the configuration ignores showed a green "0 connectors
// checked" and "No checked connector … differs from the base", with no reason: a reviewer took it
// for a pass. The folder and the pattern that skips it are now said, on the pattern's line.

const NOTE =
  "certified-connectors/Contoso Tasks is not validated: the ignore pattern 'certified-connectors/Contoso*' (.connector-alm.yml:3) skips it.";

describe('validate-connector on a pull request that changes only an ignored connector', () => {
  it('says which pattern skips it, in a notice on that pattern and in the job summary', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(
      path.join(workspace, '.connector-alm.yml'),
      'profile: custom\nignore:\n  - certified-connectors/Contoso*\n',
    );
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const readme = path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'readme.md');
    writeFileSync(readme, readFileSync(readme, 'utf8') + '\nMore.\n');
    git(workspace, 'commit', '-qam', 'readme');

    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'notice', file: '.connector-alm.yml', line: 3, message: NOTE }),
    ]);
    // Escaped as the summary escapes every user text (the ' and the glob's *).
    expect(run.summary).toContain(
      'ℹ️ certified-connectors/Contoso Tasks is not validated: the ignore pattern &#39;certified-connectors/Contoso\\*&#39; (.connector-alm.yml:3) skips it.\n',
    );
    // And in the SARIF report, which is all a code scanning user sees.
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8'));
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'note', message: { text: NOTE } }),
    ]);
  });
});
