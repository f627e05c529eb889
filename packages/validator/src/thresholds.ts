import type { ValidationResult } from './validate.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** True when the result has a finding at or above the threshold. */
export function failsThreshold(result: Pick<ValidationResult, 'counts'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return result.counts.error + result.counts.warning > 0;
  return result.counts.error > 0;
}
