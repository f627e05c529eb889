import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';

// A runner whose disk is full (a common end of a long job) cannot take the step's outputs or job
// summary. The step said "connector-alm failed unexpectedly … This is a bug", and when the outputs
// file was the one that failed, Node's stack trace followed. /dev/full answers every write with
// ENOSPC, as a full disk does.
const full = existsSync('/dev/full') ? describe : describe.skip;

full('validate-connector on a runner whose disk is full', () => {
  const runOn = (file: 'GITHUB_STEP_SUMMARY' | 'GITHUB_OUTPUT') =>
    runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(JSON.stringify(validSwagger(), null, 2)),
      env: { [file]: '/dev/full' },
    });

  it.each(['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT'] as const)(
    'fails the step saying the disk is full, when %s cannot be written, without a stack trace',
    async (file) => {
      const run = await runOn(file);
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toEqual([
        {
          level: 'error',
          message:
            'A file could not be written: the disk is full (ENOSPC, write). Free some space on the runner and run it again.',
        },
      ]);
      expect(run.stdout + run.stderr).not.toMatch(/\bbug\b|\n\s+at /);
    },
  );
});

describe('validate-connector with a SARIF report past the file size limit', () => {
  // Past `ulimit -f` the system refuses the write with EFBIG, as a full disk does with ENOSPC. The report
  // was left behind empty, for upload-sarif to fail on.
  it('fails at the input with the limit to raise, and leaves no report', async () => {
    const swagger = { swagger: '2.0', info: { title: 'Contoso' }, paths: {} };
    const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'reports/connector-alm.sarif' },
      fileSizeLimitKb: 8,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.at(-1)).toEqual({
      level: 'error',
      message:
        "Input 'sarif-file' cannot be written: it would grow past the largest file this process may write (EFBIG). Raise the file size limit (ulimit -f) on the runner and run it again.",
    });
    expect(existsSync(path.join(workspace, 'reports'))).toBe(false);
  });
});
