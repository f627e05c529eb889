import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { UserError } from '@connector-alm/core';
import { exportSolution, type ExportSolutionOptions, type LocalServer } from '../src/index.js';
import { connectToLocal, startContosoServer } from './helpers/connect.js';

// What the client makes of answers that the Web API should never give but a proxy or a service in a
// bad state can: each a user error that names the call, and no file written.

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startContosoServer();
  folder = temporaryFolder('export-answers-');
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

const exportOptions = (asynchronous: boolean): ExportSolutionOptions & { outputFile: string } => ({
  solutionName: 'Contoso',
  outputFile: path.join(folder, `Contoso-${asynchronous ? 'async' : 'sync'}.zip`),
  managed: false,
  asynchronous,
  maxAsyncWaitMs: 60 * 60_000,
  publish: false,
});

describe('an export answered without the solution file', () => {
  it.each([
    { asynchronous: false, operation: 'ExportSolution', body: {}, what: "Export of solution 'Contoso'" },
    {
      asynchronous: true,
      operation: 'DownloadSolutionExportData',
      body: { ExportSolutionFile: '' },
      what: 'Download of the exported solution',
    },
  ])(
    '$operation: says which call answered without it, and where',
    async ({ asynchronous, operation, body, what }) => {
      server.faults.inject({ kind: 'status', status: 200, body }, { operation });
      const { client, logger } = connectToLocal(server);
      const options = exportOptions(asynchronous);
      const error = await exportSolution(client, options, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(
        `${what}: ${new URL(server.environmentUrl).origin} answered ${operation} without the solution file (ExportSolutionFile).`,
      );
      expect((error as UserError).hint).toBe(
        'Run the command again; if the answer is the same, export the solution in Power Apps to see what Dataverse says.',
      );
      expect(existsSync(options.outputFile)).toBe(false);
    },
  );
});

// Dataverse's answer to a user without the privilege to export.
const MISSING_PRIVILEGE = {
  error: {
    code: '0x80040220',
    message:
      "Principal user (Id=5f1c2a3e-0000-4000-8000-00000000000a, type=8) is missing prvExportSolution privilege (Id=b5fbd2a1-0000-4000-8000-00000000000b) on OTC=7100 for entity 'solution'.",
  },
};

describe('an export refused by Dataverse', () => {
  it.each([
    { asynchronous: false, operation: 'ExportSolution' },
    { asynchronous: true, operation: 'ExportSolutionAsync' },
  ])('$operation: names the solution in the error', async ({ asynchronous, operation }) => {
    server.faults.inject({ kind: 'status', status: 403, body: MISSING_PRIVILEGE }, { operation });
    const { client, logger } = connectToLocal(server);
    const error = await exportSolution(client, exportOptions(asynchronous), logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `Export of solution 'Contoso' failed: ${MISSING_PRIVILEGE.error.message} (Dataverse code 0x80040220, HTTP 403)`,
    );
    expect((error as UserError).hint).toBe(
      'The application user lacks a privilege: give it a security role that has it (System Customizer covers solution export and import).',
    );
  });
});
