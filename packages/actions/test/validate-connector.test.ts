import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import {
  validApiProperties,
  validReadme,
  validSwagger,
} from '../../validator/test/helpers/valid-connector.js';

const workspaces: string[] = [];
afterAll(() => workspaces.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A repository checkout with one certified connector; `swaggerText` replaces its swagger. */
function workspaceWithConnector(swaggerText?: string): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  workspaces.push(workspace);
  const folder = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'apiDefinition.swagger.json'),
    swaggerText ?? JSON.stringify(validSwagger(), null, 2),
  );
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return workspace;
}

describe('validate-connector, run as the runner runs it', () => {
  it('passes a clean connector and says what it checked', async () => {
    const run = await runActionBundle('validate-connector', { workspace: workspaceWithConnector() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.errors).toBe('0');
    expect(run.outputs.result).toBe('success');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });

  it('puts a syntax error on its file and line, and fails the step', async () => {
    const text = JSON.stringify(validSwagger(), null, 2).replace('"version": "1.0"', '"version": "1.0",');
    const run = await runActionBundle('validate-connector', { workspace: workspaceWithConnector(text) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('failure');
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    const syntax = run.annotations.find((a) => a.title === 'GEN-JSON-PARSE');
    expect(syntax).toMatchObject({
      level: 'error',
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
      line: 6,
    });
  });

  it('refuses a bad input with a clear error annotation and exit code 1', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on': 'sometimes' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: "Input 'fail-on' must be one of error, warning, never; got 'sometimes'.",
      }),
    ]);
    expect(run.stdout).not.toMatch(/at .*\.cjs:\d+/);
  });
});
