import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { REPO_ROOT } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const APP_ID = '7a6b5c4d-2222-4333-8444-955566667777';
const SECRET = 'build-and-import-secret';

let server: LocalServer;
let cwd: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  cwd = mkdtempSync(path.join(os.tmpdir(), 'build-import-'));
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(cwd, 'examples'), { recursive: true });
});
afterAll(async () => {
  await server.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('a connector folder, built into a solution and imported (the promote path)', () => {
  it('builds the example connector into a solution that the local Dataverse imports and then holds', async () => {
    const env = {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
    };
    const build = memoryIo(cwd, env);
    const built = await runCli(
      [
        'build-solution',
        'examples/certified-connectors/Contoso Tasks',
        '--out',
        'ContosoTasks.zip',
        '--unique-name',
        'ContosoTasks',
        '--solution-version',
        '1.2.0.0',
        '--publisher',
        'Contoso',
        '--prefix',
        'cnt',
      ],
      build,
    );
    expect([built, build.err()]).toEqual([0, '']);

    const imported = memoryIo(cwd, env);
    const code = await runCli(
      ['import', 'ContosoTasks.zip', '--authority-host', server.authorityHost, '--format', 'json'],
      imported,
    );
    // Progress goes to stderr, the result (data) to stdout; the secret to neither.
    expect(code).toBe(0);
    expect(imported.out() + imported.err()).not.toContain(SECRET);
    expect(JSON.parse(imported.out())).toMatchObject({ result: 'imported', solutionName: 'ContosoTasks' });
    expect(server.store.get('ContosoTasks')).toMatchObject({
      uniqueName: 'ContosoTasks',
      version: '1.2.0.0',
    });
  });
});
