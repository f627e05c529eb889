export * from './expressions.js';
export * from './run-action.js';
export * from './runner-node.js';
export * from './node-warnings.js';
export * from './workflow-commands.js';
export * from './workflow-runner.js';
export type { JobResult, StepResult } from './job-result.js';
export type {
  ExternalAction,
  ExternalActionSpec,
  GitHubEnvironment,
  IdTokenEndpoint,
  NeedsEntry,
  RunJobOptions,
} from './run-job-options.js';
export type { WorkflowStep } from './workflow-file.js';
export * from './workflow-jobs.js';
export * from './case-insensitive-fs.js';
export * from './dns.js';
export * from './unwritable-folder.js';
export * from './raw-zip.js';
export * from './temporary-folders.js';
export * from './shared-fixtures.js';
export * from './located-message.js';
export * from './until.js';
export * from './git.js';
export * from './leaks.js';
export * from './long-answer-server.js';
export * from './as-nobody.js';
export * from './another-owner.js';
export * from './random-text.js';
export * from './system-calls.js';
