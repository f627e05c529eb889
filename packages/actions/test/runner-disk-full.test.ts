import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
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
