import type { Finding } from './model/finding.js';
import { CHANGE_RULES } from './diff/change-rules.js';
import type { BaseValidationResult } from './git/base-validation.js';
import { countBySeverity, type SeverityCounts, type ValidationResult } from './validate.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
/** Words written for `never`, which no edit distance finds: what a "Did you mean" offers for them. */
export const FAIL_ON_MEANT: Readonly<Record<string, FailOn>> = {
  none: 'never',
  off: 'never',
  no: 'never',
  false: 'never',
  nothing: 'never',
};

/** True when the result has a finding at or above the threshold. */
export function failsThreshold(result: Pick<ValidationResult, 'counts'>, failOn: FailOn): boolean {
  // From reachesFailOn, so that the run's verdict and the findings --quiet lists never disagree.
  const { counts } = result;
  return (
    (reachesFailOn('error', failOn) && counts.error > 0) ||
    (reachesFailOn('warning', failOn) && counts.warning > 0) ||
    (reachesFailOn('info', failOn) && counts.info > 0)
  );
}

/**
 * True when a finding of this severity reaches the threshold: what `validate --quiet` lists. The
 * level alone, as failsThreshold counts it: a breaking change is an error here too.
 */
export function reachesFailOn(severity: Finding['severity'], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return severity !== 'info';
  return severity === 'error';
}

/** The change rules whose changes break existing flows (impact `breaking`), by id. */
const BREAKING_CHANGE_RULE_IDS: ReadonlySet<string> = new Set(
  Object.values(CHANGE_RULES)
    .filter((rule) => rule.impact === 'breaking')
    .map((rule) => rule.id),
);

/**
 * A breaking change against the base, which validation against a base adds as a finding (BRK-*).
 * The action leaves these to its fail-on-breaking input rather than to fail-on: reviewers accept a
 * breaking change that is acknowledged, so by default it is reported but does not fail the step.
 * BRK-DEPRECATION-PROCESS is a BRK-* finding too, but of a process slip that breaks nothing: it is a
 * warning like any other, judged by fail-on (else neither input could ever fail a run on it).
 */
export function isBreakingChange(finding: Pick<Finding, 'ruleId'>): boolean {
  return BREAKING_CHANGE_RULE_IDS.has(finding.ruleId);
}

/**
 * The findings that fail-on judges: all but the breaking changes, which fail-on-breaking alone
 * decides on. The step's result, `validate`'s exit code and the job summary's ❌ all come from this.
 */
export function judgedByFailOn(findings: readonly Finding[]): readonly Finding[] {
  return findings.filter((finding) => !isBreakingChange(finding));
}

/** Whether a run fails, and why: what the validate-connector action and `validate` report and exit with. */
export interface RunVerdict {
  /** The findings that fail-on judges (all but the breaking changes), counted. */
  judged: SeverityCounts;
  /** The breaking changes against the base (none without a base), which fail-on-breaking alone judges. */
  breaking: number;
  /** The judged findings reach fail-on. */
  failsFindings: boolean;
  /** There are breaking changes and fail-on-breaking is true. */
  failsBreaking: boolean;
}

/**
 * Judges a run as the action does in CI, so that `validate --base` on a laptop passes and fails the
 * same pull requests: fail-on judges the findings but the breaking changes; fail-on-breaking
 * (`breakingChangesFail`) alone decides on those. Breaking changes are counted from the comparison
 * with the base, as the action's breaking-changes output counts them.
 */
export function judgeRun(
  result: ValidationResult | BaseValidationResult,
  failOn: FailOn,
  breakingChangesFail: boolean,
): RunVerdict {
  const judged = countBySeverity(judgedByFailOn(result.findings));
  const breaking =
    'diffs' in result
      ? result.diffs.reduce(
          (sum, entry) => sum + (entry.diff?.changes.filter((change) => change.breaking).length ?? 0),
          0,
        )
      : 0;
  return {
    judged,
    breaking,
    failsFindings: failsThreshold({ counts: judged }, failOn),
    failsBreaking: breakingChangesFail && breaking > 0,
  };
}
