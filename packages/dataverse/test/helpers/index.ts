/**
 * The test helpers other packages' tests use, as `@connector-alm/dataverse/testing`: solution zips built
 * in memory, the real solution exports of ../shared, and certificates made by openssl.
 */
export * from './solution-zip.js';
export * from './fixtures.js';
export * from './certificate.js';
export * from './closed-port.js';
export * from './sentinel-sign-ins.js';
