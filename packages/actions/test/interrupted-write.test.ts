import { beforeAll, expect, it } from '@jest/globals';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeWith, REPO_ROOT, SOLUTION_FIXTURES, temporaryFolder } from '@connector-alm/testing';
import { actionRunnerWith } from './helpers/action-runner.js';

// GitHub cancels a job by sending its step SIGINT, then SIGTERM. The actions that write beside their
// target (a hidden ".folder.1a2b3c4d5e6f.tmp") and rename it into place at the end left that staging
// folder or file in the workspace, where a later step's `git add -A` commits it and a self-hosted
// runner's next job finds it. The built bundles are run as the runner runs them and signalled in the
// middle of writing.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const EXPORT = path.join(SOLUTION_FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');

let workspace: string;

function cli(args: string[]): void {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`connector-alm ${args.join(' ')}: ${run.stderr}`);
}

/** The files and folders of the workspace that a write left beside its target. */
function leftovers(): string[] {
  return readdirSync(workspace).filter((name) => name.endsWith('.tmp') || name.includes('.tmp.'));
}

/** Sends `signal` to the action as soon as it has begun writing beside its target. */
function signalMidWrite(signal: NodeJS.Signals): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (leftovers().length === 0) return;
      clearInterval(poll);
      child.kill(signal);
    }, 10);
    child.on('exit', () => clearInterval(poll));
  };
}

describeWith(SOLUTION_FIXTURES, 'interrupted action write')(
  'a cancelled job in the middle of a write',
  () => {
    beforeAll(() => {
      workspace = temporaryFolder('actions-interrupted-');
      // The real export with enough files in its connector folder that unpacking and packing it take a
      // second or two.
      cli(['unpack', EXPORT, 'source']);
      for (let n = 0; n < 3000; n++)
        writeFileSync(
          path.join(workspace, 'source/Connectors', `cat_pad${n}_openapidefinition.json`),
          JSON.stringify({ padding: 'x'.repeat(20_000) }),
        );
      cli(['pack', 'source', 'large.zip']);
    }, 120_000);

    it('unpack-solution, sent SIGINT, leaves no target and no hidden staging folder beside it', async () => {
      const unpack = actionRunnerWith('unpack-solution', { onStart: signalMidWrite('SIGINT') });
      const run = await unpack(workspace, { 'solution-file': 'large.zip', folder: 'out' });
      // Ended by the signal itself once the handler had cleaned up: an exit code (130) would say
      // the step handled the cancel itself and finished.
      expect(run.signal).toBe('SIGINT');
      expect(leftovers()).toEqual([]);
      expect(readdirSync(workspace).sort()).toEqual(['large.zip', 'source']);
    }, 120_000);

    it('pack-solution, sent SIGTERM, leaves no zip and no hidden staging file beside it', async () => {
      const pack = actionRunnerWith('pack-solution', { onStart: signalMidWrite('SIGTERM') });
      const run = await pack(workspace, { folder: 'source', 'solution-file': 'packed.zip' });
      expect(run.signal).toBe('SIGTERM');
      expect(leftovers()).toEqual([]);
      expect(readdirSync(workspace).sort()).toEqual(['large.zip', 'source']);
    }, 120_000);
  },
);
