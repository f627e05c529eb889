/** Reporters: the same validation result as text, JSON, SARIF, Actions annotations and a job summary. */
export * from './annotations.js';
export * from './artifact-path.js';
export * from './configuration-findings.js';
export * from './deleted-connectors.js';
export * from './fingerprint.js';
export * from './job-summary.js';
export * from './json-change.js';
export * from './json-reporter.js';
export { escapeMarkdown, htmlText, inlineCode } from './markdown.js';
export * from './rule-descriptor.js';
export * from './rules-markdown.js';
export * from './sarif-limits.js';
export * from './sarif-reporter.js';
export * from './summary-budget.js';
export * from './text-reporter.js';
export * from './tool-info.js';
