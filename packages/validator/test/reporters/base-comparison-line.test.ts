import { describe, expect, it } from '@jest/globals';
import type { ConnectorChangeStatus } from '../../src/git/base-validation.js';
import type { DiffResult } from '../../src/diff/change.js';
import { formatText } from '../../src/reporters/index.js';
import { baseComparisonLine } from '../../src/reporters/base-comparison-line.js';
import { tasksResult } from '../helpers/one-connector-result.js';

const HEADER = 'certified-connectors/Tasks [certified]: no problems';

/** certified-connectors/Tasks validated against dev, its comparison as `status` and `diff` say. */
function againstDev(status: ConnectorChangeStatus, diff?: DiffResult) {
  const path = 'certified-connectors/Tasks';
  return {
    ...tasksResult([]),
    baseRef: 'dev',
    mergeBase: 'a'.repeat(40),
    diffs: [{ path, repositoryPath: path, status, diff }],
  };
}

describe("the comparison's line under a connector's header", () => {
  it('counts the changes and the breaking ones, with the command that lists them', () => {
    const change = { breaking: false } as DiffResult['changes'][number];
    const text = formatText(
      againstDev('changed', { changes: [change, change], classification: 'major-update' }),
    );
    expect(text.split('\n').slice(0, 2)).toEqual([
      HEADER,
      'against dev: major-update (2 changes, 0 breaking; connector-alm validate certified-connectors/Tasks --base dev --format json lists them under "base").',
    ]);
  });

  it('counts the warnings that break nothing too, as the job summary and the pull request list them apart', () => {
    const warning = { breaking: false, severity: 'warning' } as DiffResult['changes'][number];
    const info = { breaking: false, severity: 'info' } as DiffResult['changes'][number];
    const line = baseComparisonLine(
      againstDev('changed', { changes: [warning, info, info], classification: 'major-update' }),
      'certified-connectors/Tasks',
    );
    expect(line).toMatch(
      /^against dev: major-update \(3 changes, 0 breaking, 1 warning; connector-alm validate /,
    );
  });

  it("repeats the run's options, quoted, and gives a path that starts with '-' as ./-x", () => {
    const change = { breaking: true } as DiffResult['changes'][number];
    const result = againstDev('changed', { changes: [change], classification: 'breaking' });
    const path = '-x';
    const dashed = { ...result, diffs: [{ ...result.diffs[0]!, path, repositoryPath: path }] };
    const line = baseComparisonLine(dashed, path, ['--config', 'ci/my rules.yml', '--profile', 'certified']);
    expect(line).toBe(
      `against dev: breaking (1 change, 1 breaking; connector-alm validate ./-x --base dev --config 'ci/my rules.yml' --profile certified --format json lists them under "base").`,
    );
  });

  it('says no-change alone for a changed connector whose compared files are as at the base', () => {
    const text = formatText(againstDev('changed', { changes: [], classification: 'no-change' }));
    expect(text.split('\n').slice(0, 2)).toEqual([HEADER, 'against dev: no-change.']);
  });

  it.each(['unchanged', 'added'] as const)(
    'is not there for a connector %s, which was not compared',
    (status) => {
      expect(formatText(againstDev(status)).split('\n')[1]).toBe('');
    },
  );

  it('is not there without a base', () => {
    expect(formatText(tasksResult([]))).not.toContain('against');
  });
});
