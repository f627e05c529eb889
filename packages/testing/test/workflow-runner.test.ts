import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateCondition, interpolate } from '../src/expressions.js';
import { REPO_ROOT } from '../src/run-action.js';
import { temporaryFolder } from '../src/temporary-folders.js';
import { grantsIdToken, jobOrder } from '../src/workflow-jobs.js';
import { runWorkflow, runWorkflowJob } from '../src/workflow-runner.js';
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
    const workspace = temporaryFolder('wf-');
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

function workflowFile(lines: string[]): string {
  const file = path.join(temporaryFolder('wf-'), 'wf.yml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('jobOrder', () => {
  it('runs every job after the jobs it needs, in file order otherwise', () => {
    expect(
      jobOrder({ deploy: { needs: ['build', 'test'] }, test: { needs: 'build' }, build: {}, lint: {} }),
    ).toEqual(['build', 'test', 'deploy', 'lint']);
  });

  it('refuses unknown needs and cycles', () => {
    expect(() => jobOrder({ a: { needs: 'missing' } })).toThrow(/needs 'missing'/);
    expect(() => jobOrder({ a: { needs: 'b' }, b: { needs: 'a' } })).toThrow(/cycle/);
  });
});

describe('grantsIdToken', () => {
  it('follows the job permissions over the workflow ones, and denies by default', () => {
    expect(grantsIdToken(undefined, undefined)).toBe(false);
    expect(grantsIdToken({ 'id-token': 'write' }, undefined)).toBe(true);
    expect(grantsIdToken({ 'id-token': 'write' }, { contents: 'read' })).toBe(false);
    expect(grantsIdToken('write-all', undefined)).toBe(true);
    expect(grantsIdToken(undefined, { 'id-token': 'read' })).toBe(false);
  });
});

describe('runWorkflow', () => {
  const file = workflowFile([
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  first:',
    '    runs-on: ubuntu-latest',
    '    environment: ${{ github.ref_name }}-env',
    '    outputs:',
    '      url: ${{ steps.a.outputs.url }}',
    '    steps:',
    '      - id: a',
    '        run: echo "url=${{ vars.URL }}|${{ secrets.KEY }}|${ACTIONS_ID_TOKEN_REQUEST_URL:-none}" >> "$GITHUB_OUTPUT"',
    '  second:',
    '    needs: first',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      id-token: write',
    '    outputs:',
    '      seen: ${{ steps.b.outputs.seen }}',
    '    steps:',
    '      - id: b',
    '        run: |',
    '          echo "seen=${{ needs.first.outputs.url }}|$ACTIONS_ID_TOKEN_REQUEST_URL" >> "$GITHUB_OUTPUT"',
    '          test -d "$RUNNER_TEMP"',
    '          echo "# done" >> "$GITHUB_STEP_SUMMARY"',
    '          test "${{ vars.URL }}" = ""',
  ]);
  const options = {
    workspace: os.tmpdir(),
    eventName: 'push',
    github: { ref_name: 'main' },
    environments: { 'main-env': { vars: { URL: 'https://env' }, secrets: { KEY: 'k' } } },
    idToken: { requestUrl: 'http://127.0.0.1:1/token', requestToken: 't' },
  };

  it("passes job outputs through needs, scopes an environment's vars and secrets to its job, and gives the OIDC endpoint only with id-token: write", async () => {
    const run = await runWorkflow(file, options);
    expect(run.order).toEqual(['first', 'second']);
    expect(run.jobs.first).toMatchObject({ result: 'success', environment: 'main-env' });
    expect(run.jobs.first!.outputs).toEqual({ url: 'https://env|k|none' });
    expect(run.jobs.second!.result).toBe('success');
    expect(run.jobs.second!.outputs).toEqual({ seen: 'https://env|k|none|http://127.0.0.1:1/token' });
    expect(run.jobs.second!.steps![0]!.summary).toBe('# done\n');
  });

  it('skips a job whose needs failed', async () => {
    const failing = workflowFile(
      readFileSync(file, 'utf8')
        .replace('>> "$GITHUB_OUTPUT"\n  second', '>> "$GITHUB_OUTPUT"; exit 1\n  second')
        .split('\n'),
    );
    const run = await runWorkflow(failing, options);
    expect(run.jobs.first!.result).toBe('failure');
    expect(run.jobs.second).toEqual({ result: 'skipped', outputs: {} });
  });

  it('gives a reusable workflow the outputs its caller reads: on.workflow_call.outputs, from every job', async () => {
    const reusable = workflowFile([
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      name:',
      '        type: string',
      '        default: world',
      '    outputs:',
      '      greeting:',
      '        value: ${{ jobs.first.outputs.greeting }}',
      '      both:',
      "        value: ${{ format('{0}|{1}|{2}', jobs.first.result, jobs.second.outputs.lines, inputs.name) }}",
      '      unknown:',
      '        value: ${{ jobs.first.outputs.missing }}',
      'jobs:',
      '  first:',
      '    runs-on: ubuntu-latest',
      '    outputs:',
      '      greeting: ${{ steps.a.outputs.greeting }}',
      '    steps:',
      '      - id: a',
      '        run: echo "greeting=hello ${{ inputs.name }}" >> "$GITHUB_OUTPUT"',
      '  second:',
      '    needs: first',
      '    runs-on: ubuntu-latest',
      '    outputs:',
      '      lines: ${{ steps.b.outputs.lines }}',
      '    steps:',
      '      - id: b',
      '        run: printf \'lines<<EOF\\none\\ntwo\\nEOF\\n\' >> "$GITHUB_OUTPUT"',
    ]);
    const run = await runWorkflow(reusable, { workspace: os.tmpdir(), eventName: 'workflow_call' });
    expect(run.outputs).toEqual({ greeting: 'hello world', both: 'success|one\ntwo|world', unknown: '' });
    // A workflow that is not reusable has none.
    expect((await runWorkflow(file, options)).outputs).toEqual({});
  });

  it('refuses a step input that the action does not declare, before any step runs', async () => {
    const typo = workflowFile([
      'on: push',
      'jobs:',
      '  j:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: touch ran',
      '      - if: false',
      '        uses: actions/checkout@v7',
      '        with:',
      '          fetch-dept: 0',
    ]);
    const workspace = temporaryFolder('wf-');
    await expect(
      runWorkflowJob(typo, 'j', {
        workspace,
        eventName: 'push',
        externalActions: { 'actions/checkout': { inputs: ['fetch-depth'], run: () => ({}) } },
      }),
    ).rejects.toThrow("actions/checkout has no input 'fetch-dept'");
    expect(existsSync(path.join(workspace, 'ran'))).toBe(false);
  });
});
