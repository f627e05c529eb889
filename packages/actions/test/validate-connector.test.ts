import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle } from '@connector-alm/testing';
import { validSwagger } from '../../validator/test/helpers/valid-connector.js';
import {
  cleanupWorkspaces,
  git,
  pullRequestRepository,
  workspaceWithConnector,
} from './helpers/pull-request-repo.js';

afterAll(cleanupWorkspaces);

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

describe('validate-connector in a pull request', () => {
  it('checks only the changed connector, marks new findings and reports the breaking change', async () => {
    const { workspace, baseSha, headSha } = pullRequestRepository(workspaceWithConnector());
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 7,
          base: { ref: 'dev', sha: baseSha },
          head: { ref: 'feature', sha: headSha },
        },
      },
      inputs: { 'sarif-file': 'out/connector-alm.sarif' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.outputs['breaking-changes']).toBe('1');
    expect(run.exitCode).toBe(1);
    const titleError = run.annotations.find((a) => a.title?.startsWith('SWG-INFO-TITLE-LEN'));
    expect(titleError).toMatchObject({
      level: 'error',
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
    });
    expect(run.summary).toMatch(/BRK-OP-DELETED/);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out/connector-alm.sarif'), 'utf8'));
    const results = sarif.runs[0].results as { ruleId: string; baselineState?: string }[];
    expect(results.find((r) => r.ruleId === 'SWG-INFO-TITLE-LEN')?.baselineState).toBe('new');
    expect(results.some((r) => r.ruleId === 'BRK-OP-DELETED')).toBe(true);
  });

  it('passes a pull request that changes no connector', async () => {
    const workspace = workspaceWithConnector();
    git(workspace, 'init', '-q', '-b', 'dev');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'base');
    const baseSha = git(workspace, 'rev-parse', 'HEAD');
    writeFileSync(path.join(workspace, 'README.md'), '# connectors\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'docs');
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 8,
          base: { sha: baseSha },
          head: { sha: git(workspace, 'rev-parse', 'HEAD') },
        },
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
  });

  it('explains a shallow clone instead of failing obscurely', async () => {
    const workspace = workspaceWithConnector();
    git(workspace, 'init', '-q', '-b', 'dev');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'base');
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 9,
          base: { sha: '0123456789abcdef0123456789abcdef01234567' },
          head: { sha: 'x' },
        },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]!.message).toMatch(/fetch-depth: 0/);
  });
});
