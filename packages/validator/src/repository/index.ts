/** Rules beyond one connector folder: the pull request, and the repository's other connectors. */
export * from './changed-connector.js';
export * from './check-changed-connectors.js';
export * from './connector-identity.js';
export * from './icon-hash.js';
export * from './pull-request-facts.js';
export * from './read-repository-index.js';
export * from './repository-index.js';
export * from './repository-rule-context.js';
export * from './rules/index.js';
export * from './run-repository-rules.js';
