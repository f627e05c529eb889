import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dagSwagger, lastLevel } from '@connector-alm/validator/testing';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

describe('validate-connector on a pull request that edits definitions reused at every level', () => {
  it('reports the breaking change by its first paths, not dying of "heap out of memory"', async () => {
    // 30 levels of definitions, each referencing the next twice: 2^29 paths to the last one. The
    // bundle died after 30 s with a native stack trace and 4.3 GB, and no finding.
    const swagger = dagSwagger(30);
    const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    lastLevel(swagger).properties.leaf.type = 'integer';
    writeFileSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'apiDefinition.swagger.json'),
      JSON.stringify(swagger, null, 2),
    );
    git(workspace, 'commit', '-qam', 'retype the leaf');

    const run = await runOnPullRequest(workspace, baseSha, { 'fail-on-breaking': 'true' });
    expect(run.stderr).toBe('');
    expect(run.outputs['breaking-changes']).toBe('100');
    expect(run.exitCode).toBe(1);
    // Every finding is in the SARIF report (annotations show 10 of each severity).
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8'));
    const results: { ruleId: string; message: { text: string } }[] = sarif.runs[0].results;
    expect(results.filter((result) => result.ruleId.startsWith('BRK-'))).toHaveLength(100);
    const counted = results.filter((result) => result.message.text.includes('more ValuePaths'));
    expect(counted.map((result) => result.ruleId).sort()).toEqual(['BRK-INPUT-TYPE', 'BRK-OUTPUT-TYPE']);
    expect(counted.map((result) => result.message.text).join('\n')).toContain(
      "The same field is reached by 536870862 more ValuePaths under 'operation/Op/parameter/body/schema', not listed.",
    );
  });
});
