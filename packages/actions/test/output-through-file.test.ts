import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';

// An output path that runs through a file (sarif-file: README.md/x.sarif) was refused only when it was
// written: validate-connector then failed "unexpectedly" with EEXIST after validating ("This is a bug"),
// and export-solution only after signing in and waiting for the export.

function throughReadme(input: string, below: string): unknown {
  return {
    level: 'error',
    file: 'README.md',
    message: `is a file, not a folder, so ${below} cannot be made inside it. Give '${input}' a path that runs through folders only, or move the file out of the way.`,
  };
}

describe('an output path that runs through a file', () => {
  const workspace = workspaceWithConnector();
  writeFileSync(path.join(workspace, 'README.md'), '# Connectors\n');

  it('validate-connector sarif-file: refused on the file in the way, before validating', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'README.md/reports/connector-alm.sarif' },
    });
    expectFailedWith(run, throughReadme('sarif-file', path.join('reports', 'connector-alm.sarif')));
    expect(run.stdout).not.toContain('::group::Validate connectors');
  });

  it('export-solution solution-output-file: refused on the file in the way, before signing in', async () => {
    const run = await runActionBundle('export-solution', {
      workspace,
      inputs: {
        // Nothing answers there: a sign-in would fail as unreachable, not as the path.
        'environment-url': 'http://127.0.0.1:59999',
        'authority-host': 'http://127.0.0.1:59999',
        'app-id': '3d2c1b0a-1111-4222-8333-944455556666',
        'tenant-id': '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7',
        'client-secret': 'unused-secret',
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'README.md/ContosoConnectors.zip',
      },
    });
    expectFailedWith(run, throughReadme('solution-output-file', 'ContosoConnectors.zip'));
  });
});
