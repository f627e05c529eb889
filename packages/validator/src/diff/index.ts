/** Breaking-change detection between two versions of a connector, and new-versus-existing findings. */
export * from './baseline.js';
export * from './change.js';
export * from './change-standing.js';
export * from './change-progress.js';
export { CHANGE_RULES } from './change-rules.js';
export { ALL_CHANGE_RULES, type DocumentedChangeRule } from './documented-change-rules.js';
export type { ChangeRule } from './change-rule-type.js';
export * from './connector-diff.js';
export * from './connector-version.js';
export * from './diff-paths.js';
export { jsonEqual } from './json-equal.js';
