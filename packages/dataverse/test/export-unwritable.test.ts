import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { exportSolution, type LocalServer } from '../src/index.js';
import { connectToLocal, startContosoServer } from './helpers/connect.js';
import { locatedMessage, unwritableFolder } from '@connector-alm/testing';

const readOnly = unwritableFolder();
let server: LocalServer;
beforeAll(async () => {
  server = await startContosoServer();
});
afterAll(async () => {
  await server.close();
  readOnly?.cleanup();
});

describe('export to a path that is a folder', () => {
  it('says so before publishing and exporting', async () => {
    const { client } = connectToLocal(server);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'export-folder-'));
    const start = server.requests.length;
    const error = await exportSolution(
      client,
      {
        solutionName: 'Contoso',
        outputFile: folder,
        managed: false,
        asynchronous: true,
        maxAsyncWaitMs: 60_000,
        publish: true,
      },
      createMemoryLogger(),
    ).catch((e: unknown) => e);
    rmSync(folder, { recursive: true });
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(`${folder}: is a folder; the exported zip cannot be written there.`);
    const routes = server.requests.slice(start).map((r) => r.path.split('?')[0]);
    expect(routes.filter((route) => /PublishAllXml|ExportSolution/.test(route!))).toEqual([]);
  });
});

(readOnly ? describe : describe.skip)('export into a folder that cannot be written', () => {
  it('says so before publishing and exporting, naming the zip, as a user error', async () => {
    const { client } = connectToLocal(server);
    const file = path.join(readOnly!.folder, 'Contoso.zip');
    const start = server.requests.length;
    const error = await exportSolution(
      client,
      {
        solutionName: 'Contoso',
        outputFile: file,
        managed: false,
        asynchronous: true,
        maxAsyncWaitMs: 60_000,
        publish: true,
      },
      createMemoryLogger(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be written: permission denied \\(E`,
      ),
    );
    expect((error as UserError).hint).toBe('Choose a folder you can write to, or change its permissions.');
    // A long export is not run (and lost) only to find the folder refuses the zip.
    const routes = server.requests.slice(start).map((r) => r.path.split('?')[0]);
    expect(routes.filter((route) => /PublishAllXml|ExportSolution/.test(route!))).toEqual([]);
  });
});
