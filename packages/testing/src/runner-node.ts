/**
 * The Node.js binary that tests start action bundles with: the runner's (the major every action.yml
 * names in `runs.using`), which Jest's global setup finds or installs (scripts/runner-node.mjs), else
 * the Node.js running the tests, where the npm registry has no build of that major for this platform.
 */
export function runnerNodeBinary(): string {
  return process.env.CONNECTOR_ALM_RUNNER_NODE || process.execPath;
}

/** Why the action bundles run on the tests' own Node.js, when Jest's global setup found no other. */
export function runnerNodeMissing(): string | undefined {
  return process.env.CONNECTOR_ALM_RUNNER_NODE ? undefined : process.env.CONNECTOR_ALM_RUNNER_NODE_MISSING;
}
