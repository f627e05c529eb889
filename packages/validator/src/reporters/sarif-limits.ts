import { severityRank, type Finding } from '../model/finding.js';

/**
 * What GitHub code scanning takes from one SARIF upload, as documented in "SARIF support for code
 * scanning" (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#validating-your-sarif-file)
 * and "SARIF results exceed one or more limits"
 * (https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit):
 *
 * - a file whose gzip is over 10 MB is rejected ("SARIF results file is too large",
 *   https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/file-too-large);
 * - a run with more than 25,000 results is rejected, and of a run with more than 5,000 only 5,000 are
 *   stored, "prioritized by severity" (github/docs#38085 reports that the choice does not follow
 *   severity in practice);
 * - 20 runs per file, 25,000 rules per run, 1,000 locations per result (100 shown), 20 tags per rule
 *   (10 shown), 10,000 thread flow locations per result: we write one run, about a hundred rules, one
 *   location per result, at most two tags per rule and no thread flows, so only the first two matter.
 */
export interface SarifLimits {
  /** Results per run: code scanning stores no more. */
  results: number;
  /** Bytes of the gzip-compressed file: code scanning rejects a larger one. */
  gzipBytes: number;
}

/**
 * The results kept are those code scanning stores (5,000, not the 25,000 it accepts), so that we, not
 * GitHub, choose which: the most severe, and the report says how many it left out.
 */
export const GITHUB_SARIF_LIMITS: SarifLimits = { results: 5000, gzipBytes: 10 * 1000 * 1000 };

/**
 * The indexes of the findings in the order they deserve a place in a report cut short: errors, then
 * warnings, then notes; within a level the findings a change introduced (baseline `new`) before those
 * its base already had; otherwise in report order.
 */
export function indexesByImportance(findings: readonly Finding[]): number[] {
  const weight = (finding: Finding) =>
    severityRank(finding.severity) * 2 + (finding.baseline === 'new' ? 1 : 0);
  return findings
    .map((finding, index) => ({ index, weight: weight(finding) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.index);
}

/** The findings left out of a report, counted by severity. */
export interface LeftOutResults {
  total: number;
  /** Of all findings, how many the report holds. */
  kept: number;
  error: number;
  warning: number;
  info: number;
}

/** The counts of the findings whose indexes are not kept. */
export function countLeftOut(findings: readonly Finding[], kept: ReadonlySet<number>): LeftOutResults {
  const leftOut: LeftOutResults = { total: findings.length, kept: kept.size, error: 0, warning: 0, info: 0 };
  findings.forEach((finding, index) => {
    if (!kept.has(index)) leftOut[finding.severity] += 1;
  });
  return leftOut;
}
