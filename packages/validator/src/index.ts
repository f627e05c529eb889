/**
 * @connector-alm/validator: offline validation of Power Platform connector folders with the
 * certification rules of PowerPlatformConnectors.
 */
export * from './config/config-types.js';
export * from './engine.js';
export * from './json/index.js';
export * from './loader/index.js';
export * from './model/index.js';
export { ALL_RULES, findRule } from './rules/index.js';
export * from './swagger/index.js';
export * from './validate.js';
