/** The per-repository configuration file: finding, parsing and validating it. */
export * from './config-of-paths.js';
export * from './config-schema.js';
export * from './config-types.js';
export * from './find-config.js';
export * from './folder-settings.js';
export * from './ignore.js';
export * from './load-config.js';
export * from './config-loosening.js';
export * from './loosening-findings.js';
export * from './ignored-folders.js';
export * from './unmatched-globs.js';
export * from './unmatched-override-globs.js';
