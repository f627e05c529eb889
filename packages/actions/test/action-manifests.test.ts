import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@connector-alm/testing';

const actionsDir = path.join(REPO_ROOT, 'actions');
const actionNames = readdirSync(actionsDir).filter((name) =>
  existsSync(path.join(actionsDir, name, 'action.yml')),
);

describe.each(actionNames)('actions/%s/action.yml', (name) => {
  const file = path.join(actionsDir, name, 'action.yml');
  const source = readFileSync(file, 'utf8');
  const manifest = parseYaml(source) as {
    inputs?: Record<string, { description?: string }>;
    outputs?: Record<string, { description?: string }>;
    runs: { using: string; main: string };
  };

  it('is valid against the action metadata schema', () => {
    // @action-validator 0.6 predates the node24 runtime; everything else in the schema still applies.
    const asNode20 = source.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20');
    expect(validateAction(asNode20).errors).toEqual([]);
  });

  it('runs on node24 from its bundle in dist/', () => {
    expect(manifest.runs.using).toBe('node24');
    expect(manifest.runs.main).toBe(`../../dist/${name}/index.cjs`);
    expect(existsSync(path.resolve(path.dirname(file), manifest.runs.main))).toBe(true);
  });

  it('documents every input and output', () => {
    for (const [input, spec] of Object.entries({ ...manifest.inputs, ...manifest.outputs })) {
      expect([input, (spec.description ?? '').trim().length > 10]).toEqual([input, true]);
    }
  });

  it('has an entry point in packages/actions', () => {
    expect(existsSync(path.join(REPO_ROOT, 'packages/actions/src', name, 'index.ts'))).toBe(true);
  });
});

const workflowFiles = ['.github/workflows', 'examples/workflows']
  .map((dir) => path.join(REPO_ROOT, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(dir, f)),
  );

describe.each(workflowFiles)('workflow %s', (file) => {
  it('is valid against the workflow schema', () => {
    expect(validateWorkflow(readFileSync(file, 'utf8')).errors).toEqual([]);
  });
});
