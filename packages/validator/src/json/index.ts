export * from './json-document.js';
export type { JsonSyntaxIssue } from './syntax/syntax-issue.js';
/** Deeper nesting is refused before anything recursive touches a document; core holds the limit. */
export { MAX_JSON_DEPTH } from '@connector-alm/core';
export { MAX_REPAIRED_CHARACTERS, parseRepaired, parseTolerantly } from './repaired-parse.js';
export * from './line-index.js';
export * from './locate.js';
export * from './pointer.js';
