import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { swaggerCutBefore } from '@connector-alm/validator/testing';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

// A pull request whose swagger was cut off mid-save got an annotation for each operation past the cut
// (BRK-OP-DELETED) beside the one real error, and the summary counted the base's findings fixed.
describe('validate-connector on a pull request that cuts the swagger off', () => {
  it('annotates the cut alone, and counts nothing of the lost part', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    writeFileSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'apiDefinition.swagger.json'),
      swaggerCutBefore('"/tasks/{taskId}"'),
    );
    git(workspace, 'commit', '-qam', 'cut');
    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    const onFiles = run.annotations.filter((annotation) => annotation.file !== undefined);
    expect(onFiles.map((annotation) => annotation.title?.split(' ')[0])).toEqual(['GEN-JSON-PARSE']);
    expect(onFiles[0]!.message).toMatch(/it looks cut off; restore its end/);
    expect(run.summary).toContain('1 new and 0 fixed since the base');
    expect(run.summary).not.toContain('BRK-');
  });
});
