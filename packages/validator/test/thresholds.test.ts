import { describe, expect, it } from '@jest/globals';
import { diffConnectorFiles } from '../src/diff/connector-diff.js';
import type { BaseValidationResult } from '../src/git/base-validation.js';
import { JsonDocument } from '../src/json/json-document.js';
import {
  failsThreshold,
  isBreakingChange,
  judgedByFailOn,
  judgeRun,
  reachesFailOn,
} from '../src/thresholds.js';
import { tasksFinding as finding, tasksResult as resultOf } from './helpers/one-connector-result.js';
import { validSwagger } from './helpers/valid-connector.js';

describe('isBreakingChange', () => {
  it('is true of the change rules that break existing flows, and only of them', () => {
    expect(isBreakingChange(finding('BRK-OP-DELETED', 'error'))).toBe(true);
    expect(isBreakingChange(finding('BRK-HOST-BASEPATH', 'warning'))).toBe(true);
    // A process slip: BRK-* by name, of major impact.
    expect(isBreakingChange(finding('BRK-DEPRECATION-PROCESS', 'warning'))).toBe(false);
    expect(isBreakingChange(finding('SWG-OP-SUMMARY', 'error'))).toBe(false);
  });
});

describe('failsThreshold and reachesFailOn', () => {
  const counts = (error: number, warning: number, info: number) => ({ counts: { error, warning, info } });

  it('fails at fail-on warning on a warning or an error, never on info alone', () => {
    expect(failsThreshold(counts(0, 1, 0), 'warning')).toBe(true);
    expect(failsThreshold(counts(1, 0, 0), 'warning')).toBe(true);
    expect(failsThreshold(counts(0, 0, 5), 'warning')).toBe(false);
    expect(failsThreshold(counts(0, 0, 0), 'warning')).toBe(false);
  });

  it('fails at fail-on error on an error only, and never at never', () => {
    expect(failsThreshold(counts(1, 0, 0), 'error')).toBe(true);
    expect(failsThreshold(counts(0, 3, 3), 'error')).toBe(false);
    expect(failsThreshold(counts(2, 2, 2), 'never')).toBe(false);
  });

  it('lists for --quiet the severities that fail the run, and those only', () => {
    const listed = (failOn: 'error' | 'warning' | 'never') =>
      (['error', 'warning', 'info'] as const).filter((severity) => reachesFailOn(severity, failOn));
    expect(listed('error')).toEqual(['error']);
    expect(listed('warning')).toEqual(['error', 'warning']);
    expect(listed('never')).toEqual([]);
  });
});

describe('judgeRun', () => {
  it('leaves breaking changes out of what fail-on judges', () => {
    const findings = [finding('BRK-OP-DELETED', 'error'), finding('SWG-OP-SUMMARY', 'warning')];
    expect(judgedByFailOn(findings).map((judged) => judged.ruleId)).toEqual(['SWG-OP-SUMMARY']);
    const verdict = judgeRun(resultOf(findings), 'error', false);
    expect(verdict.judged).toEqual({ error: 0, warning: 1, info: 0 });
    expect(verdict.failsFindings).toBe(false);
    expect(judgeRun(resultOf(findings), 'warning', false).failsFindings).toBe(true);
  });

  it('fails on a deprecation without the versioning process at fail-on warning, not at error', () => {
    const findings = [finding('BRK-DEPRECATION-PROCESS', 'warning')];
    expect(judgeRun(resultOf(findings), 'warning', false).failsFindings).toBe(true);
    expect(judgeRun(resultOf(findings), 'error', true).failsFindings).toBe(false);
  });

  it('counts the breaking changes of the comparison with the base, not every change', () => {
    // One operation deleted (breaking), one description reworded (minor).
    const before = validSwagger();
    const after = validSwagger();
    delete after.paths['/tasks'].post;
    after.paths['/tasks'].get.description = 'Lists every task of the current user.';
    const diff = diffConnectorFiles(
      { swagger: JsonDocument.parse(JSON.stringify(before, null, 2)) },
      { swagger: JsonDocument.parse(JSON.stringify(after, null, 2)) },
    );
    expect(diff.changes.filter((change) => !change.breaking)).not.toEqual([]);
    const result: BaseValidationResult = {
      ...resultOf([]),
      baseRef: 'dev',
      mergeBase: 'abc123',
      diffs: [
        {
          path: 'certified-connectors/Tasks',
          repositoryPath: 'certified-connectors/Tasks',
          status: 'changed',
          diff,
        },
      ],
    };
    expect(judgeRun(result, 'error', false)).toMatchObject({ breaking: 1, failsBreaking: false });
    expect(judgeRun(result, 'never', true)).toMatchObject({ breaking: 1, failsBreaking: true });
  });
});
