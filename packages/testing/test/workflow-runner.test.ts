import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateCondition, interpolate } from '../src/expressions.js';
import { REPO_ROOT } from '../src/run-action.js';
import { runWorkflowJob } from '../src/workflow-runner.js';
import { writeFileSync } from 'node:fs';

describe('expressions, evaluated as the runner does', () => {
  const contexts = { steps: { a: { outputs: { n: '3' } } }, inputs: { flag: false, name: 'x' } };

  it('interpolates step outputs and inputs', () => {
    expect(interpolate('n=${{ steps.a.outputs.n }} ${{ inputs.name }}', contexts)).toBe('n=3 x');
  });

  it('gives conditions an implicit success()', () => {
    expect(evaluateCondition("steps.a.outputs.n == '3'", contexts, 'success')).toBe(true);
    expect(evaluateCondition("steps.a.outputs.n == '3'", contexts, 'failure')).toBe(false);
    expect(evaluateCondition('${{ always() && !inputs.flag }}', contexts, 'failure')).toBe(true);
  });
});

describe('runWorkflowJob', () => {
  it("runs CI's validate-example job with the built validate-connector bundle", async () => {
    const result = await runWorkflowJob(
      path.join(REPO_ROOT, '.github/workflows/ci.yml'),
      'validate-example',
      {
        workspace: REPO_ROOT,
        eventName: 'push',
        externalActions: { 'actions/checkout': () => ({}) },
      },
    );
    expect(result.status).toBe('success');
    expect(result.steps[1]!.action!.outputs.connectors).toBe(
      JSON.stringify(['examples/certified-connectors/Contoso Tasks']),
    );
  });

  it('passes outputs between run steps and stops after a failure', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'wf-'));
    const file = path.join(workspace, 'wf.yml');
    writeFileSync(
      file,
      [
        'on: push',
        'jobs:',
        '  j:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - id: one',
        '        run: echo "value=hello" >> "$GITHUB_OUTPUT"',
        '      - id: two',
        '        run: test "${{ steps.one.outputs.value }}" = hello && exit 3',
        '      - id: three',
        '        run: echo never',
        '      - id: four',
        '        if: failure()',
        '        run: echo "seen=${{ steps.two.outcome }}" >> "$GITHUB_OUTPUT"',
      ].join('\n'),
    );
    const result = await runWorkflowJob(file, 'j', { workspace, eventName: 'push' });
    expect(result.status).toBe('failure');
    expect(result.steps.map((s) => s.outcome)).toEqual(['success', 'failure', 'skipped', 'success']);
    expect(result.steps[3]!.outputs).toEqual({ seen: 'failure' });
  });
});
