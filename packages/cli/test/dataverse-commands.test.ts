import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { registerExportCommand } from '../src/commands/export.js';
import { registerImportCommand } from '../src/commands/import.js';
import type { CliIo } from '../src/io.js';
import { buildSolutionZip } from '@connector-alm/dataverse/testing';

const APP_ID = '5f4e3d2c-1111-4222-8333-944455556666';
const SECRET = 'cli-secret+/=';
const solution = buildSolutionZip({ uniqueName: 'CliSolution', version: '4.0.0.2' });

let server: LocalServer;
let cwd: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }], solutions: [solution] });
  cwd = mkdtempSync(path.join(os.tmpdir(), 'cli-dataverse-'));
});
afterAll(async () => {
  await server.close();
  rmSync(cwd, { recursive: true, force: true });
});

/** Runs the two commands in-process the way program.ts wires them, capturing output and the exit code. */
async function run(argv: string[]): Promise<{ stdout: string; stderr: string; error?: Error }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: CliIo = {
    stdout,
    stderr,
    cwd,
    env: {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
    },
  };
  const program = new Command('connector-alm').exitOverride();
  registerExportCommand(program, { io, setExit: () => {} });
  registerImportCommand(program, { io, setExit: () => {} });
  try {
    await program.parseAsync([...argv, '--authority-host', server.authorityHost], { from: 'user' });
    return { stdout: out, stderr: err };
  } catch (error) {
    return { stdout: out, stderr: err, error: error as Error };
  }
}

describe('connector-alm export and import against the local server', () => {
  it('exports to <name>.zip and prints the result as JSON', async () => {
    const result = await run(['export', 'CliSolution', '--format', 'json']);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({
      solutionName: 'CliSolution',
      version: '4.0.0.2',
      changed: true,
    });
    expect(Buffer.from(readFileSync(path.join(cwd, 'CliSolution.zip'))).equals(Buffer.from(solution))).toBe(
      true,
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('imports the exported zip back and reports it', async () => {
    const result = await run(['import', 'CliSolution.zip', '--async', '--format', 'json']);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({
      result: 'imported',
      solutionName: 'CliSolution',
      asynchronous: true,
    });
    expect(server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'CliSolution',
      asynchronous: true,
    });
  });

  it('fails with a user error when no credential is available', async () => {
    const stdout = new PassThrough();
    const io: CliIo = {
      stdout,
      stderr: new PassThrough(),
      cwd,
      env: {
        DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
        AZURE_TENANT_ID: server.tenantId,
        AZURE_CLIENT_ID: APP_ID,
      },
    };
    const program = new Command('connector-alm').exitOverride();
    registerExportCommand(program, { io, setExit: () => {} });
    await expect(program.parseAsync(['export', 'CliSolution'], { from: 'user' })).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringContaining('No credential'),
    });
  });
});
