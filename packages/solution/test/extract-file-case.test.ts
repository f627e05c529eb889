import { afterAll, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSolution, extractConnectors } from '../src/index.js';
import { CONTOSO_BUILD } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-file-case-');
afterAll(() => temp.cleanup());

const TITLE = 'Contoso Notes';
const SWAGGER = JSON.stringify(
  {
    swagger: '2.0',
    info: { title: TITLE, description: 'Notes of Contoso', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/notes': {
        get: { operationId: 'ListNotes', summary: 'List notes', responses: { '200': { description: 'OK' } } },
      },
    },
  },
  null,
  2,
);
const PROPERTIES = JSON.stringify(
  { properties: { iconBrandColor: '#da3b01', publisher: 'Contoso' } },
  null,
  2,
);
const SCRIPT = 'public class Script : ScriptBase { }\n';

// Upstream has such folders (certified-connectors/MicrosoftGraphSecurity/apidefinition.swagger.json,
// certified-connectors/jbhunt/Script.csx). build-solution reads them in any case, as the validator
// does; extracting the built solution back into the folder wrote apiDefinition.swagger.json and
// script.csx beside them on Linux, leaving two swaggers and two scripts, where Windows and macOS
// rename the one file.
it('extracts over files named in another case, leaving one file of each', async () => {
  const dir = temp.make();
  const root = path.join(dir, 'certified-connectors');
  const folder = path.join(root, TITLE);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apidefinition.swagger.json'), SWAGGER);
  writeFileSync(path.join(folder, 'apiProperties.json'), PROPERTIES);
  writeFileSync(path.join(folder, 'Script.csx'), SCRIPT);
  writeFileSync(path.join(folder, 'readme.md'), '# Contoso Notes\n');
  const source = path.join(dir, 'source', TITLE);
  cpSync(folder, source, { recursive: true });
  const zip = path.join(dir, 'solution.zip');
  await buildSolution([source], zip, CONTOSO_BUILD);

  const [result] = await extractConnectors(zip, root);

  expect(readdirSync(folder).sort()).toEqual([
    'apiDefinition.swagger.json',
    'apiProperties.json',
    'readme.md',
    'script.csx',
  ]);
  expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(SWAGGER);
  expect(readFileSync(path.join(folder, 'script.csx'), 'utf8')).toBe(SCRIPT);
  expect(result).toMatchObject({
    updated: ['apiDefinition.swagger.json', 'script.csx'],
    unchanged: ['apiProperties.json'],
    deleted: ['Script.csx', 'apidefinition.swagger.json'],
    // The files in another case were deleted, not left as the maker's.
    kept: ['readme.md'],
  });
});

// Only Linux lets a folder hold both: the one named as extraction writes it is the file it merges
// into, and the other, the maker's or an older tool's, is left as it is.
(process.platform === 'linux' ? it : it.skip)(
  'merges into apiProperties.json when the folder has an ApiProperties.json beside it',
  async () => {
    const dir = temp.make();
    const root = path.join(dir, 'certified-connectors');
    const folder = path.join(root, TITLE);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), SWAGGER);
    writeFileSync(path.join(folder, 'apiProperties.json'), PROPERTIES);
    const source = path.join(dir, 'source', TITLE);
    cpSync(folder, source, { recursive: true });
    const zip = path.join(dir, 'solution.zip');
    await buildSolution([source], zip, CONTOSO_BUILD);
    const other = PROPERTIES.replace('"Contoso"', '"Fabrikam"');
    writeFileSync(path.join(folder, 'ApiProperties.json'), other);

    const [result] = await extractConnectors(zip, root);

    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(PROPERTIES);
    expect(readFileSync(path.join(folder, 'ApiProperties.json'), 'utf8')).toBe(other);
    expect(result).toMatchObject({
      unchanged: ['apiDefinition.swagger.json', 'apiProperties.json'],
      deleted: [],
      kept: ['ApiProperties.json'],
    });
  },
);
