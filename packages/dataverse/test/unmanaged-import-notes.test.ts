import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMemoryLogger } from '@connector-alm/core';
import { temporaryFolder } from '@connector-alm/testing';
import { importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { importOptions } from './helpers/import-options.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';

// build-solution --existing makes a connector-only zip of a solution that also holds an app or a flow.
// Imported over the unmanaged solution, Dataverse keeps the app in it (an unmanaged import removes
// nothing); the local server exports the zip as imported, so a maker trying the round trip on
// dev-server saw the app deleted from the unpacked solution. It says so now, in its log.

let server: LocalServer;
const notes: string[] = [];
const folder = temporaryFolder('unmanaged-import-notes-');
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    onNote: (note) => notes.push(note),
  });
});
afterAll(() => server.close());

async function importZip(name: string, version: string, connectors: string[], managed = false) {
  const file = path.join(folder, `${name}_${version.replace(/\./g, '_')}_${managed}.zip`);
  writeFileSync(file, buildSolutionZip({ uniqueName: name, version, managed, connectors }));
  await importSolution(connectToLocal(server).client, importOptions(file), createMemoryLogger());
}

describe('the local server on an unmanaged import that lacks components of the solution', () => {
  it('notes the components Dataverse would keep and its export leaves out', async () => {
    await importZip('Contoso', '1.0.0.0', ['cr1a6_a', 'cr1a6_b', 'cr1a6_c']);
    expect(notes).toEqual([]);
    await importZip('Contoso', '1.0.0.1', ['cr1a6_a']);
    await importZip('Fabrikam', '1.0.0.0', ['cr1a6_a', 'cr1a6_b']);
    await importZip('Fabrikam', '1.0.0.1', ['cr1a6_b']);
    expect(notes).toEqual([
      'Contoso 1.0.0.1 was imported without 2 components that 1.0.0.0 had (connector cr1a6_b, connector cr1a6_c): Dataverse keeps them in the unmanaged solution and in its exports; this dev server exports the zip as imported, without them.',
      'Fabrikam 1.0.0.1 was imported without 1 component that 1.0.0.0 had (connector cr1a6_a): Dataverse keeps it in the unmanaged solution and in its exports; this dev server exports the zip as imported, without it.',
    ]);
  });

  it('notes nothing when the import holds every component, nor for managed solutions', async () => {
    notes.length = 0;
    await importZip('Northwind', '1.0.0.0', ['cr1a6_a']);
    await importZip('Northwind', '1.0.0.1', ['cr1a6_a', 'cr1a6_b']);
    await importZip('Tailspin', '1.0.0.0', ['cr1a6_a', 'cr1a6_b'], true);
    await importZip('Tailspin', '1.0.0.1', ['cr1a6_a'], true);
    expect(notes).toEqual([]);
  });
});
