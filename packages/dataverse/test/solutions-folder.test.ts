import { beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { strFromU8, unzipSync } from 'fflate';
import { createMemoryLogger } from '@connector-alm/core';
import { importSolution, startLocalServer } from '../src/index.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';

/** The local server on a folder of solution zips, as `dev-server --solutions` runs it. */
const serveFolder = (solutionsFolder: string) =>
  startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }], solutionsFolder });

describe('the local server on a folder of solution zips, started again', () => {
  let root: string;
  let solutions: string;
  beforeEach(() => {
    root = temporaryFolder('dataverse-folder-');
    solutions = path.join(root, 'solutions');
    mkdirSync(solutions);
  });

  it('serves the version last imported, not the export the folder was first given under its own file name', async () => {
    // As Dataverse names an export: the unique name and the version.
    writeFileSync(
      path.join(solutions, 'Contoso_1_0_0_3.zip'),
      buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.3' }),
    );
    const first = await serveFolder(solutions);
    try {
      const upgrade = solutionZipIn(root, { uniqueName: 'Contoso', version: '1.0.0.4' }, 'upgrade.zip');
      const { client } = connectToLocal(first);
      await importSolution(client, importOptions(upgrade, { asynchronous: false }), createMemoryLogger());
    } finally {
      await first.close();
    }
    expect(readdirSync(solutions).sort()).toEqual(['Contoso.zip', 'Contoso_1_0_0_3.zip']);

    const second = await serveFolder(solutions);
    try {
      expect(second.store.get('Contoso')?.version).toBe('1.0.0.4');
    } finally {
      await second.close();
    }
  });

  it('serves an import of the same version over the export it replaced', async () => {
    const exported = { uniqueName: 'Contoso', version: '1.0.0.3', extra: { 'which.txt': 'exported' } };
    writeFileSync(path.join(solutions, 'Contoso_1_0_0_3.zip'), buildSolutionZip(exported));
    writeFileSync(
      path.join(solutions, 'Contoso.zip'),
      buildSolutionZip({ ...exported, extra: { 'which.txt': 'imported' } }),
    );
    const server = await serveFolder(solutions);
    try {
      const served = unzipSync(server.store.get('Contoso')!.zip);
      expect(strFromU8(served['which.txt']!)).toBe('imported');
    } finally {
      await server.close();
    }
  });
});
