import { describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import { workspaceWithConnector } from './helpers/pull-request-repo.js';
import { expectFailedWith } from './helpers/step-failure.js';
import { UNANSWERED_SIGN_IN } from './helpers/unanswered-sign-in.js';

// Every number an action reads (a size, a count, minutes): a unit, a sign, a fraction or zero is
// refused naming the input and what it takes, as the step's one error, before any work. A count
// that may be 0 (max-annotations: none) refuses the rest.
describe('a numeric input that is no positive whole number', () => {
  const workspace = workspaceWithConnector();

  it.each<[string, string, string, Record<string, string>]>([
    ['unpack-solution', 'max-size-mb', '10MB', { 'solution-file': 'solution.zip', folder: 'src' }],
    ['extract-connectors', 'max-size-mb', '-1', { source: 'solution.zip', destination: 'connectors' }],
    [
      'export-solution',
      'max-async-wait-time',
      '0',
      { ...UNANSWERED_SIGN_IN, 'solution-name': 'Contoso', 'solution-output-file': 'out.zip' },
    ],
    [
      'import-solution',
      'max-async-wait-time',
      '30m',
      { ...UNANSWERED_SIGN_IN, 'solution-file': 'solution.zip' },
    ],
  ])('%s %s: %s is refused', async (action, input, value, inputs) => {
    const run = await runActionBundle(action, { workspace, inputs: { ...inputs, [input]: value } });
    expectFailedWith(run, {
      level: 'error',
      message: `Input '${input}' must be a positive whole number; got '${value}'.`,
    });
    expect(run.stdout).not.toMatch(/This is a bug|\n\s+at /);
  });
});

describe('a count that may be 0, given as something else', () => {
  const workspace = workspaceWithConnector();

  it.each(['1.5', '-1', '10 annotations'])(
    'validate-connector max-annotations: %s is refused',
    async (value) => {
      const run = await runActionBundle('validate-connector', {
        workspace,
        inputs: { 'max-annotations': value },
      });
      expectFailedWith(run, {
        level: 'error',
        message: `Input 'max-annotations' must be a whole number, 0 or more; got '${value}'.`,
      });
      expect(run.stdout).not.toMatch(/This is a bug|\n\s+at /);
    },
  );
});
