import type { Finding } from './model/finding.js';
import type { ValidationResult } from './validate.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** True when the result has a finding at or above the threshold. */
export function failsThreshold(result: Pick<ValidationResult, 'counts'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return result.counts.error + result.counts.warning > 0;
  return result.counts.error > 0;
}

/**
 * A breaking change against the base (BRK-*), which validation against a base adds as a finding.
 * The action leaves these to its fail-on-breaking input rather than to fail-on: reviewers accept a
 * breaking change that is acknowledged, so by default it is reported but does not fail the step.
 */
export function isBreakingChange(finding: Pick<Finding, 'ruleId'>): boolean {
  return finding.ruleId.startsWith('BRK-');
}

/**
 * The findings that fail-on judges: all of them, or, when breaking changes are left to the action's
 * fail-on-breaking input (`breakingChangesFail` false), the others. The step's result and the job
 * summary's ❌ both come from this.
 */
export function judgedByFailOn(
  findings: readonly Finding[],
  breakingChangesFail: boolean,
): readonly Finding[] {
  return breakingChangesFail ? findings : findings.filter((finding) => !isBreakingChange(finding));
}
