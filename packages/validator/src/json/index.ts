export * from './json-document.js';
export * from './line-index.js';
export * from './locate.js';
export * from './pointer.js';
