import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import {
  buildSolution,
  childElements,
  extractConnectors,
  firstChild,
  parseXml,
  textOf,
} from '../src/index.js';
import { CORPUS_DIR, describeWith } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('script-operations-');
afterAll(() => temp.cleanup());

const OPTIONS = {
  uniqueName: 'ContosoConnectors',
  version: '1.0.0.0',
  publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
};

const OPERATIONS = ['ListItems', 'GetItem', 'CreateItem'];

/** A connector folder with a script, its apiProperties.json's `properties` as given, in a root of its own. */
function scriptedFolder(properties: Record<string, unknown>): string {
  const folder = path.join(temp.make(), 'Scripted');
  mkdirSync(folder);
  const operation = (operationId: string) => ({ operationId, responses: { '200': { description: 'OK' } } });
  const swagger = {
    swagger: '2.0',
    info: { title: 'Scripted', description: 'Scripted API', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/items': { get: operation('ListItems'), post: operation('CreateItem') },
      '/items/{id}': { get: operation('GetItem') },
    },
  };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(
    path.join(folder, 'apiProperties.json'),
    `${JSON.stringify({ properties: { iconBrandColor: '#da3b01', ...properties, publisher: 'Contoso' } }, null, 2)}\n`,
  );
  writeFileSync(path.join(folder, 'script.csx'), 'public class Script : ScriptBase {}\n');
  return folder;
}

/** The `<scriptoperations>` text of the one connector of a built solution; undefined when it has none. */
async function builtScriptOperations(zip: string): Promise<string | undefined> {
  const customizations = parseXml(
    (await readZip(zip)).get('customizations.xml')!.toString(),
    'customizations.xml',
  );
  const connector = childElements(firstChild(customizations, 'Connectors')!)[0]!;
  const element = firstChild(connector, 'scriptoperations');
  return element && textOf(element);
}

async function built(folder: string): Promise<string> {
  const zip = path.join(temp.make(), 'solution.zip');
  await buildSolution([folder], zip, OPTIONS);
  return zip;
}

const propertiesIn = (folder: string): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    }
  ).properties;

describe('the script operations of a folder, into a solution', () => {
  it('carries a list written as script.operationIds as the solution scriptoperations', async () => {
    const folder = scriptedFolder({
      script: { language: 'CSharpScript', operationIds: ['ListItems', 'GetItem'] },
    });
    expect(await builtScriptOperations(await built(folder))).toBe('["ListItems","GetItem"]');
  });

  it('carries a list written as scriptOperations, as before', async () => {
    const folder = scriptedFolder({ scriptOperations: ['CreateItem'] });
    expect(await builtScriptOperations(await built(folder))).toBe('["CreateItem"]');
  });

  it('carries no list for a script whose script names no operationIds: it runs for every operation', async () => {
    const folder = scriptedFolder({ script: { language: 'CSharpScript' } });
    expect(await builtScriptOperations(await built(folder))).toBeUndefined();
  });

  it('carries the list of a folder that writes both forms with the same operations', async () => {
    const folder = scriptedFolder({
      scriptOperations: ['ListItems', 'GetItem'],
      script: { language: 'CSharpScript', operationIds: ['GetItem', 'ListItems'] },
    });
    expect(await builtScriptOperations(await built(folder))).toBe('["ListItems","GetItem"]');
  });

  it('refuses a folder whose two forms list other operations, located at the list it would not read', async () => {
    const folder = scriptedFolder({
      scriptOperations: ['ListItems'],
      script: { language: 'CSharpScript', operationIds: ['ListItems', 'GetItem'] },
    });
    const zip = path.join(temp.make(), 'solution.zip');
    const error = await buildSolution([folder], zip, OPTIONS).catch((caught: unknown) => caught);
    expect(locatedMessage(error)).toBe(
      `${path.join(folder, 'apiProperties.json')}:9:23: lists the script's operations both in scriptOperations and in script.operationIds, and the lists differ; a solution carries one list, and which one the platform takes is not documented.`,
    );
    expect((error as { hint?: string }).hint).toContain('remove scriptOperations or script.operationIds');
  });
});

describe('the script operations of a solution, extracted over a folder', () => {
  it('round-trips a folder written with script.operationIds: the list into the solution and back, byte for byte', async () => {
    const folder = scriptedFolder({ script: { language: 'CSharpScript', operationIds: OPERATIONS } });
    const before = readFileSync(path.join(folder, 'apiProperties.json'));
    const zip = await built(folder);
    expect(await builtScriptOperations(zip)).toBe(JSON.stringify(OPERATIONS));
    await extractConnectors(zip, path.dirname(folder));
    expect(readFileSync(path.join(folder, 'apiProperties.json')).equals(before)).toBe(true);
  });

  it('writes an edited list into script.operationIds, keeping the other keys of script', async () => {
    const folder = scriptedFolder({
      script: { language: 'CSharpScript', operationIds: OPERATIONS, note: 'kept' },
      stackOwner: 'Contoso',
    });
    // The maker edited the list in the environment: the solution carries it as scriptoperations.
    const edited = scriptedFolder({ scriptOperations: ['GetItem'] });
    await extractConnectors(await built(edited), path.dirname(folder));
    const properties = propertiesIn(folder);
    expect(Object.keys(properties)).toEqual(['iconBrandColor', 'script', 'stackOwner', 'publisher']);
    expect(properties.script).toEqual({ language: 'CSharpScript', operationIds: ['GetItem'], note: 'kept' });
  });

  it('removes script.operationIds, not the script language, when the solution carries no list', async () => {
    const folder = scriptedFolder({ script: { language: 'CSharpScript', operationIds: OPERATIONS } });
    await extractConnectors(await built(scriptedFolder({})), path.dirname(folder));
    const properties = propertiesIn(folder);
    expect(properties.script).toEqual({ language: 'CSharpScript' });
    expect(properties).not.toHaveProperty('scriptOperations');
  });

  it('writes the list into both forms of a folder that writes both, so that they do not come to differ', async () => {
    const folder = scriptedFolder({
      scriptOperations: OPERATIONS,
      script: { language: 'CSharpScript', operationIds: OPERATIONS },
    });
    await extractConnectors(
      await built(scriptedFolder({ scriptOperations: ['ListItems'] })),
      path.dirname(folder),
    );
    const properties = propertiesIn(folder);
    expect(properties.scriptOperations).toEqual(['ListItems']);
    expect(properties.script).toEqual({ language: 'CSharpScript', operationIds: ['ListItems'] });
  });

  it('writes scriptOperations into a new folder, whichever form the solution was built from', async () => {
    const folder = scriptedFolder({ script: { language: 'CSharpScript', operationIds: OPERATIONS } });
    const root = temp.make();
    const [result] = await extractConnectors(await built(folder), root);
    const properties = propertiesIn(path.join(root, result!.folder));
    expect(properties.scriptOperations).toEqual(OPERATIONS);
    expect(properties).not.toHaveProperty('script');
  });
});

describeWith(CORPUS_DIR, 'connector corpus')('certified connectors written with script.operationIds', () => {
  it.each(['Airmeet', 'AzureDigitalTwins'])(
    '%s: the solution carries its list, and extraction over the folder gives the file back unchanged',
    async (name) => {
      const root = temp.make();
      const folder = path.join(root, name);
      cpSync(path.join(CORPUS_DIR, 'certified-connectors', name), folder, { recursive: true });
      const before = readFileSync(path.join(folder, 'apiProperties.json'));
      const zip = await built(folder);
      const { operationIds } = propertiesIn(folder).script as { operationIds: string[] };
      expect(JSON.parse((await builtScriptOperations(zip))!)).toEqual(operationIds);
      const [result] = await extractConnectors(zip, root);
      expect(result!.folder).toBe(name);
      expect(readFileSync(path.join(folder, 'apiProperties.json')).equals(before)).toBe(true);
    },
  );
});
