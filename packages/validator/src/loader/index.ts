export * from './connector-folder.js';
export * from './decode.js';
export * from './discover.js';
export * from './text-document.js';
export * from './paths-without-connectors.js';
export * from './solution-given.js';
export * from './connector-file-at.js';
