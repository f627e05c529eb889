import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import crypto from 'node:crypto';
import path from 'node:path';
import { createMemoryLogger, inputWords, UsageError, UserError } from '@connector-alm/core';
import { importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { importOptions } from './helpers/import-options.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
});
beforeEach(() => {
  folder = temporaryFolder('stage-and-upgrade-');
});
afterAll(() => server.close());

/** A managed zip of `name` at `version` listing these connectors, written to the test's folder. */
function managedZip(name: string, version: string, connectors: string[], managed = true): string {
  return solutionZipIn(
    folder,
    { uniqueName: name, version, managed, connectors },
    `${name}_${version.replace(/\./g, '_')}.zip`,
  );
}

/** The Web API actions the client sent since `start`. */
function actionsSince(start: number): string[] {
  return server.requests
    .slice(start)
    .filter((request) => request.service === 'dataverse' && request.method === 'POST')
    .map((request) => request.path.split('/').at(-1)!);
}

describe('stage and upgrade', () => {
  it('an update keeps a connector the new version no longer holds; an upgrade deletes it', async () => {
    const { client } = connectToLocal(server);
    for (const name of ['Updated', 'Upgraded'])
      await importSolution(
        client,
        importOptions(managedZip(name, '1.0.0.0', ['cr1a6_a', 'cr1a6_b'])),
        createMemoryLogger(),
      );

    await importSolution(
      client,
      importOptions(managedZip('Updated', '1.0.1.0', ['cr1a6_a'])),
      createMemoryLogger(),
    );
    const start = server.requests.length;
    const logger = createMemoryLogger();
    const upgraded = await importSolution(
      client,
      importOptions(managedZip('Upgraded', '1.0.1.0', ['cr1a6_a']), { stageAndUpgrade: true }),
      logger,
    );

    expect(server.store.get('Updated')).toMatchObject({
      version: '1.0.1.0',
      components: ['372:cr1a6_a', '372:cr1a6_b'],
    });
    expect(server.store.get('Upgraded')).toMatchObject({ version: '1.0.1.0', components: ['372:cr1a6_a'] });
    // Asynchronous, though the zip is small: StageAndUpgradeAsync has no synchronous twin.
    expect(upgraded).toMatchObject({ result: 'imported', managed: true, asynchronous: true });
    expect(actionsSince(start)).toEqual(['StageAndUpgradeAsync']);
    expect(server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'Upgraded',
      stageAndUpgrade: true,
    });
    expect(logger.lines).toContain(
      `Imported and upgraded Upgraded 1.0.1.0 (import job ${upgraded.importJobId}).`,
    );
  });

  it('installs a solution the environment does not have yet, and says so', async () => {
    const { client } = connectToLocal(server);
    const logger = createMemoryLogger();
    await importSolution(
      client,
      importOptions(managedZip('Fresh', '1.0.0.0', ['cr1a6_a']), { stageAndUpgrade: true }),
      logger,
    );
    expect(server.store.get('Fresh')).toMatchObject({ managed: true, components: ['372:cr1a6_a'] });
    expect(logger.lines).toContain(
      `${server.environmentUrl} does not have Fresh yet: there is nothing to upgrade, so it is installed as a new solution.`,
    );
  });

  // It starts a system job, as ImportSolutionAsync does: a 503 may have come after the job was queued.
  it('is not sent again after a 503: the upgrade may or may not have been applied', async () => {
    const { client } = connectToLocal(server);
    await importSolution(
      client,
      importOptions(managedZip('Unsure', '1.0.0.0', ['cr1a6_a'])),
      createMemoryLogger(),
    );
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'StageAndUpgradeAsync' });
    const start = server.requests.length;
    const error = await importSolution(
      client,
      importOptions(managedZip('Unsure', '1.0.1.0', ['cr1a6_a']), { stageAndUpgrade: true }),
      createMemoryLogger(),
    )
      .catch((e: unknown) => e)
      .finally(() => server.faults.clear());
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^Import of solution 'Unsure' may or may not have been applied: /,
    );
    expect(actionsSince(start)).toEqual(['StageAndUpgradeAsync']);
    expect(server.store.get('Unsure')).toMatchObject({ version: '1.0.0.0' });
  });

  it('refuses an unmanaged zip before the upload, located at the zip, in the words of an action', async () => {
    const { client } = connectToLocal(server, { say: inputWords });
    const file = managedZip('Unmanaged', '1.0.0.0', ['cr1a6_a'], false);
    const start = server.requests.length;
    const error = await importSolution(
      client,
      importOptions(file, { stageAndUpgrade: true }),
      createMemoryLogger(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error as UserError)).toContain(
      `${file}: is an unmanaged solution (Unmanaged), and Dataverse upgrades managed solutions only, so nothing was imported.`,
    );
    expect((error as UserError).hint).toContain(
      'Import the managed zip (package-type: managed) with stage-and-upgrade: true',
    );
    expect(server.requests.length).toBe(start);
    expect(server.store.get('Unmanaged')).toBeUndefined();
  });

  it('refuses a holding import with an upgrade, before reading the zip', async () => {
    const { client } = connectToLocal(server);
    const start = server.requests.length;
    const error = await importSolution(
      client,
      importOptions(path.join(folder, 'absent.zip'), { stageAndUpgrade: true, holdingSolution: true }),
      createMemoryLogger(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      '--stage-and-upgrade and --holding cannot be used together: the upgrade imports the holding solution itself and applies it in the same job.',
    );
    expect(server.requests.length).toBe(start);
  });

  it('the local server: StageAndUpgradeAsync of an unmanaged zip completes its system job, and the import job records the refusal', async () => {
    const { client } = connectToLocal(server);
    const jobId = crypto.randomUUID();
    const sentAt = client.clock.now();
    const { asyncOperationId } = await client.startStageAndUpgrade({
      customizationFile: buildSolutionZip({ uniqueName: 'Direct', version: '1.0.0.0' }),
      importJobId: jobId,
      overwriteUnmanagedCustomizations: false,
      publishWorkflows: true,
    });
    await client.waitForAsyncOperation(asyncOperationId, 'Upgrade', { sentAt, maxWaitMs: 60_000 });
    const { data } = await client.getImportJob(jobId, { data: true });
    expect(data).toContain('<result result="failure" errorcode="0x80040216"');
    expect(server.store.get('Direct')).toBeUndefined();
  });
});
