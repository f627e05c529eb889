/**
 * The test helpers other packages' tests use, as `@connector-alm/dataverse/testing`: solution zips built
 * in memory and the real solution exports of ../shared.
 */
export * from './solution-zip.js';
export * from './fixtures.js';
