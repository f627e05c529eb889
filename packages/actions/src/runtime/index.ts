export * from './actions-logger.js';
export * from './inputs.js';
export * from './run-action.js';
