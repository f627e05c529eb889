/**
 * @connector-alm/validator: offline validation of Power Platform connector folders with the
 * certification rules of PowerPlatformConnectors.
 */
export * from './config/index.js';
export * from './diff/index.js';
export * from './engine.js';
export * from './fix/index.js';
export * from './git/index.js';
export * from './json/index.js';
export * from './loader/index.js';
export * from './model/index.js';
export * from './parallel/index.js';
export * from './reporters/index.js';
export * from './repository/index.js';
export { ALL_RULES, findRule } from './rules/index.js';
export { extractionTodos } from './rules/readme/extraction-todos.js';
export type { PlaceholderMatch } from './rules/readme/placeholder-matches.js';
export * from './swagger/index.js';
export * from './profile-fallback.js';
export * from './thresholds.js';
export * from './validate.js';
export * from './connector-result.js';
