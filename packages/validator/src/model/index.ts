export * from './finding.js';
export * from './rule.js';
