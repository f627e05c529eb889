/**
 * The test helpers other packages' tests use, as `@connector-alm/validator/testing`: a valid connector to
 * start cases from.
 */
export * from './valid-connector.js';
