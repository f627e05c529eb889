import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/model/finding.js';
import { existingFailuresNote, formatText, renderJobSummary } from '../../src/reporters/index.js';
import { tasksFinding, tasksResult } from '../helpers/one-connector-result.js';

/** A finding of `ruleId` that the base had (`existing`) or that the change brought (`new`). */
function marked(ruleId: string, severity: Finding['severity'], baseline: 'new' | 'existing'): Finding {
  return { ...tasksFinding(ruleId, severity), baseline };
}

const ADVICE = 'already in the base: fix';

describe('existingFailuresNote', () => {
  it('counts the failing findings the base already had, among those that fail the run', () => {
    const findings = [
      marked('SWG-A', 'error', 'existing'),
      marked('SWG-B', 'error', 'new'),
      marked('SWG-C', 'error', 'new'),
      // Below fail-on error: they fail nothing, so they are not counted either way.
      marked('SWG-D', 'warning', 'existing'),
    ];
    expect(existingFailuresNote(findings, 'error', '--only-new')).toBe(
      '1 of the 3 failing findings was already in the base: fix it or ask the reviewers; --only-new fails only on findings new since the base.',
    );
    // fail-on warning makes the warning a failing finding too.
    expect(existingFailuresNote(findings, 'warning', 'only-new: true')).toBe(
      '2 of the 4 failing findings were already in the base: fix them or ask the reviewers; only-new: true fails only on findings new since the base.',
    );
  });

  it('says when every failing finding was already there, as in most replayed failures', () => {
    expect(existingFailuresNote([marked('SWG-A', 'error', 'existing')], 'error', '--only-new')).toBe(
      'The failing finding was already in the base: fix it or ask the reviewers; --only-new fails only on findings new since the base.',
    );
    const two = [marked('SWG-A', 'error', 'existing'), marked('SWG-B', 'error', 'existing')];
    expect(existingFailuresNote(two, 'error', '--only-new')).toMatch(
      /^All 2 failing findings were already in the base: fix them /,
    );
  });

  it('says nothing when no failing finding is existing', () => {
    // Without a base, findings carry no baseline.
    expect(existingFailuresNote([tasksFinding('SWG-A', 'error')], 'error', '--only-new')).toBeUndefined();
    // Existing findings below fail-on, or a run that cannot fail.
    const existingWarning = [marked('SWG-A', 'error', 'new'), marked('SWG-B', 'warning', 'existing')];
    expect(existingFailuresNote(existingWarning, 'error', '--only-new')).toBeUndefined();
    expect(
      existingFailuresNote([marked('SWG-A', 'error', 'existing')], 'never', '--only-new'),
    ).toBeUndefined();
  });

  it('leaves the breaking changes to fail-on-breaking: an existing one does not count', () => {
    // A BRK-* finding is judged by fail-on-breaking, never by fail-on (judgeRun).
    const findings = [marked('BRK-OP-DELETED', 'error', 'existing'), marked('SWG-A', 'error', 'new')];
    expect(existingFailuresNote(findings, 'error', '--only-new')).toBeUndefined();
  });
});

describe('the reports that end a failing run', () => {
  const findings = [marked('SWG-A', 'error', 'existing'), marked('SWG-B', 'warning', 'new')];

  it('text: a line after the count, when given the --fail-on level', () => {
    expect(formatText(tasksResult(findings), { failOn: 'error' }).trimEnd().split('\n').slice(-3)).toEqual([
      '2 problems (1 error, 1 warning, 0 info) in 1 connector; 1 new since the base.',
      'The failing finding was already in the base: fix it or ask the reviewers; --only-new fails only on findings new since the base.',
      'Run connector-alm rules <rule-id> for what a rule checks and how to fix it.',
    ]);
    expect(formatText(tasksResult(findings), { failOn: 'never' })).not.toContain(ADVICE);
  });

  it('job summary: beside the ❌ of the headline, naming the action input', () => {
    expect(renderJobSummary(tasksResult(findings), { failOn: 'error' })).toContain(
      '❌ 1 connector checked: 1 error, 1 warning, 0 info; 1 new since the base. The failing finding was already in the base: fix it or ask the reviewers; `only-new: true` (an input of validate-connector and of the connector-pr-check workflow) fails only on findings new since the base.\n',
    );
    expect(renderJobSummary(tasksResult(findings), { failOn: 'never' })).not.toContain(ADVICE);
  });
});
