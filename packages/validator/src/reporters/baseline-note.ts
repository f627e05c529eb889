import type { Finding } from '../model/finding.js';
import type { ValidationResult } from '../validate.js';
import { comparedWithBase } from '../git/base-validation.js';
import { fixedInPart, fixedSinceBase } from '../git/fixed-findings.js';

/**
 * `; 2 new and 7 fixed since the base`, for the count line of a report validated against a base
 * (`; 2 new, 7 fixed and 1 fixed in part since the base` when some findings lost parts, `fixedInPart`):
 * the line with which a maker judges a change to a legacy connector, whose old findings would
 * otherwise drown what the change did, and sees after a push whether it made progress. Without
 * `always`, said only when it tells more than the count: some findings are existing, or some of the
 * base's are fixed (`; 9 new since the base` when none is); empty without a base, or when every
 * finding is new and nothing was fixed. With `always` (the job summary's headline, whose first line
 * answers "did I make progress?"), said whenever the run compared with a base and found or fixed anything.
 */
export function newSinceBaseNote(result: ValidationResult, always = false): string {
  const findings: readonly Finding[] = result.findings;
  const fixed = comparedWithBase(result) ? fixedSinceBase(result.diffs).length : 0;
  const inPart = fixedInPart(findings);
  const fresh = countNewSinceBase(findings);
  if (inPart > 0) return `; ${fresh} new, ${fixed} fixed and ${inPart} fixed in part since the base`;
  if (fixed > 0) {
    return findings.length === 0
      ? `; ${fixed} fixed since the base`
      : `; ${fresh} new and ${fixed} fixed since the base`;
  }
  if (always && comparedWithBase(result) && findings.length > 0)
    return `; ${fresh} new and 0 fixed since the base`;
  if (!findings.some((finding) => finding.baseline === 'existing')) return '';
  return `; ${fresh} new since the base`;
}

/**
 * How many findings are new since the base: the count the headline, the status table's column and the
 * JSON report's `base.counts.new` all give. Not those of a folder in no git work tree (`uncompared`),
 * which are neither new nor existing.
 */
export function countNewSinceBase(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.baseline === 'new').length;
}
