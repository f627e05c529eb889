import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger, inputWords, UserError } from '@connector-alm/core';
import { DataverseError, importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';

const UNMANAGED_OVER_MANAGED =
  'The solution is already installed on this system as a managed solution and the package supplied is attempting to install it in unmanaged mode. Import can only update solutions when the modes match. Uninstall the current solution and try again.';
const MANAGED_OVER_UNMANAGED =
  'The solution is already installed on this system as an unmanaged solution and the package supplied is attempting to install it in managed mode. Import can only update solutions when the modes match. Uninstall the current solution and try again.';
const LOWER_VERSION =
  'The import solution must have a higher version than the existing solution it is upgrading.';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    solutions: [
      buildSolutionZip({ uniqueName: 'Installed', version: '2.0.0.0', managed: true }),
      buildSolutionZip({ uniqueName: 'Later', version: '3.0.0.0' }),
    ],
  });
});
afterAll(() => server.close());

const importRequest = (uniqueName: string, version: string, managed: boolean, importJobId: string) => ({
  customizationFile: buildSolutionZip({ uniqueName, version, managed }),
  importJobId,
  overwriteUnmanagedCustomizations: true,
  publishWorkflows: true,
});

/** An import whose managed state differs from the installed solution's: what, name, version, managed, code, text. */
const MODE_MISMATCHES: Array<[string, string, string, boolean, string, string]> = [
  [
    'an unmanaged import over a managed solution',
    'Installed',
    '2.1.0.0',
    false,
    '0x80048041',
    UNMANAGED_OVER_MANAGED,
  ],
  [
    'a managed import over an unmanaged solution',
    'Later',
    '3.1.0.0',
    true,
    '0x80048040',
    MANAGED_OVER_UNMANAGED,
  ],
];

describe('the local server refuses imports Dataverse refuses, as the Web API answers them', () => {
  it.each([
    ...MODE_MISMATCHES,
    ['a lower version', 'Later', '2.9.9.9', false, '0x80048541', LOWER_VERSION],
    ['a lower version in a shorter form', 'Later', '2.10', false, '0x80048541', LOWER_VERSION],
  ])('ImportSolution: %s is answered 400 with its code, and recorded on the import job', async (...args) => {
    const [, name, version, managed, code, message] = args;
    const { client } = connectToLocal(server);
    const jobId = crypto.randomUUID();
    const error = (await client
      .importSolution(importRequest(name, version, managed, jobId))
      .catch((e: unknown) => e)) as DataverseError;
    expect(error).toBeInstanceOf(DataverseError);
    expect(error).toMatchObject({ status: 400, code });
    expect(error.message).toContain(message);
    const { data } = await client.getImportJob(jobId, { data: true });
    expect(data).toContain(`<result result="failure" errorcode="${code}" errortext="${message}"`);
    expect(server.store.get(name)?.version).toBe(
      { Installed: '2.0.0.0', Later: '3.0.0.0' }[name as 'Installed' | 'Later'],
    );
  });

  it.each(MODE_MISMATCHES)(
    'ImportSolutionAsync: %s completes the system job, and the import job records the refusal',
    async (...args) => {
      const [, name, version, managed, code, message] = args;
      const { client } = connectToLocal(server);
      const jobId = crypto.randomUUID();
      const sentAt = client.clock.now();
      const { asyncOperationId } = await client.startImportAsync(
        importRequest(name, version, managed, jobId),
      );
      // As in Dataverse, the system job succeeds: the solution's failure is in the import job's log.
      await client.waitForAsyncOperation(asyncOperationId, 'Import', { sentAt, maxWaitMs: 60_000 });
      const { data } = await client.getImportJob(jobId, { data: true });
      expect(data).toContain(`<result result="failure" errorcode="${code}" errortext="${message}"`);
      expect(server.store.get(name)).toMatchObject({
        managed: name === 'Installed',
        version: name === 'Installed' ? '2.0.0.0' : '3.0.0.0',
      });
    },
  );

  it('ImportSolution: a customization file that is not a zip is answered 400, saying so without a location', async () => {
    const { client } = connectToLocal(server);
    const error = (await client
      .importSolution({
        ...importRequest('Later', '3.1.0.0', false, crypto.randomUUID()),
        customizationFile: new TextEncoder().encode('not a zip'),
      })
      .catch((e: unknown) => e)) as DataverseError;
    expect(error).toBeInstanceOf(DataverseError);
    expect(error).toMatchObject({ status: 400, code: '0x80048060' });
    // The description begins the sentence; it was "The customization file: is not a zip file." before.
    expect(error.message).toContain(
      'The import file is invalid: The customization file is not a zip file. Give a solution .zip',
    );
  });

  it('the same version again, and a managed update of a managed solution, are imported', async () => {
    const { client } = connectToLocal(server);
    await client.importSolution(importRequest('Later', '3.0.0.0', false, crypto.randomUUID()));
    await client.importSolution(importRequest('Installed', '2.0.1.0', true, crypto.randomUUID()));
    expect(server.store.get('Installed')).toMatchObject({ managed: true, version: '2.0.1.0' });
  });
});

describe('an import of a version Dataverse cannot hold', () => {
  // Taken, it compared above every real version, and each later import was refused as lower. The
  // local server reads the zip's manifest as every command does, which refuses such a version.
  it.each([
    ['installed', 'Later', '3.0.4294967296.0'],
    ['not installed', 'Fresh', '1.0.2147483648'],
  ])(
    'sent anyway (%s), is answered 400 as an invalid file, and nothing is stored',
    async (_, name, version) => {
      const { client } = connectToLocal(server);
      const error = (await client
        .importSolution(importRequest(name, version, false, crypto.randomUUID()))
        .catch((e: unknown) => e)) as DataverseError;
      expect(error).toBeInstanceOf(DataverseError);
      expect(error).toMatchObject({ status: 400, code: '0x80048060' });
      expect(error.message).toContain(`has <Version>${version}</Version>, which is no solution version.`);
      expect(server.store.get(name)?.version).toBe({ Later: '3.0.0.0' }[name as 'Later']);
    },
  );

  it('is refused before the upload, at the zip, saying how to give another', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'import-int32-'));
    try {
      const file = solutionZipIn(folder, { uniqueName: 'Later', version: '3.0.4294967296.0' });
      const started = server.dataverse.importJobsStarted();
      const error = (await importSolution(
        connectToLocal(server, { say: inputWords }).client,
        importOptions(file, { skipLowerVersion: true }),
        createMemoryLogger(),
      ).catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.location).toEqual({ file: `${file}/solution.xml`, line: 6 });
      expect(error.message).toBe('has <Version>3.0.4294967296.0</Version>, which is no solution version.');
      expect(error.hint).toBe(
        'A version is two to four numbers of at most 2147483647, separated by dots (1.0.0.3): fix it in the file, or export the solution again.',
      );
      expect(server.dataverse.importJobsStarted()).toBe(started);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('an import of a lower version than the installed one', () => {
  // Dataverse's text says the version must be higher, not how to give it one or how to skip it.
  it.each([
    ['synchronously', false],
    ['asynchronously', true],
  ])('%s: fails saying how to raise the version or skip the import', async (_, asynchronous) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'import-lower-'));
    try {
      const file = solutionZipIn(folder, { uniqueName: 'Later', version: '2.9.9.9' });
      const { client } = connectToLocal(server);
      const error = (await importSolution(
        client,
        importOptions(file, { asynchronous }),
        createMemoryLogger(),
      ).catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      // The solution is named: a pipeline may import several.
      expect(error.message.startsWith("Import of solution 'Later' failed")).toBe(true);
      expect(error.message).toContain(LOWER_VERSION);
      expect(error.hint).toContain(
        'Give the solution a higher version than the environment has (pack --solution-version, or build-solution --solution-version for a zip it built), or skip the import when the environment has this version or a later one (--skip-lower-version).',
      );
      // In an action's words when it connects so.
      const inAction = (await importSolution(
        connectToLocal(server, { say: inputWords }).client,
        importOptions(file, { asynchronous }),
        createMemoryLogger(),
      ).catch((e: unknown) => e)) as UserError;
      expect(inAction.hint).toContain(
        'Give the solution a higher version than the environment has (the version input of pack-solution), or skip the import when the environment has this version or a later one (skip-lower-version: true).',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
