import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { createMemoryLogger, inputWords, UsageError, UserError } from '@connector-alm/core';
import {
  DataverseError,
  exportSolution,
  importSolution,
  readDeploymentSettings,
  readSolutionManifest,
  startLocalServer,
  type LocalServer,
} from '../src/index.js';
import { importOptions } from './helpers/import-options.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { solutionFixture, solutionFixturePath } from './helpers/fixtures.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';
import { locatedMessage, temporaryFolder } from '@connector-alm/testing';

const contoso = buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.1' });
let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }], solutions: [contoso] });
});
beforeEach(() => {
  folder = temporaryFolder('dataverse-ops-');
});
afterAll(() => server.close());

const exportOptions = (file: string) => ({
  solutionName: 'Contoso',
  outputFile: file,
  managed: false,
  asynchronous: true,
  maxAsyncWaitMs: 60 * 60_000,
  publish: true,
});

describe('export', () => {
  it('publishes, exports asynchronously over several polls, and writes the zip the server holds', async () => {
    const { client } = connectToLocal(server);
    const file = path.join(folder, 'out', 'Contoso.zip');
    const start = server.requests.length;
    const publishes = server.dataverse.publishCount;
    const logger = createMemoryLogger();
    const result = await exportSolution(client, exportOptions(file), logger);
    expect(result).toMatchObject({
      solutionName: 'Contoso',
      version: '1.0.0.1',
      managed: false,
      changed: true,
    });
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(contoso))).toBe(true);
    expect(server.dataverse.publishCount).toBe(publishes + 1);
    const sequence = server.requests
      .slice(start)
      .filter((r) => r.service === 'dataverse')
      .map((r) => r.path.replace(/\(.*\)/, '(id)').split('?')[0]);
    expect(sequence).toEqual([
      '/api/data/v9.2/solutions',
      '/api/data/v9.2/PublishAllXml',
      '/api/data/v9.2/ExportSolutionAsync',
      '/api/data/v9.2/asyncoperations(id)',
      '/api/data/v9.2/asyncoperations(id)',
      '/api/data/v9.2/asyncoperations(id)',
      '/api/data/v9.2/DownloadSolutionExportData',
    ]);
    // Each poll in words, the codes in brackets for those who look them up.
    expect(logger.lines.filter((line) => line.startsWith('Export: '))).toEqual([
      'Export: waiting for resources (statecode 0, statuscode 0)',
      'Export: in progress (statecode 2, statuscode 20)',
      'Export: succeeded (statecode 3, statuscode 30)',
    ]);
  });

  it('reports unchanged when the file already holds the same entries', async () => {
    const { client } = connectToLocal(server);
    const file = path.join(folder, 'Contoso.zip');
    await exportSolution(client, { ...exportOptions(file), asynchronous: false }, createMemoryLogger());
    const second = await exportSolution(
      client,
      { ...exportOptions(file), asynchronous: false },
      createMemoryLogger(),
    );
    expect(second.changed).toBe(false);
  });

  it('reports changed when the file held another solution', async () => {
    const { client } = connectToLocal(server);
    const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '0.9.0.0' }, 'Contoso-changed.zip');
    const result = await exportSolution(
      client,
      { ...exportOptions(file), asynchronous: false },
      createMemoryLogger(),
    );
    expect(result.changed).toBe(true);
  });

  it('exports a managed zip that says Managed 1', async () => {
    const { client } = connectToLocal(server);
    const file = path.join(folder, 'Contoso_managed.zip');
    const result = await exportSolution(
      client,
      { ...exportOptions(file), managed: true },
      createMemoryLogger(),
    );
    expect(result.managed).toBe(true);
    expect(readSolutionManifest(new Uint8Array(readFileSync(file)), { file }).managed).toBe(true);
  });

  /** An export of the solution given by `solutionName`, which is no unique name of the environment's. */
  const exportByName = (solutionName: string) =>
    exportSolution(
      connectToLocal(server).client,
      { ...exportOptions(path.join(folder, 'x.zip')), solutionName },
      createMemoryLogger(),
    );

  it('names an unknown solution and says where the unique name is', async () => {
    await expect(exportByName("Nope'd")).rejects.toMatchObject({
      message: expect.stringContaining("Solution 'Nope'd' does not exist"),
      hint: '<solution-name> is the unique name (Solutions > the solution > Name column), not the display name.',
    });
  });

  it('names the unique name of the solution whose display name was given, in any letter case', async () => {
    // A quote in the name: the lookup by display name must escape it as the one by unique name does.
    server.store.put(
      buildSolutionZip({ uniqueName: 'Fabrikam', displayName: "Fabrikam's Connectors", version: '1.0.0.0' }),
      false,
    );
    await expect(exportByName("fabrikam's connectors")).rejects.toMatchObject({
      message: expect.stringContaining("Solution 'fabrikam's connectors' does not exist"),
      hint: '<solution-name> is the unique name (Solutions > the solution > Name column), not the display name: did you mean Fabrikam?',
    });
  });

  // The answer's names go into a log line, where a line break would start a workflow command: only
  // names Dataverse could have are suggested.
  it('suggests only unique names Dataverse could have from the display-name lookup', async () => {
    const row = (uniquename: unknown) => ({
      solutionid: '5f1c2a3e-0000-4000-8000-000000000002',
      uniquename,
      friendlyname: 'Odd Connectors',
      version: '1.0.0.0',
      ismanaged: false,
    });
    server.faults.inject({ kind: 'status', status: 200, body: { value: [] } }, { operation: 'solutions' });
    server.faults.inject(
      {
        kind: 'status',
        status: 200,
        body: { value: [row('Odd\n::error title=pwned::x'), row(7), row('OddConnectors')] },
      },
      { operation: 'solutions' },
    );
    await expect(exportByName('Odd Connectors')).rejects.toMatchObject({
      hint: '<solution-name> is the unique name (Solutions > the solution > Name column), not the display name: did you mean OddConnectors?',
    });
  });

  it('names every solution that has the display name given', async () => {
    for (const uniqueName of ['SharedB', 'SharedA'])
      server.store.put(
        buildSolutionZip({ uniqueName, displayName: 'Shared Connectors', version: '1.0.0.0' }),
        false,
      );
    await expect(exportByName('Shared Connectors')).rejects.toMatchObject({
      hint: expect.stringMatching(/: did you mean SharedA or SharedB\?$/),
    });
  });

  it('carries the system job failure reason', async () => {
    server.faults.failNextJob('Workflow export: FAILURE, the solution is locked.');
    const { client } = connectToLocal(server);
    await expect(
      exportSolution(client, exportOptions(path.join(folder, 'x.zip')), createMemoryLogger()),
    ).rejects.toThrow(/The reason given was: Workflow export: FAILURE/);
  });
});

describe('import', () => {
  it('says that an export zipped with its folder is one folder down, before signing in', async () => {
    const parts = unzipSync(buildSolutionZip({ uniqueName: 'Fabrikam', version: '3.1.0.0' }));
    const nested = Object.fromEntries(
      Object.entries(parts).map(([name, bytes]) => [`Fabrikam/${name}`, bytes]),
    );
    const file = path.join(folder, 'Fabrikam.zip');
    writeFileSync(file, zipSync(nested));
    const { client } = connectToLocal(server);
    const start = server.requests.length;
    const error = await importSolution(client, importOptions(file), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${file}: is not a Dataverse solution: it has no solution.xml and customizations.xml at its root.`,
    );
    expect((error as UserError).hint).toBe(
      'Its solution.xml is in Fabrikam/: the folder was zipped instead of the files in it. Zip the files inside Fabrikam/, or export the solution again.',
    );
    expect(server.requests.length).toBe(start);
  });

  it('says that an unpacked solution folder is not a solution zip, and to pack it first', async () => {
    mkdirSync(path.join(folder, 'Other'));
    writeFileSync(path.join(folder, 'Other', 'Solution.xml'), '<ImportExportXml/>');
    const { client } = connectToLocal(server);
    const start = server.requests.length;
    const error = await importSolution(client, importOptions(folder), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(`${folder}: is a folder, not a solution zip.`);
    expect((error as UserError).hint).toBe(
      'It is an unpacked solution: pack it first (connector-alm pack <this folder> <solution.zip>), then import the zip.',
    );
    expect(server.requests.length).toBe(start);
    // In a workflow, in its words.
    const { client: action } = connectToLocal(server, { say: inputWords });
    const refused = await importSolution(action, importOptions(folder), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect((refused as UserError).hint).toBe(
      'It is an unpacked solution: pack it first (the pack-solution action), then import the zip.',
    );
  });

  // Other/ renamed other/ on Windows or macOS: "Give the solution zip to import" said nothing of it.
  it('names the rename an unpacked solution in other letter case needs, then to pack it', async () => {
    mkdirSync(path.join(folder, 'other'));
    writeFileSync(path.join(folder, 'other', 'Solution.xml'), '<ImportExportXml/>');
    writeFileSync(path.join(folder, 'other', 'Customizations.xml'), '<ImportExportXml/>');
    const { client } = connectToLocal(server);
    const error = await importSolution(client, importOptions(folder), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(`${folder}: is a folder, not a solution zip.`);
    expect((error as UserError).hint).toBe(
      'It is an unpacked solution with its parts in other letter case. other/ differs from Other/ in letter case only, which Linux tells apart: rename the folder to Other/. Then pack it (connector-alm pack <this folder> <solution.zip>) and import the zip.',
    );
  });

  // `import customHIL`, a folder holding customHIL_1_0_0_3.zip and the solution unpacked, was told to
  // pack the folder, which is no unpacked solution.
  it('names the zips a folder holds, and the unpacked solution in it to pack, instead of packing the folder', async () => {
    const { client } = connectToLocal(server);
    const attempt = async (): Promise<UserError> =>
      (await importSolution(client, importOptions(folder), createMemoryLogger()).catch(
        (e: unknown) => e,
      )) as UserError;
    mkdirSync(path.join(folder, 'unpacked', 'Other'), { recursive: true });
    writeFileSync(path.join(folder, 'unpacked', 'Other', 'Solution.xml'), '<ImportExportXml/>');
    expect((await attempt()).hint).toBe(
      'It holds no zip: pack the unpacked solution in unpacked first (connector-alm pack <that folder> <solution.zip>), then import the zip.',
    );
    writeFileSync(path.join(folder, 'customHIL_1_0_0_3.zip'), contoso);
    const one = await attempt();
    expect(one).toBeInstanceOf(UsageError);
    expect(locatedMessage(one)).toBe(`${folder}: is a folder, not a solution zip.`);
    expect(one.hint).toBe(
      'It holds one, customHIL_1_0_0_3.zip: give that zip. Or pack the unpacked solution in unpacked first (connector-alm pack <that folder> <solution.zip>), then import the zip.',
    );
    // Those in the folder first, then those of its folders; none deeper.
    writeFileSync(path.join(folder, 'unpacked', 'old.zip'), contoso);
    mkdirSync(path.join(folder, 'unpacked', 'deeper'));
    writeFileSync(path.join(folder, 'unpacked', 'deeper', 'deep.zip'), contoso);
    writeFileSync(path.join(folder, 'a.zip'), contoso);
    expect((await attempt()).hint).toMatch(
      /^It holds 3 zips, a\.zip, customHIL_1_0_0_3\.zip, unpacked\/old\.zip: give the one to import\. Or pack /,
    );
    // Five are named, the rest counted.
    for (const name of ['b', 'c', 'd', 'e']) writeFileSync(path.join(folder, `${name}.zip`), contoso);
    expect((await attempt()).hint).toMatch(
      /^It holds 7 zips, a\.zip, b\.zip, c\.zip, customHIL_1_0_0_3\.zip, d\.zip and 2 more: give the one to import\. Or pack /,
    );
  });

  // Searched as pack searches a folder that is no solution (three levels down, bounded): a repository
  // keeps its unpacked solutions in solutions/<name>, which one level down did not find.
  it('names an unpacked solution further down, as pack names it', async () => {
    const { client } = connectToLocal(server);
    mkdirSync(path.join(folder, 'solutions', 'Contoso', 'Other'), { recursive: true });
    writeFileSync(path.join(folder, 'solutions', 'Contoso', 'Other', 'Solution.xml'), '<ImportExportXml/>');
    const error = (await importSolution(client, importOptions(folder), createMemoryLogger()).catch(
      (e: unknown) => e,
    )) as UserError;
    expect(error.hint).toBe(
      'It holds no zip: pack the unpacked solution in solutions/Contoso first (connector-alm pack <that folder> <solution.zip>), then import the zip.',
    );
  });

  it('says what to give for a folder that holds no solution at all', async () => {
    const { client } = connectToLocal(server);
    const error = await importSolution(client, importOptions(folder), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(`${folder}: is a folder, not a solution zip.`);
    expect((error as UserError).hint).toBe(
      'Give the solution zip to import: an export, or a zip that pack or build-solution wrote.',
    );
  });

  // ELOOP was not among the codes the reader knew: "cannot be read (ELOOP).", a user error but not a
  // usage one, with nothing to do about it.
  it('says that a zip path that is a link round in a loop is one, with what to do', async () => {
    const { client } = connectToLocal(server);
    const start = server.requests.length;
    const file = path.join(folder, 'Loop.zip');
    symlinkSync(file, file);
    const error = await importSolution(client, importOptions(file), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(locatedMessage(error)).toBe(`${file}: is a symbolic link that leads nowhere (to '${file}').`);
    expect((error as UserError).hint).toBe('Check the path of the solution zip to import.');
    expect(server.requests.length).toBe(start);
  });

  it('imports asynchronously with import-job progress and component parameters from deployment settings', async () => {
    const file = path.join(folder, 'Fabrikam.zip');
    writeFileSync(
      file,
      buildSolutionZip({
        uniqueName: 'Fabrikam',
        version: '3.1.0.0',
        environmentVariables: { cr1a6_ApiHost: {}, cr1a6_Unset: { defaultValue: 'x' } },
        connectionReferences: ['cr1a6_shopifyref'],
      }),
    );
    const settings = readDeploymentSettings(
      JSON.stringify({
        EnvironmentVariables: [
          { SchemaName: 'cr1a6_ApiHost', Value: 'api.contoso.com' },
          { SchemaName: 'cr1a6_Unset', Value: '' },
        ],
        ConnectionReferences: [
          {
            LogicalName: 'cr1a6_shopifyref',
            ConnectionId: 'c0ffee',
            ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_x',
          },
        ],
      }),
      'settings.json',
    );
    const { client } = connectToLocal(server);
    const logger = createMemoryLogger();
    const result = await importSolution(
      client,
      importOptions(file, { asynchronous: true, deploymentSettings: settings }),
      logger,
    );
    expect(result).toMatchObject({
      result: 'imported',
      solutionName: 'Fabrikam',
      version: '3.1.0.0',
      asynchronous: true,
    });
    expect(server.store.get('Fabrikam')?.version).toBe('3.1.0.0');
    expect(server.dataverse.imports.at(-1)?.componentParameters).toEqual([
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
        schemaname: 'cr1a6_ApiHost',
        value: 'api.contoso.com',
      },
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.connectionreference',
        connectionreferencelogicalname: 'cr1a6_shopifyref',
        connectionid: 'c0ffee',
        connectorid: '/providers/Microsoft.PowerApps/apis/shared_x',
      },
    ]);
    expect(logger.lines.filter((line) => /^Import: \d+%$/.test(line)).length).toBeGreaterThanOrEqual(2);
    expect(logger.lines).toContain('With 2 component parameters from the deployment settings.');
  });

  it('counts a single component parameter in the singular', async () => {
    const file = path.join(folder, 'Single.zip');
    writeFileSync(
      file,
      buildSolutionZip({
        uniqueName: 'Single',
        version: '1.0.0.0',
        environmentVariables: { cr1a6_ApiHost: {} },
      }),
    );
    const settings = readDeploymentSettings(
      JSON.stringify({ EnvironmentVariables: [{ SchemaName: 'cr1a6_ApiHost', Value: 'api.contoso.com' }] }),
      'settings.json',
    );
    const { client } = connectToLocal(server);
    const logger = createMemoryLogger();
    await importSolution(client, importOptions(file, { deploymentSettings: settings }), logger);
    expect(logger.lines).toContain('With 1 component parameter from the deployment settings.');
  });

  // The log of an import is its group title and its outcome; the lines that some imports add (component
  // parameters, a new install by an upgrade, the import job's start) are not written for the others.
  it('logs a plain import as a title that says its mode and how it runs, and the Imported line alone', async () => {
    const { client } = connectToLocal(server);
    const unmanaged = solutionZipIn(folder, { uniqueName: 'PlainUnmanaged', version: '1.0.0.0' });
    const logger = createMemoryLogger();
    const first = await importSolution(client, importOptions(unmanaged), logger);
    expect(logger.lines).toEqual([
      '## Import unmanaged solution PlainUnmanaged 1.0.0.0',
      `Imported PlainUnmanaged 1.0.0.0 (import job ${first.importJobId}).`,
    ]);

    const managed = path.join(folder, 'PlainManaged.zip');
    writeFileSync(
      managed,
      buildSolutionZip({ uniqueName: 'PlainManaged', version: '1.0.0.0', managed: true }),
    );
    const asyncLogger = createMemoryLogger();
    const second = await importSolution(client, importOptions(managed, { asynchronous: true }), asyncLogger);
    expect(asyncLogger.lines[0]).toBe('## Import managed solution PlainManaged 1.0.0.0 asynchronously');
    expect(asyncLogger.lines.filter((line) => !/^Import: \d+%$/.test(line)).slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(`^Import job ${second.importJobId} started \\(system job [0-9a-f-]{36}\\)\\.$`),
      ),
      `Imported PlainManaged 1.0.0.0 (import job ${second.importJobId}).`,
    ]);
  });

  // Each option reaches Dataverse as the ImportSolution parameter it names, and one left off is not sent.
  it.each([
    [
      {},
      {
        publishWorkflows: true,
        convertToManaged: false,
        skipProductUpdateDependencies: false,
        holdingSolution: false,
      },
    ],
    [
      {
        overwriteUnmanagedCustomizations: true,
        publishWorkflows: false,
        convertToManaged: true,
        skipDependencyCheck: true,
        holdingSolution: true,
      },
      {
        overwriteUnmanagedCustomizations: true,
        publishWorkflows: false,
        convertToManaged: true,
        skipProductUpdateDependencies: true,
        holdingSolution: true,
      },
    ],
  ])('sends the import options %j as their parameters', async (options, sent) => {
    const file = path.join(folder, 'Flagged.zip');
    writeFileSync(
      file,
      buildSolutionZip({ uniqueName: 'Flagged', version: `1.0.${server.dataverse.imports.length}.0` }),
    );
    await importSolution(connectToLocal(server).client, importOptions(file, options), createMemoryLogger());
    expect(server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'Flagged',
      componentParameters: [],
      ...sent,
    });
  });

  // An ID from an answer goes into the path of the next request: only a GUID is put there.
  it('refuses a system job ID that is no GUID before it goes into a request path', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'OddJob', version: '1.0.0.0' });
    server.faults.inject(
      { kind: 'status', status: 200, body: { AsyncOperationId: '../solutions' } },
      { operation: 'ImportSolutionAsync' },
    );
    const { client, sent } = connectToLocal(server);
    await expect(
      importSolution(client, importOptions(file, { asynchronous: true }), createMemoryLogger()),
    ).rejects.toThrow("Dataverse returned '../solutions' where a job ID (GUID) was expected.");
    expect(sent.filter((line) => line.includes('asyncoperations'))).toEqual([]);
  });

  // The import log can be megabytes: only the read that confirms the import asks for it.
  it("reads the import job's progress without its log, and its log once", async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Logged', version: '1.0.0.0' });
    const { client, sent } = connectToLocal(server);
    await importSolution(client, importOptions(file, { asynchronous: true }), createMemoryLogger());
    const reads = sent
      .map((line) => new URL(line.split(' ')[1]!))
      .filter((url) => url.pathname.includes('/importjobs('));
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.filter((url) => url.searchParams.get('$select')!.split(',').includes('data'))).toHaveLength(
      1,
    );
  });

  // The import job appears a little after its system job starts: Dataverse answers 404 until then.
  it('reads a 404 of the import job while the system job runs as "no progress yet", not as a failure', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'LateJob', version: '1.0.0.0' });
    server.faults.inject({ kind: 'status', status: 404 }, { operation: 'importjobs', times: 1 });
    // The client's logger, which the import's own lines and the Web API's retries both reach.
    const { client, logger } = connectToLocal(server);
    const result = await importSolution(client, importOptions(file, { asynchronous: true }), logger);
    expect(result).toMatchObject({ result: 'imported', asynchronous: true });
    expect(server.store.get('LateJob')?.version).toBe('1.0.0.0');
    expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([]);
  });

  it('reads the import job again after a 500, with a warning that names the read', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'ShakyJob', version: '1.0.0.0' });
    server.faults.inject({ kind: 'status', status: 500 }, { operation: 'importjobs', times: 1 });
    const { client, logger } = connectToLocal(server);
    const result = await importSolution(client, importOptions(file, { asynchronous: true }), logger);
    expect(result).toMatchObject({ result: 'imported', asynchronous: true });
    expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([
      'warning: Progress of the import job: HTTP 500 0x80040216; retrying in 1 s.',
    ]);
  });

  it("reports an import whose system job succeeded but whose import job failed, with Dataverse's message", async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Needy', version: '1.0.0.0' });
    server.faults.failNextImport({
      errortext: 'The import of solution: Needy failed. Required components are missing.',
      errorcode: '0x80048033',
    });
    const { client } = connectToLocal(server);
    const logger = createMemoryLogger();
    await expect(
      importSolution(client, importOptions(file, { asynchronous: true }), logger),
    ).rejects.toMatchObject({
      message:
        "Import of solution 'Needy' failed in Dataverse. The reason given was: The import of solution: Needy failed. Required components are missing. (Dataverse code 0x80048033)",
      hint: expect.stringMatching(/^Import job [0-9a-f-]{36} in the environment has the details/),
    });
    expect(server.store.get('Needy')).toBeUndefined();
    expect(logger.lines.filter((line) => /NaN|null/.test(line))).toEqual([]);
  });

  // An import that finished with warnings (a component left out, a dependency noted) is installed: the
  // step succeeds, and the warning says what Dataverse wrote, or where to read it.
  it.each([
    [
      'The solution was imported with warnings: a process could not be activated.',
      "warning: Import of solution 'Warned' finished with warnings: The solution was imported with warnings: a process could not be activated.",
    ],
    ['', "warning: Import of solution 'WarnedSilently' finished with warnings: see the import job."],
  ])(
    'logs an import whose import job finished with warnings (%j) as a warning, and imports it',
    async (text, warning) => {
      const name = text === '' ? 'WarnedSilently' : 'Warned';
      const file = solutionZipIn(folder, { uniqueName: name, version: '1.0.0.0' });
      server.faults.warnNextImport(text);
      const logger = createMemoryLogger();
      const result = await importSolution(
        connectToLocal(server).client,
        importOptions(file, { asynchronous: true }),
        logger,
      );
      expect(result).toMatchObject({ result: 'imported', solutionName: name });
      expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([warning]);
      expect(server.store.get(name)?.version).toBe('1.0.0.0');
    },
  );

  // The system job succeeded, so the import most likely did: a log that gives no verdict is a warning
  // that says why, not a failure.
  it.each([
    [
      'Dataverse no longer finds the import job',
      { kind: 'status', status: 404 },
      'Dataverse did not find the import job.',
    ],
    [
      'its log is not XML',
      {
        kind: 'status',
        status: 200,
        body: {
          importjobid: '00000000-0000-4000-8000-000000000000',
          progress: null,
          data: 'Service Unavailable',
        },
      },
      'its import log is not XML (line 1, column 19: invalid XML: text data outside of root node.).',
    ],
  ] as const)('warns that an import could not be confirmed when %s', async (_, fault, why) => {
    const name = fault.status === 404 ? 'UnconfirmedGone' : 'UnconfirmedNotXml';
    const file = solutionZipIn(folder, { uniqueName: name, version: '1.0.0.0' });
    // Every read of the import job: its progress reads, then the read of its log.
    server.faults.inject(fault, { operation: 'importjobs', times: 1000 });
    const logger = createMemoryLogger();
    try {
      const result = await importSolution(
        connectToLocal(server).client,
        importOptions(file, { asynchronous: true }),
        logger,
      );
      expect(result.result).toBe('imported');
      expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([
        `warning: Import of solution '${name}': the system job succeeded, but import job ${result.importJobId} could not confirm it: ${why}`,
      ]);
    } finally {
      server.faults.clear();
    }
  });

  it('reports the failure of an import job that never reported progress', async () => {
    const quick = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }], asyncPolls: 1 });
    try {
      const file = solutionZipIn(folder, { uniqueName: 'Early', version: '1.0.0.0' });
      quick.faults.failNextImport({
        errortext: 'Solution manifest import: FAILURE: a newer version is installed.',
      });
      const { client } = connectToLocal(quick);
      const logger = createMemoryLogger();
      await expect(
        importSolution(client, importOptions(file, { asynchronous: true }), logger),
      ).rejects.toThrow(
        /The reason given was: Solution manifest import: FAILURE: a newer version is installed/,
      );
      expect(logger.lines.filter((line) => line.startsWith('Import:'))).toEqual([]);
    } finally {
      await quick.close();
    }
  });

  it('reads the system job again when its first status read does not find it yet (replication lag)', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Lagged', version: '1.0.0.0' });
    server.faults.hideNextJob(2);
    const { client, sleeps, logger } = connectToLocal(server);
    const start = server.requests.length;
    const result = await importSolution(client, importOptions(file, { asynchronous: true }), logger);
    expect(result.result).toBe('imported');
    expect(
      server.requests
        .slice(start)
        .filter((request) => request.path.includes('/asyncoperations('))
        .map((request) => request.status),
    ).toEqual([404, 404, 200, 200, 200]);
    expect(sleeps.slice(0, 2)).toEqual([1000, 2000]);
    // One retry warning per 404 (the debug log names each answer's status too).
    expect(
      logger.lines.filter((line) => line.startsWith('warning: ') && line.includes('HTTP 404')),
    ).toHaveLength(2);
  });

  it('gives up on a system job that stays missing after a few reads, naming it', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Lost', version: '1.0.0.0' });
    server.faults.hideNextJob(100);
    const { client, sleeps } = connectToLocal(server);
    await expect(
      importSolution(client, importOptions(file, { asynchronous: true }), createMemoryLogger()),
    ).rejects.toThrow(
      /^Status of the system job failed: Entity 'asyncoperation' With Id = [0-9a-f-]{36} Does Not Exist \(Dataverse code 0x80040217, HTTP 404\); gave up after 4 attempts/,
    );
    expect(sleeps).toEqual([1000, 2000, 4000]);
    server.faults.clear();
  });

  it('imports a small solution synchronously when left on auto, and skips a lower or equal version when asked', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0.0.0' });
    const { client } = connectToLocal(server);
    const skipped = await importSolution(
      client,
      importOptions(file, { skipLowerVersion: true }),
      createMemoryLogger(),
    );
    expect(skipped.result).toBe('skipped');
    // Not skipped, the lower version goes to Dataverse, which refuses it.
    const refused = await importSolution(client, importOptions(file), createMemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).message).toContain('must have a higher version');
    writeFileSync(file, buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.2' }));
    const imported = await importSolution(client, importOptions(file), createMemoryLogger());
    expect(imported).toMatchObject({ result: 'imported', asynchronous: false });
    // Put the original back for the other tests.
    server.store.put(contoso, false);
  });

  // A zip of a snapshot unpacked with reset-version (0.0.0.0), packed without a version, was skipped
  // with an info line and success: every run of the promote workflow without its version input.
  it('warns, in the words of an action, that a zip of a reset snapshot is skipped on every run', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '0.0.0.0' }, 'Reset.zip');
    const logger = createMemoryLogger();
    const skipped = await importSolution(
      connectToLocal(server, { say: inputWords }).client,
      importOptions(file, { skipLowerVersion: true }),
      logger,
    );
    expect(skipped).toMatchObject({ result: 'skipped', installedVersion: '1.0.0.1' });
    expect(logger.lines).toEqual([
      'warning: Skipped: Contoso 1.0.0.1 is installed, the file has 0.0.0.0. 0.0.0.0 is the version of a snapshot unpacked with a reset version (0.0.0.0) or of a build of one, lower than any the environment has, so this file is skipped on every run. Give it a version higher than 1.0.0.1, e.g. 1.0.0.2 (the version input of pack-solution).',
    ]);
  });

  // A build numbered below what the environment got elsewhere (a manual import of 1.2.0.0, a run
  // number that started again) was skipped with an info line and success, on every run.
  it('warns, naming the version to give, that a build of a lower version is skipped', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0' }, 'Lower.zip');
    const logger = createMemoryLogger();
    const skipped = await importSolution(
      connectToLocal(server, { say: inputWords }).client,
      importOptions(file, { skipLowerVersion: true }),
      logger,
    );
    expect(skipped).toMatchObject({ result: 'skipped', installedVersion: '1.0.0.1' });
    expect(logger.lines).toEqual([
      'warning: Skipped: Contoso 1.0.0.1 is installed, the file has 1.0. 1.0 is lower than the installed version, so this file is skipped on every run and its changes never arrive. Give it a version higher than 1.0.0.1, e.g. 1.0.0.2 (the version input of pack-solution).',
    ]);
  });

  // The version after 1.0.0.2147483647 was 1.0.0.2147483648, which pack refuses as no Dataverse version.
  it.each([
    [
      '1.0.0.2147483647',
      'Give it a version higher than 1.0.0.2147483647, e.g. 1.0.1.0 (the version input of pack-solution).',
    ],
    [
      '2147483647.2147483647.2147483647.2147483647',
      'No version is higher, though: no version is higher than 2147483647.2147483647.2147483647.2147483647: each of its parts is 2147483647, the highest a Dataverse version holds. Import it under another unique name, or remove the solution from the environment first.',
    ],
  ])(
    'names a version Dataverse holds as the one to give above %s, or says there is none',
    async (installed, advice) => {
      server.store.put(buildSolutionZip({ uniqueName: 'Topped', version: installed }), false);
      const file = solutionZipIn(folder, { uniqueName: 'Topped', version: '1.0.0.0' });
      const logger = createMemoryLogger();
      const skipped = await importSolution(
        connectToLocal(server, { say: inputWords }).client,
        importOptions(file, { skipLowerVersion: true }),
        logger,
      );
      expect(skipped).toMatchObject({ result: 'skipped', installedVersion: installed });
      expect(logger.lines).toEqual([
        `warning: Skipped: Topped ${installed} is installed, the file has 1.0.0.0. 1.0.0.0 is lower than the installed version, so this file is skipped on every run and its changes never arrive. ${advice}`,
      ]);
    },
  );

  it('skips the version the environment has with an info line: a re-run of the build', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0.0.1' }, 'Same.zip');
    const logger = createMemoryLogger();
    const skipped = await importSolution(
      connectToLocal(server).client,
      importOptions(file, { skipLowerVersion: true }),
      logger,
    );
    expect(skipped).toMatchObject({ result: 'skipped', installedVersion: '1.0.0.1' });
    expect(logger.lines).toEqual(['Skipped: Contoso 1.0.0.1 is installed, the file has 1.0.0.1.']);
  });

  // The first promote of a snapshot without a version imported 0.0.0.0 into fresh environments silently.
  it('warns that a zip of a reset snapshot imported into an environment without it gets no version of its own', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'FreshReset', version: '0.0.0.0' });
    const logger = createMemoryLogger();
    const imported = await importSolution(
      connectToLocal(server).client,
      importOptions(file, { skipLowerVersion: true }),
      logger,
    );
    expect(imported).toMatchObject({ result: 'imported', version: '0.0.0.0' });
    expect(logger.lines.filter((line) => line.startsWith('warning: '))).toEqual([
      'warning: Importing FreshReset 0.0.0.0, the version of a snapshot unpacked with a reset version (0.0.0.0) or of a build of one, not a version of its own: the environment will show it, and every later build at it is skipped by skip-lower-version. Give the zip a version, e.g. 1.0.0.0 (pack --solution-version, or build-solution --solution-version for a zip it built).',
    ]);
    expect(server.store.get('FreshReset')).toMatchObject({ version: '0.0.0.0' });
  });

  // Skipped, and listed as skipped, when ../shared/fixtures/solutions is absent.
  (solutionFixturePath('customHIL/customHIL_1_0_0_3.zip') ? it : it.skip)(
    'imports a real export from the shared fixtures',
    async () => {
      const fixture = solutionFixturePath('customHIL/customHIL_1_0_0_3.zip')!;
      const { client } = connectToLocal(server);
      const result = await importSolution(
        client,
        importOptions(fixture, { asynchronous: true }),
        createMemoryLogger(),
      );
      expect(result.result).toBe('imported');
      expect(
        Buffer.from(server.store.get(result.solutionName)!.zip).equals(
          Buffer.from(solutionFixture('customHIL/customHIL_1_0_0_3.zip')!),
        ),
      ).toBe(true);
    },
  );

  // Skipped, and listed as skipped, when ../shared/fixtures/solutions is absent.
  (solutionFixturePath('not-a-solution/PatternTry-Catch-Finally.zip') ? it : it.skip)(
    'refuses a zip that is not a solution, naming the file, before calling Dataverse',
    async () => {
      const fixture = solutionFixturePath('not-a-solution/PatternTry-Catch-Finally.zip')!;
      const { client } = connectToLocal(server);
      const before = server.requests.length;
      await expect(importSolution(client, importOptions(fixture), createMemoryLogger())).rejects.toThrow(
        /is not a Dataverse solution/,
      );
      expect(server.requests.length).toBe(before);
    },
  );
});

describe('an import is never applied twice', () => {
  const zip = () => solutionZipIn(folder, { uniqueName: 'Once', version: '1.0.0.0' });
  it.each([
    ['a 504', { kind: 'status', status: 504 } as const],
    ['a dropped connection', { kind: 'drop-connection' } as const],
  ])(
    'after %s before the service took it: finds no import job, sends it once more, imports it once',
    async (_what, fault) => {
      server.faults.inject(fault, { times: 1, operation: 'ImportSolution' });
      const jobsBefore = server.dataverse.importJobsStarted();
      const { client, sleeps } = connectToLocal(server);
      const result = await importSolution(
        client,
        importOptions(zip(), { asynchronous: false }),
        createMemoryLogger(),
      );
      expect(result).toMatchObject({ result: 'imported', solutionName: 'Once' });
      expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
      // The grace period in which the import job, had it started, would have been seen.
      expect(sleeps).toEqual([5000, 10_000, 15_000]);
      server.faults.clear();
    },
  );

  it('resends it after service protection refused it (429), which means it was not processed', async () => {
    server.faults.inject(
      { kind: 'throttle', retryAfterSeconds: 2 },
      { times: 1, operation: 'ImportSolution' },
    );
    const { client, sleeps } = connectToLocal(server);
    const result = await importSolution(
      client,
      importOptions(zip(), { asynchronous: false }),
      createMemoryLogger(),
    );
    expect(result).toMatchObject({ result: 'imported', solutionName: 'Once' });
    expect(sleeps).toEqual([2000]);
  });
});

describe('the local server keeps imports inside its solutions folder', () => {
  it('refuses a unique name that would write outside it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dataverse-store-'));
    const solutions = path.join(root, 'solutions');
    mkdirSync(solutions);
    const local = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      solutionsFolder: solutions,
    });
    try {
      const file = solutionZipIn(root, { uniqueName: '../escaped', version: '1.0.0.0' }, 'evil.zip');
      const { client } = connectToLocal(local);
      await expect(
        importSolution(client, importOptions(file, { asynchronous: false }), createMemoryLogger()),
        // Refused where the zip is read, before the upload.
      ).rejects.toMatchObject({
        message: 'has <UniqueName>../escaped</UniqueName>, which is no Dataverse unique name.',
      });
      // Sent anyway, as another client would: the server reads the manifest as every command does.
      const sent = await client
        .importSolution({
          customizationFile: new Uint8Array(readFileSync(file)),
          importJobId: crypto.randomUUID(),
          overwriteUnmanagedCustomizations: true,
          publishWorkflows: true,
        })
        .catch((e: unknown) => e);
      expect(sent).toBeInstanceOf(DataverseError);
      expect(sent).toMatchObject({ status: 400, code: '0x80048060' });
      expect((sent as DataverseError).message).toContain(
        'has <UniqueName>../escaped</UniqueName>, which is no Dataverse unique name.',
      );
      expect(readdirSync(root).sort()).toEqual(['evil.zip', 'solutions']);
      expect(readdirSync(solutions)).toEqual([]);
    } finally {
      await local.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
