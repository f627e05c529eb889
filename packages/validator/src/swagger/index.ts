export * from './json-values.js';
export * from './swagger-model.js';
