export * from './json-document.js';
export { MAX_REPAIRED_CHARACTERS, parseRepaired, parseTolerantly } from './repaired-parse.js';
export * from './line-index.js';
export * from './locate.js';
export * from './pointer.js';
