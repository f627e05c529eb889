import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('validate-connector in a pull request', () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    }).trim();
  }

  function writeJson(file: string, value: unknown): void {
    writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  }

  /**
   * A repository with two connectors on `dev`; the pull request branch, in several commits and with a
   * merge from `dev` in between, deletes an operation of Tasks and adds a new problem to it, while
   * `dev` meanwhile edits Notes.
   */
  function pullRequestRepository(): { workspace: string; baseSha: string; headSha: string } {
    const workspace = workspaceWithConnector();
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
    mkdirSync(notes);
    const notesSwagger = validSwagger();
    notesSwagger.info.title = 'Contoso Notes';
    writeJson(path.join(notes, 'apiDefinition.swagger.json'), notesSwagger);
    writeJson(path.join(notes, 'apiProperties.json'), validApiProperties());
    writeFileSync(path.join(notes, 'readme.md'), validReadme());
    git(workspace, 'init', '-q', '-b', 'dev');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'base');
    git(workspace, 'checkout', '-qb', 'feature');

    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'];
    writeJson(path.join(tasks, 'apiDefinition.swagger.json'), swagger);
    git(workspace, 'commit', '-qam', 'remove GetTask');

    git(workspace, 'checkout', '-q', 'dev');
    notesSwagger.info.description = 'Contoso Notes keeps the notes of your team in one place, searchable.';
    writeJson(path.join(notes, 'apiDefinition.swagger.json'), notesSwagger);
    git(workspace, 'commit', '-qam', 'dev edits Notes');
    const baseSha = git(workspace, 'rev-parse', 'HEAD');
    git(workspace, 'checkout', '-q', 'feature');
    git(workspace, 'merge', '-q', '--no-edit', 'dev');

    swagger.info.title = 'Contoso Tasks API for everything';
    writeJson(path.join(tasks, 'apiDefinition.swagger.json'), swagger);
    git(workspace, 'commit', '-qam', 'rename the connector');
    return { workspace, baseSha, headSha: git(workspace, 'rev-parse', 'HEAD') };
  }

  it('checks only the changed connector, marks new findings and reports the breaking change', async () => {
    const { workspace, baseSha, headSha } = pullRequestRepository();
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
