import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@connector-alm/testing';
import { companyRepository } from './company-repository.js';

// The built CLI, as a team runs it at the top of its repository: an override whose glob is mistyped
// is said on its line, where it applied nothing unsaid.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');

describe('the built CLI and an override whose files match no connector folder', () => {
  it('prints the warning on the line of the glob', () => {
    const config = "profile: custom\noverrides:\n  - files: ['conectors/**']\n    profile: certified\n";
    const root = companyRepository(['Tasks'], '.connector-alm.yml', config);
    const run = spawnSync(process.execPath, [CLI, 'validate'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      ".connector-alm.yml:3:13 warning REPO-CONFIG-OVERRIDE-UNMATCHED The files pattern 'conectors/**' in overrides[0] matches no connector folder under the file's folder, ./, so it applies overrides[0] to no folder. Did you mean 'connectors/**'?\n",
    );
  });
});
