import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  nodeWarnings,
  REPO_ROOT,
  runActionBundle,
  runnerNodeBinary,
  runnerNodeMissing,
  temporaryFolder,
} from '@connector-alm/testing';
import { actionRuntime, ensureRunnerNode } from '../../../scripts/runner-node.mjs';

const scratch = temporaryFolder('runner-node-');

const missing = runnerNodeMissing();
if (missing) {
  console.log(`skipped: the action bundles run on this Node.js (${process.version}) here: ${missing}.`);
}
const onRunnerNode = missing ? it.skip : it;

describe("the runner's Node.js", () => {
  onRunnerNode('is the major every action.yml names, and the bundles really run on it', async () => {
    const { major } = actionRuntime();
    const workspace = path.join(scratch, 'workspace');
    cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    // A module the bundle's process loads before it starts, writing down the Node.js it runs on.
    const probe = path.join(scratch, 'probe.cjs');
    const seen = path.join(scratch, 'seen-version');
    writeFileSync(probe, `require('node:fs').writeFileSync(${JSON.stringify(seen)}, process.version);`);

    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { path: 'certified-connectors' },
      env: { NODE_OPTIONS: `--require ${JSON.stringify(probe)}` },
    });

    expect(run.exitCode).toBe(0);
    expect(readFileSync(seen, 'utf8')).toMatch(new RegExp(`^v${major}\\.`));
  });
});

describe('.github/workflows/ci.yml', () => {
  it("tests on the oldest Node.js the CLI supports and on the actions' runtime", () => {
    const ci = parseYaml(readFileSync(path.join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
      jobs: { test: { strategy: { matrix: { node: number[] } } } };
    };
    const engines = (
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    const oldest = Number(/^>=(\d+)\./.exec(engines)?.[1]);

    expect(ci.jobs.test.strategy.matrix.node).toEqual([oldest, actionRuntime().major]);
  });
});

describe('CONNECTOR_ALM_RUNNER_NODE', () => {
  it('is refused when it is not of the major the actions name, naming the variable and the major', () => {
    const { major } = actionRuntime();
    const wrong =
      major === Number(process.versions.node.split('.')[0]) ? '/nonexistent/node' : process.execPath;
    expect(() => ensureRunnerNode(REPO_ROOT, { CONNECTOR_ALM_RUNNER_NODE: wrong })).toThrow(
      `CONNECTOR_ALM_RUNNER_NODE is ${wrong}, which`,
    );
    expect(() => ensureRunnerNode(REPO_ROOT, { CONNECTOR_ALM_RUNNER_NODE: wrong })).toThrow(
      `point it at a Node.js ${major} binary`,
    );
  });
});

describe('runActionBundle', () => {
  it('fails the test when the bundle prints a Node.js warning into the job log', async () => {
    const workspace = path.join(scratch, 'warned');
    cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    const probe = path.join(scratch, 'warn.cjs');
    writeFileSync(probe, "process.emitWarning('a deprecated call', 'DeprecationWarning', 'DEP0999');");

    await expect(
      runActionBundle('validate-connector', {
        workspace,
        inputs: { path: 'certified-connectors' },
        env: { NODE_OPTIONS: `--require ${JSON.stringify(probe)}` },
      }),
    ).rejects.toThrow(
      /The validate-connector bundle printed Node\.js warnings into the job log:\n\(node:\d+\) \[DEP0999\] DeprecationWarning: a deprecated call/,
    );
  });
});

describe('nodeWarnings', () => {
  it("finds the warnings Node.js printed, and none of the action's own lines", () => {
    const script = [
      "process.emitWarning('old API', 'DeprecationWarning', 'DEP0999');",
      "process.emitWarning('new API', 'ExperimentalWarning');",
      "console.error('::error file=a.json,line=1::warning: not a Node.js warning');",
      "console.error('Warning: a line of our own');",
    ].join('\n');
    const run = spawnSync(runnerNodeBinary(), ['-e', script], { encoding: 'utf8' });

    const found = nodeWarnings(run.stderr);

    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^\(node:\d+\) \[DEP0999\] DeprecationWarning: old API$/);
    expect(found[1]).toMatch(/^\(node:\d+\) ExperimentalWarning: new API$/);
  });
});
