import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { createMemoryLogger, inputWords, UserError } from '@connector-alm/core';
import { importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { IMPORT_MODE_GUIDE_URL, installedModeOfRefusal } from '../src/operations/import-mode.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';

/** Dataverse's words for a managed zip over an unmanaged solution (the local server's, import-refusals.ts). */
const MANAGED_OVER_UNMANAGED = 'already installed on this system as an unmanaged solution';

const STAY_UNMANAGED_CLI =
  'Import an unmanaged zip instead: one exported unmanaged from the source environment (export without --managed), or packed (pack --package-type unmanaged) from a folder unpacked from an unmanaged export or from both; a managed export alone cannot give one. Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment).';
const STAY_UNMANAGED_ACTION =
  'Import an unmanaged zip instead: one exported unmanaged from the source environment (export-solution with managed: false), or packed (pack-solution with package-type: unmanaged) from a folder unpacked from an unmanaged export or from both; a managed export alone cannot give one. Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment).';
const STAY_MANAGED_CLI =
  'Import a managed zip instead: one exported managed from the source environment (export --managed), or packed (pack --package-type managed) from a folder unpacked from a managed export or from both; an unmanaged export alone cannot give one. Or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data.';

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    solutions: [
      buildSolutionZip({ uniqueName: 'Unmanaged', version: '1.0.3.0' }),
      buildSolutionZip({ uniqueName: 'Managed', version: '2.0.0.0', managed: true }),
    ],
  });
  folder = temporaryFolder('import-mode-');
});
afterAll(() => server.close());

function zipFile(name: string, version: string, managed: boolean): string {
  return solutionZipIn(
    folder,
    { uniqueName: name, version, managed },
    `${name}_${version}${managed ? '_managed' : ''}.zip`,
  );
}

const failure = (promise: Promise<unknown>) => promise.catch((error: unknown) => error) as Promise<UserError>;

describe('an import in the other mode than the installed solution stops before anything is sent', () => {
  it.each([
    ['with skip-lower-version', true],
    ['without skip-lower-version', false],
  ])('a managed zip over an unmanaged solution (%s)', async (_, skipLowerVersion) => {
    const file = zipFile('Unmanaged', '1.0.7.0', true);
    const { client } = connectToLocal(server);
    const started = server.dataverse.importJobsStarted();
    const error = await failure(
      importSolution(client, importOptions(file, { skipLowerVersion }), createMemoryLogger()),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.location).toEqual({ file });
    expect(error.message).toBe(
      `is a managed solution, but ${new URL(server.environmentUrl).origin} has Unmanaged 1.0.3.0 installed as an unmanaged solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported.`,
    );
    expect(error.hint).toBe(`${STAY_UNMANAGED_CLI} See ${IMPORT_MODE_GUIDE_URL}`);
    expect(server.dataverse.importJobsStarted()).toBe(started);
    expect(server.store.get('Unmanaged')).toMatchObject({ managed: false, version: '1.0.3.0' });
  });

  it('an unmanaged zip over a managed solution, in the words of an action', async () => {
    const file = zipFile('Managed', '2.1.0.0', false);
    const { client } = connectToLocal(server, { say: inputWords });
    const started = server.dataverse.importJobsStarted();
    const error = await failure(importSolution(client, importOptions(file), createMemoryLogger()));
    expect(error.message).toContain('is an unmanaged solution, but ');
    expect(error.message).toContain('has Managed 2.0.0.0 installed as a managed solution.');
    expect(error.hint).toBe(
      `Import a managed zip instead: one exported managed from the source environment (export-solution with managed: true), or packed (pack-solution with package-type: managed) from a folder unpacked from a managed export or from both; an unmanaged export alone cannot give one. Or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data. See ${IMPORT_MODE_GUIDE_URL}`,
    );
    expect(server.dataverse.importJobsStarted()).toBe(started);
  });

  // The mode is checked first: skipped, a zip of the wrong package type went unnoticed (rc 0) until
  // a build of a new version came, and then failed.
  it.each([
    ['the same version', '1.0.3.0'],
    ['an older version', '1.0.2.0'],
  ])('with skip-lower-version, a zip of the other mode at %s is refused, not skipped', async (_, version) => {
    const file = zipFile('Unmanaged', version, true);
    const { client } = connectToLocal(server);
    const started = server.dataverse.importJobsStarted();
    const error = await failure(
      importSolution(client, importOptions(file, { skipLowerVersion: true }), createMemoryLogger()),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `is a managed solution, but ${new URL(server.environmentUrl).origin} has Unmanaged 1.0.3.0 installed as an unmanaged solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported.`,
    );
    expect(server.dataverse.importJobsStarted()).toBe(started);
  });
});

describe('when the installed solution cannot be read first, Dataverse refuses the import with the same advice', () => {
  it.each([
    ['synchronously', false],
    ['asynchronously', true],
  ])('%s', async (_, asynchronous) => {
    const file = zipFile('Unmanaged', '1.0.8.0', true);
    server.faults.inject({ kind: 'status', status: 403 }, { operation: 'solutions', times: 1 });
    const logger = createMemoryLogger();
    const error = await failure(
      importSolution(
        connectToLocal(server, { say: inputWords }).client,
        importOptions(file, { asynchronous }),
        logger,
      ),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: Could not read which Unmanaged the environment has, so whether it is managed was not checked before the import: /,
      ),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain("Import of solution 'Unmanaged' failed");
    expect(error.message).toContain(MANAGED_OVER_UNMANAGED);
    expect(error.hint).toContain(`${STAY_UNMANAGED_ACTION} See ${IMPORT_MODE_GUIDE_URL}`);
    expect(server.store.get('Unmanaged')).toMatchObject({ managed: false, version: '1.0.3.0' });
  });

  it.each([
    [503, '1.0.10.0'],
    [500, '1.0.11.0'],
  ])(
    'a server error (%i) that outlasts the retries of the read loses the early check alone, as a 403 does',
    async (status, version) => {
      // The zip is of the installed mode: nothing but the read stands in the way of the import.
      const file = zipFile('Unmanaged', version, false);
      server.faults.inject({ kind: 'status', status }, { operation: 'solutions', times: 8 });
      const logger = createMemoryLogger();
      const { client, sleeps } = connectToLocal(server);
      const result = await importSolution(client, importOptions(file, { asynchronous: false }), logger);
      expect(result).toMatchObject({ result: 'imported', version });
      expect(sleeps).toHaveLength(7);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          /^warning: Could not read which Unmanaged the environment has, so whether it is managed was not checked before the import: /,
        ),
      );
      expect(server.store.get('Unmanaged')).toMatchObject({ managed: false, version });
    },
  );

  // Not Dataverse refusing the read: something else answered (a sign-in page of a proxy), which would
  // answer the import the same way, so the import fails at the read, once, before the upload.
  it("an answer that is not the Web API's fails the import at the read, before anything is sent", async () => {
    const file = zipFile('Unmanaged', '1.0.12.0', false);
    server.faults.inject(
      { kind: 'status', status: 200, body: '<html>Sign in</html>', headers: { 'Content-Type': 'text/html' } },
      { operation: 'solutions', times: 1 },
    );
    const started = server.dataverse.importJobsStarted();
    // The client's logger, which a retry of the read would warn in.
    const { client, logger } = connectToLocal(server);
    const error = await failure(importSolution(client, importOptions(file, { asynchronous: false }), logger));
    expect(error.message).toContain('answered HTTP 200 with text/html, not with the Dataverse Web API');
    expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([]);
    expect(server.dataverse.importJobsStarted()).toBe(started);
    expect(server.store.get('Unmanaged')).toMatchObject({ managed: false, version: '1.0.11.0' });
  });

  it('with skip-lower-version, a read that fails still fails the import: whether to skip is unknown', async () => {
    const file = zipFile('Unmanaged', '1.0.9.0', false);
    server.faults.inject({ kind: 'status', status: 403 }, { operation: 'solutions', times: 1 });
    const started = server.dataverse.importJobsStarted();
    const error = await failure(
      importSolution(
        connectToLocal(server).client,
        importOptions(file, { skipLowerVersion: true }),
        createMemoryLogger(),
      ),
    );
    expect(error.message).toContain("Lookup of solution 'Unmanaged' failed");
    expect(server.dataverse.importJobsStarted()).toBe(started);
  });

  it('the unmanaged-over-managed refusal gets the advice that names the managed zip', async () => {
    const file = zipFile('Managed', '2.2.0.0', false);
    server.faults.inject({ kind: 'status', status: 403 }, { operation: 'solutions', times: 1 });
    const error = await failure(
      importSolution(
        connectToLocal(server).client,
        importOptions(file, { asynchronous: false }),
        createMemoryLogger(),
      ),
    );
    expect(error.message).toContain('already installed on this system as a managed solution');
    expect(error.hint).toBe(`${STAY_MANAGED_CLI} See ${IMPORT_MODE_GUIDE_URL}`);
  });
});

// The import job's log may refuse the mode with a code of its own: its words still say the mode.
describe('the mode of a refusal, from its code or else from its words', () => {
  it.each([
    ['0x80048041', undefined, 'managed'],
    ['0X80048040', undefined, 'unmanaged'],
    [undefined, `The solution is ${MANAGED_OVER_UNMANAGED}.`, 'unmanaged'],
    ['0x80048033', 'The solution is Already Installed On This System As A Managed Solution.', 'managed'],
    ['0x80048033', 'Required components are missing.', undefined],
    [undefined, undefined, undefined],
  ])('code %s, words %j: %s', (code, message, mode) => {
    expect(installedModeOfRefusal(code, message)).toBe(mode);
  });

  it("an import job that failed with another code gets the mode's advice from Dataverse's words", async () => {
    const file = zipFile('Unmanaged', '1.0.13.0', true);
    // The early check cannot read the installed solution, so the import goes to Dataverse.
    server.faults.inject({ kind: 'status', status: 403 }, { operation: 'solutions', times: 1 });
    server.faults.failNextImport({
      errortext: `The solution is ${MANAGED_OVER_UNMANAGED}.`,
      errorcode: '0x80048033',
    });
    const error = await failure(
      importSolution(
        connectToLocal(server).client,
        importOptions(file, { asynchronous: true }),
        createMemoryLogger(),
      ),
    );
    expect(error.message).toContain('(Dataverse code 0x80048033)');
    expect(error.hint).toContain(`${STAY_UNMANAGED_CLI} See ${IMPORT_MODE_GUIDE_URL}`);
  });
});
