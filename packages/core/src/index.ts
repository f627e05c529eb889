export * from './errors.js';
export * from './logger.js';
export * from './version.js';
export * from './paths.js';
export * from './printable.js';
export * from './workflow-commands.js';
export * from './message-urls.js';
export * from './socket-failure.js';
