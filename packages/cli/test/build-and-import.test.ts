import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { REPO_ROOT } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { localServerEnv } from './local-server-env.js';
import { memoryIo } from './memory-io.js';

const APP_ID = '7a6b5c4d-2222-4333-8444-955566667777';
const SECRET = 'build-and-import-secret';

let server: LocalServer;
let cwd: string;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    // An export job is done at its first status read: what a build and an import do is this file's
    // subject, the wait for a job packages/dataverse's tests'. The default 3 reads cost the export 3 s.
    asyncPolls: 1,
  });
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

  // The walkthrough of session 31: a snapshot unpacked with --reset-version (0.0.0.0, as the single
  // environment guide recommends), rebuilt with --existing, was built as 0.0.0.1 without a word, and
  // import --skip-lower-version skipped it with exit code 0: the maker's edit never arrived.
  it('warns when a build from a reset snapshot is lower than the environment has, and when import skips it', async () => {
    const env = localServerEnv(server, APP_ID, SECRET);
    const cli = async (argv: string[]) => {
      const io = memoryIo(cwd, env);
      const code = await runCli(argv, io);
      return { code, out: io.out(), err: io.err() };
    };
    const connector = 'examples/certified-connectors/Contoso Tasks';
    const first = ['build-solution', connector, '--out', 'Reset.zip', '--unique-name', 'ContosoReset'];
    expect(
      await cli([...first, '--solution-version', '1.0.0.1', '--publisher', 'Contoso', '--prefix', 'cnt']),
    ).toMatchObject({ code: 0, err: '' });
    expect(await cli(['import', 'Reset.zip'])).toMatchObject({ code: 0, err: '' });
    expect(await cli(['export', 'ContosoReset', '-o', 'exported/ContosoReset.zip'])).toMatchObject({
      code: 0,
    });
    const unpacked = await cli([
      'unpack',
      'exported/ContosoReset.zip',
      'solutions/ContosoReset',
      '--reset-version',
    ]);
    expect(unpacked.out).toMatch(/^Unpacked ContosoReset 0\.0\.0\.0 /);

    const rebuild = [
      'build-solution',
      connector,
      '--out',
      'Rebuilt.zip',
      '--existing',
      'solutions/ContosoReset',
    ];
    const rebuilt = await cli(rebuild);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/^Built ContosoReset 0\.0\.0\.1 into Rebuilt\.zip /);
    expect(rebuilt.err).toBe(
      `warning: ${path.join('solutions', 'ContosoReset')} has version 0.0.0.0, a reset version (unpack --reset-version), so this build is 0.0.0.1: an environment that has the solution very likely has a higher version, and refuses the import (import --skip-lower-version skips it, with exit code 0). Give --solution-version a version higher than the one the environment has (Power Apps > Solutions, Version column).\n`,
    );

    const skipped = await cli(['import', 'Rebuilt.zip', '--skip-lower-version']);
    // Warnings go to stderr, as every command's do; progress to stdout in text (stderr with
    // --format json), and a skip has none.
    expect(skipped).toMatchObject({ code: 0, out: '' });
    expect(skipped.err).toBe(
      'warning: Skipped: ContosoReset 1.0.0.1 is installed, the file has 0.0.0.1. 0.0.0.1 is the version of a snapshot unpacked with a reset version (0.0.0.0) or of a build of one, lower than any the environment has, so this file is skipped on every run. Give it a version higher than 1.0.0.1, e.g. 1.0.0.2 (pack --solution-version, or build-solution --solution-version for a zip it built).\n',
    );
    expect(server.store.get('ContosoReset')?.version).toBe('1.0.0.1');

    // With a version given, no warning, and the edit arrives.
    const versioned = await cli([...rebuild, '--solution-version', '1.0.0.2']);
    expect(versioned).toMatchObject({ code: 0, err: '' });
    expect(await cli(['import', 'Rebuilt.zip', '--skip-lower-version'])).toMatchObject({ code: 0, err: '' });
    expect(server.store.get('ContosoReset')?.version).toBe('1.0.0.2');
    // A re-run of a build the environment has is skip-lower-version's purpose: said, not warned of.
    const rerun = await cli(['import', 'Rebuilt.zip', '--skip-lower-version']);
    expect(rerun).toMatchObject({ code: 0, err: '' });
    expect(rerun.out).toContain('Skipped: ContosoReset 1.0.0.2 is installed, the file has 1.0.0.2.\n');
  });
});
