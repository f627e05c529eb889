import type { Severity } from './finding.js';
import type { Report } from './report.js';
import type { RuleMetadata } from './rule.js';

/**
 * A rule's report with the severity it has, before it is located in its file. Its own module: the
 * engine makes these, and misspelt-key-values.ts, which the engine calls, reads them.
 */
export interface PendingFinding {
  rule: RuleMetadata;
  severity: Severity;
  report: Report;
}
