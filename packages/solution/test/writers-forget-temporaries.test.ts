import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pendingTemporaries } from '@connector-alm/core';
import {
  buildSolution,
  checkWritable,
  extractConnectors,
  packSolution,
  unpackSolution,
} from '../src/index.js';
import { temporaryFolders } from './helpers/zips.js';

// The signal clean-up removes the temporaries of the writes under way. Each writer forgets its
// temporary name once it is renamed into place or removed: the list held every name ever used
// before, one more for each file written.

const temp = temporaryFolders('forget-');
afterAll(() => temp.cleanup());

function connectorFolder(): string {
  const folder = path.join(temp.make(), 'Contoso Tasks');
  mkdirSync(folder);
  const swagger = {
    swagger: '2.0',
    info: { title: 'Contoso Tasks', description: 'Contoso Tasks API', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: { '/items': { get: { operationId: 'ListItems', responses: { '200': { description: 'OK' } } } } },
  };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  const properties = { iconBrandColor: '#da3b01', publisher: 'Contoso', stackOwner: 'Contoso' };
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties }, null, 2));
  return folder;
}

it('build-solution, unpack, pack, extract-connectors and checkWritable leave no temporary name behind', async () => {
  const work = temp.make();
  const zip = path.join(work, 'built.zip');
  await buildSolution([connectorFolder()], zip, {
    uniqueName: 'ContosoConnectors',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso', displayName: 'Contoso Ltd' },
  });
  await unpackSolution(zip, path.join(work, 'src'));
  await packSolution(path.join(work, 'src'), path.join(work, 'packed.zip'));
  await extractConnectors(zip, path.join(work, 'connectors'));
  await checkWritable(path.join(work, 'later.zip'));
  // A failed write: the text file is no zip.
  writeFileSync(path.join(work, 'notes.txt'), 'not a zip');
  await expect(unpackSolution(path.join(work, 'notes.txt'), path.join(work, 'other'))).rejects.toThrow();
  expect(pendingTemporaries()).toEqual([]);
  expect(readdirSync(work).sort()).toEqual(['built.zip', 'connectors', 'notes.txt', 'packed.zip', 'src']);
});
