/** Git plumbing for comparing a branch with its base: changed connectors, base versions, baselines. */
export * from './changed-connectors.js';
export * from './git.js';
export * from './materialize.js';
export * from './validate-against-base.js';
export * from './config-at-base.js';
