import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createMemoryLogger } from '@connector-alm/core';
import { temporaryFolder } from '@connector-alm/testing';
import { exportSolution, importSolution, startLocalServer, type LocalServer } from '../src/index.js';
import { importOptions } from './helpers/import-options.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';

// build-solution --existing makes a connector-only zip of a solution that also holds an app or a flow.
// Imported over the unmanaged solution, Dataverse keeps the app in it (an unmanaged import adds and
// updates, and removes nothing); the local server replaced the solution with the zip, so a maker
// trying the round trip on dev-server saw the app deleted from the next export.

let server: LocalServer;
const folder = temporaryFolder('unmanaged-import-merge-');
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
});
afterAll(() => server.close());

type Options = Parameters<typeof buildSolutionZip>[0];

async function importZip(options: Options) {
  const file = path.join(folder, `${options.uniqueName}_${options.version.replace(/\./g, '_')}.zip`);
  writeFileSync(file, buildSolutionZip(options));
  await importSolution(connectToLocal(server).client, importOptions(file), createMemoryLogger());
}

/** The unmanaged export of the solution, through the Web API, as its entries' text. */
async function exported(solutionName: string): Promise<Record<string, string>> {
  const outputFile = path.join(folder, `${solutionName}-export.zip`);
  await exportSolution(
    connectToLocal(server).client,
    { solutionName, outputFile, managed: false, asynchronous: false, maxAsyncWaitMs: 60_000, publish: false },
    createMemoryLogger(),
  );
  const entries = unzipSync(new Uint8Array(readFileSync(outputFile)));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const rootComponents = (solutionXml: string) =>
  [...solutionXml.matchAll(/schemaName="([^"]+)"/g)].map((m) => m[1]);

describe('the local server on an unmanaged import over an unmanaged solution', () => {
  it('keeps what the import lacks, as Dataverse does: root components, customizations and files', async () => {
    await importZip({
      uniqueName: 'Contoso',
      version: '1.0.0.0',
      connectors: ['cr1a6_a', 'cr1a6_b'],
      connectionReferences: ['cr1a6_sharedcontoso'],
      environmentVariables: { cr1a6_Host: { defaultValue: 'contoso.example' } },
      extra: { 'Connector/cr1a6_b_openapidefinition.json': '{"swagger":"2.0","info":{"title":"B"}}' },
    });
    await importZip({
      uniqueName: 'Contoso',
      version: '1.0.0.1',
      connectors: ['cr1a6_a'],
      extra: { 'Connector/cr1a6_a_openapidefinition.json': '{"swagger":"2.0","info":{"title":"A v2"}}' },
    });
    const files = await exported('Contoso');
    expect(rootComponents(files['solution.xml']!)).toEqual(['cr1a6_a', 'cr1a6_b']);
    expect(files['solution.xml']).toContain('<Version>1.0.0.1</Version>');
    expect(files['customizations.xml']).toContain('connectionreferencelogicalname="cr1a6_sharedcontoso"');
    expect(files['environmentvariabledefinitions/cr1a6_Host/environmentvariabledefinition.xml']).toContain(
      '<defaultvalue>contoso.example</defaultvalue>',
    );
    expect(files['Connector/cr1a6_b_openapidefinition.json']).toContain('"title":"B"');
    expect(files['Connector/cr1a6_a_openapidefinition.json']).toContain('"title":"A v2"');
    expect(server.store.get('Contoso')!.components).toEqual(['372:cr1a6_a', '372:cr1a6_b']);
  });

  it("takes the import's version of a component both have, and lists each once", async () => {
    // A connection reference renamed, and a connector rebuilt without --existing (a new connectorid).
    const customizations = (version: string, connectorId: string) =>
      `<ImportExportXml><Entities /><Connectors><Connector><connectorid>${connectorId}</connectorid><name>cr1a6_a</name><displayname>Tasks ${version}</displayname></Connector></Connectors><connectionreferences><connectionreference connectionreferencelogicalname="cr1a6_x"><connectionreferencedisplayname>Reference ${version}</connectionreferencedisplayname></connectionreference></connectionreferences><Languages><Language>1033</Language></Languages></ImportExportXml>`;
    await importZip({
      uniqueName: 'Fabrikam',
      version: '1.0.0.0',
      connectors: ['cr1a6_a'],
      extra: { 'customizations.xml': customizations('old', 'c0ffee00-0000-4000-8000-000000000001') },
    });
    await importZip({
      uniqueName: 'Fabrikam',
      version: '1.0.0.1',
      connectors: ['cr1a6_a'],
      extra: { 'customizations.xml': customizations('new', 'c0ffee00-0000-4000-8000-000000000002') },
    });
    const files = await exported('Fabrikam');
    expect(rootComponents(files['solution.xml']!)).toEqual(['cr1a6_a']);
    const merged = files['customizations.xml']!;
    expect(merged.match(/<connectionreference /g)).toHaveLength(1);
    expect(merged).toContain('Reference new');
    expect(merged.match(/<Connector>/g)).toHaveLength(1);
    expect(merged).toContain('Tasks new');
    expect(merged.match(/<Language>1033<\/Language>/g)).toHaveLength(1);
  });

  it('refuses an import whose customizations.xml is no XML, leaving the solution as it was', async () => {
    await importZip({ uniqueName: 'Northwind', version: '1.0.0.0', connectors: ['cr1a6_a'] });
    const before = server.store.get('Northwind')!.zip;
    const refused = await importZip({
      uniqueName: 'Northwind',
      version: '1.0.0.1',
      connectors: ['cr1a6_a'],
      extra: { 'customizations.xml': '<ImportExportXml><Entities></ImportExportXml>' },
    }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(refused?.message).toMatch(/customizations\.xml/);
    expect(server.store.get('Northwind')!.zip).toBe(before);
  });

  it("merges no managed solution's zip: an update keeps the components, not their entries", async () => {
    await importZip({
      uniqueName: 'Tailspin',
      version: '1.0.0.0',
      connectors: ['cr1a6_a', 'cr1a6_b'],
      managed: true,
    });
    await importZip({ uniqueName: 'Tailspin', version: '1.0.0.1', connectors: ['cr1a6_a'], managed: true });
    // An update of a managed solution keeps the components (solution-components.ts), its zip is the new one.
    expect(server.store.get('Tailspin')!.components).toEqual(['372:cr1a6_a', '372:cr1a6_b']);
    expect(rootComponents(strFromU8(unzipSync(server.store.get('Tailspin')!.zip)['solution.xml']!))).toEqual([
      'cr1a6_a',
    ]);
  });
});
