/**
 * @connector-alm/github: submits a connector folder to a PowerPlatformConnectors-style upstream as a
 * pull request from the token owner's fork, entirely over GitHub's REST API.
 */
export * from './api-errors.js';
export * from './branch-name.js';
export * from './clock.js';
export * from './connector-argument.js';
export * from './connector-files.js';
export { IGNORED_SWAGGER_ADVICE } from './no-swagger-refusal.js';
export * from './octokit-client.js';
export * from './open-pull-request.js';
export type { PullRequestOperation, PullRequestRefusal, PullRequestResult } from './pull-request-result.js';
export * from './open-pull-requests.js';
export * from './pull-request-text.js';
export * from './remote-file.js';
export * from './repository-name.js';
export * from './target-folder.js';
export * from './tree-changes.js';
export * from './write-interval.js';
