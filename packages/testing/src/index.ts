export * from './run-action.js';
export * from './workflow-commands.js';
