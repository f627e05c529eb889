export * from './finding.js';
export * from './report.js';
export * from './rule.js';
