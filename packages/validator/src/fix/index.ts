export * from './fix-folders.js';
export * from './json-fix.js';
