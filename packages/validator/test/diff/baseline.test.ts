import { describe, expect, it } from '@jest/globals';
import { markBaseline } from '../../src/diff/baseline.js';
import type { Finding } from '../../src/model/finding.js';

function finding(connector: string, overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'SWG-X',
    severity: 'error',
    message: 'Bad.',
    file: `${connector}/apiDefinition.swagger.json`,
    line: 1,
    column: 1,
    connector,
    ...overrides,
  };
}

const current = (overrides: Partial<Finding>) => finding('certified-connectors/A', overrides);
const base = (overrides: Partial<Finding>) => finding('/tmp/base-1/certified-connectors/A', overrides);

describe('markBaseline', () => {
  it('matches on rule, connector-relative file, pointer and message, whatever the line', () => {
    const marked = markBaseline(
      [current({ pointer: '/info', line: 40 }), current({ pointer: '/host', line: 2 })],
      [base({ pointer: '/info', line: 4 })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['existing', 'new']);
  });

  it('falls back to rule, file and message when the pointer moved (a parameter inserted before it)', () => {
    const message = "The parameter 'x' has no summary.";
    const marked = markBaseline(
      [current({ pointer: '/paths/~1a/get/parameters/1', message })],
      [base({ pointer: '/paths/~1a/get/parameters/0', message })],
    );
    expect(marked[0]!.baseline).toBe('existing');
  });

  it('counts: a problem that now occurs twice is once existing and once new', () => {
    const readme = { file: 'certified-connectors/A/readme.md', message: 'TODO left.' };
    const marked = markBaseline(
      [current({ ...readme, line: 3 }), current({ ...readme, line: 9 })],
      [base({ ...readme, file: '/tmp/base-1/certified-connectors/A/readme.md', line: 3 })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['existing', 'new']);
  });

  it('does not let a loose match steal a base finding matched exactly', () => {
    const marked = markBaseline(
      [current({ pointer: '/b' }), current({ pointer: '/a' })],
      [base({ pointer: '/a' })],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['new', 'existing']);
  });

  it('tells other files and rules apart', () => {
    const marked = markBaseline(
      [current({ file: 'certified-connectors/A/apiProperties.json' }), current({ ruleId: 'SWG-Y' })],
      [base({})],
    );
    expect(marked.map((f) => f.baseline)).toEqual(['new', 'new']);
  });
});
