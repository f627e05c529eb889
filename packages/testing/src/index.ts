export * from './expressions.js';
export * from './run-action.js';
export * from './workflow-commands.js';
export * from './workflow-runner.js';
export * from './workflow-jobs.js';
export * from './case-insensitive-fs.js';
export * from './dns.js';
export * from './unwritable-folder.js';
