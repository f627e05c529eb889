/**
 * The test helpers other packages' tests use, as `@connector-alm/github/testing`: a fork, an upstream and
 * a local GitHub API to open pull requests against.
 */
export * from './scenario.js';
export * from './scenario-hooks.js';
export * from './submit-connector.js';
export * from './write-spacing.js';
