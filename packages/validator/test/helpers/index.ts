/**
 * The test helpers other packages' tests use, as `@connector-alm/validator/testing`: a valid connector to
 * start cases from (and to write into a folder), swaggers whose definitions reuse each other level after level, and a finding and
 * result of one connector for reporter tests.
 */
export * from './valid-connector.js';
export * from './write-valid-connector.js';
export * from './cut-swagger.js';
export * from './one-connector-result.js';
export * from './reference-graph.js';
