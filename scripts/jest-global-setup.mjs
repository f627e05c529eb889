// Jest's global setup: finds or installs the runner's Node.js (scripts/runner-node.mjs) once per test
// run and hands it to the test workers, which start every action bundle with it.
import path from 'node:path';
import { ensureRunnerNode } from './runner-node.mjs';

export default function globalSetup() {
  const runner = ensureRunnerNode();
  if (runner.binary) {
    process.env.CONNECTOR_ALM_RUNNER_NODE = runner.binary;
    console.log(
      `\nAction bundles run on Node.js ${runner.version} (${path.relative(process.cwd(), runner.binary)}).`,
    );
  } else {
    process.env.CONNECTOR_ALM_RUNNER_NODE_MISSING = runner.missing;
    console.log(
      `\nAction bundles run on this Node.js (${process.version}): ${runner.missing}. Set CONNECTOR_ALM_RUNNER_NODE to a Node.js binary of the actions' major to test on it.`,
    );
  }
}
