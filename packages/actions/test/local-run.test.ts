import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  describeWith,
  REPO_ROOT,
  runActionBundle,
  SOLUTION_FIXTURES,
  temporaryFolders,
} from '@connector-alm/testing';

const workspaces = temporaryFolders('local-run-');
afterAll(() => workspaces.cleanup());

/**
 * What a shell on a laptop lacks of the runner's environment: `node dist/<action>/index.cjs` there
 * has no workspace (the current folder is one, README.md "Where the actions write"), no temp folder
 * and no job summary file.
 */
const LAPTOP = { GITHUB_WORKSPACE: '', RUNNER_TEMP: '', GITHUB_STEP_SUMMARY: '' };

describe('an action bundle run on a laptop, outside the runner', () => {
  it('validates the current folder and writes its SARIF report, with no job summary to append to', async () => {
    const dir = workspaces.make();
    cpSync(
      path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks'),
      path.join(dir, 'certified-connectors/Contoso Tasks'),
      { recursive: true },
    );
    const run = await runActionBundle('validate-connector', {
      workspace: dir,
      inputs: { 'sarif-file': 'reports/connector-alm.sarif' },
      env: LAPTOP,
    });
    expect(run.stdout).not.toContain('failed unexpectedly');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'success', 'sarif-file': 'reports/connector-alm.sarif' });
    expect(existsSync(path.join(dir, 'reports/connector-alm.sarif'))).toBe(true);
  });
});

describeWith(SOLUTION_FIXTURES, 'unpack-solution local run')(
  'an unpack-solution bundle run on a laptop',
  () => {
    it('unpacks into the current folder, with no job summary to append to', async () => {
      const dir = workspaces.make();
      const run = await runActionBundle('unpack-solution', {
        workspace: dir,
        inputs: {
          'solution-file': path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip'),
          folder: 'src',
        },
        env: LAPTOP,
      });
      expect(run.stdout).not.toContain('failed unexpectedly');
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ 'unique-name': 'customHIL', changed: 'true' });
      expect(readFileSync(path.join(dir, 'src/Other/Solution.xml'), 'utf8')).toContain(
        '<UniqueName>customHIL',
      );
    });
  },
);
