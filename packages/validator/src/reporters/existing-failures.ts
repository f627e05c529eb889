import type { Finding } from '../model/finding.js';
import { judgedByFailOn, reachesFailOn, type FailOn } from '../thresholds.js';

/**
 * The action's switch as a workflow sets it, named where it is taken: a user of the reusable
 * workflow connector-pr-check, told only `only-new: true`, found no such input there (until it
 * took one) and had to write the job by hand.
 */
export function onlyNewInput(quote: (setting: string) => string = (setting) => setting): string {
  return `${quote('only-new: true')} (an input of validate-connector and of the connector-pr-check workflow)`;
}

/**
 * What a run that fails on findings the base already had says about them, or undefined when none of
 * its failing findings is existing (no base, only-new, or every failing finding new). Replays of real
 * pull requests failed about half the time on such findings (a layout, a brand colour, a Script.cs the
 * maker never touched) under a failure line that counted them as the maker's. The failing findings
 * are those fail-on judges that reach it, as judgeRun fails on them: breaking changes are new by
 * nature and left to fail-on-breaking. `onlyNew` names the switch as the reader sets it
 * (`--only-new`, `only-new: true`), so that the CLI and the action say the same words.
 */
export function existingFailuresNote(
  findings: readonly Finding[],
  failOn: FailOn,
  onlyNew: string,
): string | undefined {
  const failing = judgedByFailOn(findings).filter((finding) => reachesFailOn(finding.severity, failOn));
  const existing = failing.filter((finding) => finding.baseline === 'existing').length;
  if (existing === 0) return undefined;
  const one = existing === 1;
  const which =
    existing < failing.length
      ? `${existing} of the ${failing.length} failing findings ${one ? 'was' : 'were'}`
      : one
        ? 'The failing finding was'
        : `All ${existing} failing findings were`;
  return `${which} already in the base: fix ${one ? 'it' : 'them'} or ask the reviewers; ${onlyNew} fails only on findings new since the base.`;
}
