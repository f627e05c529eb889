import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';
import { outputsSetBySource, workflowReferenceProblems } from './helpers/workflow-references.js';

const options = { repositoryRoot: REPO_ROOT };
const workflowsDir = path.join(REPO_ROOT, '.github/workflows');
// The reusable workflows that users call; ci.yml and release.yml are this repository's own
// (release.yml is checked in release.e2e.test.ts).
const reusable = readdirSync(workflowsDir).filter((file) => /^connector-.*\.yml$/.test(file));
const actions = readdirSync(path.join(REPO_ROOT, 'actions'));

describe.each(reusable)('.github/workflows/%s', (file) => {
  it('uses actions, inputs, outputs, names and permissions that exist and fit', () => {
    expect(workflowReferenceProblems(path.join(workflowsDir, file), options)).toEqual([]);
  });
});

describe.each(actions)('actions/%s', (name) => {
  it('sets every output its action.yml declares, and no other', () => {
    const manifest = parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
      outputs?: Record<string, unknown>;
    };
    expect(outputsSetBySource(name, options)).toEqual(Object.keys(manifest.outputs ?? {}).sort());
  });
});

/** A copy of the repository's actions and workflows, with one workflow edited. */
function problemsOfEditedCopy(file: string, edit: (text: string) => string): string[] {
  const root = mkdtempSync(path.join(os.tmpdir(), 'workflow-references-'));
  try {
    cpSync(path.join(REPO_ROOT, 'actions'), path.join(root, 'actions'), { recursive: true });
    const copy = path.join(root, file);
    cpSync(workflowsDir, path.dirname(copy), { recursive: true });
    const original = readFileSync(copy, 'utf8');
    const edited = edit(original);
    expect(edited).not.toBe(original);
    writeFileSync(copy, edited);
    return workflowReferenceProblems(copy, { repositoryRoot: root });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the check catches what would break a copied workflow', () => {
  it.each([
    [
      'a misspelt input of one of our actions',
      'connector-publish.yml',
      (text: string) => text.replace('target-folder: ${{', 'target-folders: ${{'),
      "publish: step 'submit': open-pull-request has no input 'target-folders'",
    ],
    [
      'a required input left out',
      'connector-snapshot.yml',
      (text: string) => text.replace(/\n +destination: \$\{\{ env\.CONNECTORS_FOLDER \}\}/, ''),
      "snapshot: step 'extract': extract-connectors needs the input 'destination', which the step does not give",
    ],
    [
      'an output the action does not declare',
      'connector-pr-check.yml',
      (text: string) =>
        text.replace('steps.validate.outputs.breaking-changes', 'steps.validate.outputs.breaking'),
      "validate: outputs: step 'validate' has no output 'breaking'",
    ],
    [
      'a step read before it runs',
      'connector-snapshot.yml',
      (text: string) =>
        text.replace('${{ steps.export.outputs.solution-file }}', '${{ steps.extract.outputs.folders }}'),
      "snapshot: step 'unpack': reads steps.extract, which is no step before it",
    ],
    [
      'an undeclared workflow input',
      'connector-promote.yml',
      (text: string) => text.replace('${{ inputs.package-type }}', '${{ inputs.package }}'),
      "test: step 'pack': reads inputs.package, which is not declared",
    ],
    [
      'a permission no step needs',
      'connector-publish.yml',
      (text: string) =>
        text.replace(
          '      contents: read\n    outputs:',
          '      contents: read\n      id-token: write\n    outputs:',
        ),
      'publish: permissions: id-token is write; its steps need none',
    ],
    [
      'a secret put into a script',
      'connector-snapshot.yml',
      (text: string) =>
        text.replace('status="$(git status', 'echo "${{ secrets.token }}"\n          status="$(git status'),
      "snapshot: step 'changes': puts a secret into its script",
    ],
    [
      'an input written into a script, where a quote in it would run as code',
      'connector-snapshot.yml',
      (text: string) => text.replace('echo "$status"', 'echo "${{ inputs.solution-folder }}"'),
      "snapshot: step 'changes': puts an expression into its script (${{ inputs.solution-folder }}); pass the value through env",
    ],
    [
      'an action of another owner that follows a tag',
      'connector-pr-check.yml',
      (text: string) => text.replace(/actions\/checkout@[0-9a-f]{40}/, 'actions/checkout@v7'),
      "validate: step 'actions/checkout@v7': actions/checkout@v7 is not pinned to a full commit SHA",
    ],
  ])('%s', (_what, file, edit, problem) => {
    expect(problemsOfEditedCopy(`.github/workflows/${file}`, edit)).toContain(problem);
  });
});
