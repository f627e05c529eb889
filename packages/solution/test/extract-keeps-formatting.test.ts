import { afterAll, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSolution, extractConnectors } from '../src/index.js';
import { CONTOSO_BUILD } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, zipWithYazl } from './helpers/zips.js';

const temp = temporaryFolders('extract-formatting-');
afterAll(() => temp.cleanup());

const TITLE = 'Contoso Notes';
const SWAGGER = 'apiDefinition.swagger.json';
const PROPERTIES = 'apiProperties.json';

const swagger = (summary = 'List notes') => ({
  swagger: '2.0',
  info: { title: TITLE, description: 'Notes of Contoso', version: '1.0' },
  host: 'api.contoso.com',
  basePath: '/',
  schemes: ['https'],
  paths: {
    '/notes': { get: { operationId: 'ListNotes', summary, responses: { '200': { description: 'OK' } } } },
  },
});
const properties = {
  properties: {
    connectionParameters: { api_key: { type: 'securestring', uiDefinition: { displayName: 'API key' } } },
    iconBrandColor: '#da3b01',
    publisher: 'Contoso',
    stackOwner: 'Contoso',
  },
};

/** As many upstream folders are written: 4-space indents, CRLF line endings, no final newline. */
const windowsStyle = (value: unknown): string => JSON.stringify(value, null, 4).replace(/\n/g, '\r\n');

/** A repository root holding the connector's folder, and a solution built from a copy of that folder. */
async function folderAndSolution(folderSwagger: string, solutionSwagger = folderSwagger) {
  const dir = temp.make();
  const root = path.join(dir, 'custom-connectors');
  const folder = path.join(root, TITLE);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, PROPERTIES), windowsStyle(properties));
  const source = path.join(dir, 'source', TITLE);
  cpSync(folder, source, { recursive: true });
  writeFileSync(path.join(folder, SWAGGER), folderSwagger);
  writeFileSync(path.join(source, SWAGGER), solutionSwagger);
  const zip = path.join(dir, 'solution.zip');
  await buildSolution([source], zip, CONTOSO_BUILD);
  return { root, folder, zip };
}

it('keeps the JSON files of an unchanged connector byte for byte, however they are formatted', async () => {
  const { root, folder, zip } = await folderAndSolution(windowsStyle(swagger()));
  const before = [SWAGGER, PROPERTIES].map((file) => readFileSync(path.join(folder, file)));
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ created: ['readme.md'], updated: [], unchanged: [SWAGGER, PROPERTIES] });
  expect([SWAGGER, PROPERTIES].map((file) => readFileSync(path.join(folder, file)))).toEqual(before);
});

it("writes the JSON of a changed connector in the 2-space layout and the file's line endings, keeping the unchanged file as it is", async () => {
  const { root, folder, zip } = await folderAndSolution(
    windowsStyle(swagger()),
    windowsStyle(swagger('List the notes')),
  );
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [SWAGGER], unchanged: [PROPERTIES] });
  const written = readFileSync(path.join(folder, SWAGGER), 'utf8');
  expect(written).toBe((JSON.stringify(swagger('List the notes'), null, 2) + '\n').replace(/\n/g, '\r\n'));
});

it('rewrites a file whose keys are in another order, or that has a byte-order mark', async () => {
  const { info, ...rest } = swagger();
  for (const folderSwagger of [JSON.stringify({ ...rest, info }), '\uFEFF' + JSON.stringify(swagger())]) {
    const { root, folder, zip } = await folderAndSolution(folderSwagger, JSON.stringify(swagger()));
    const [result] = await extractConnectors(zip, root);
    expect(result).toMatchObject({ updated: [SWAGGER] });
    expect(readFileSync(path.join(folder, SWAGGER), 'utf8')).toBe(JSON.stringify(swagger(), null, 2) + '\n');
  }
});

it('keeps a UTF-8 file that holds the replacement character U+FFFD as text', async () => {
  // As certified-connectors/Luware Nimbus has it ("considered \uFFFDLimit Reached\uFFFD"): strict UTF-8,
  // written by someone; the character alone is no sign that reading the file lost bytes.
  const folderSwagger = windowsStyle(swagger('List notes \uFFFDquoted\uFFFD'));
  const { root, folder, zip } = await folderAndSolution(folderSwagger);
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [], unchanged: [SWAGGER, PROPERTIES] });
  expect(readFileSync(path.join(folder, SWAGGER), 'utf8')).toBe(folderSwagger);
});

/** A script as upstream keeps it: LF line ends, no byte-order mark. */
const SCRIPT_LF = [
  'public class Script : ScriptBase',
  '{',
  '    public override async Task<HttpResponseMessage> ExecuteAsync()',
  '    {',
  '        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);',
  '    }',
  '}',
  '',
].join('\n');
const SCRIPT = 'script.csx';

/** A folder holding `folderScript` and a solution (a real zip) whose connector has `solutionScript`. */
async function folderAndSolutionScript(folderScript: string, solutionScript: string) {
  const { root, folder, zip } = await folderAndSolution(windowsStyle(swagger()));
  writeFileSync(path.join(folder, SCRIPT), folderScript);
  const source = path.join(path.dirname(root), 'source', TITLE);
  writeFileSync(path.join(source, SCRIPT), solutionScript);
  await buildSolution([source], zip, CONTOSO_BUILD);
  // The script's bytes as an environment exports them (CRLF, a BOM): build-solution writes LF lines.
  const entries = await readZip(zip);
  const scriptEntry = [...entries.keys()].find((name) => name.endsWith('_customcodeblobcontent.csx'))!;
  entries.set(scriptEntry, Buffer.from(solutionScript, 'utf8'));
  await zipWithYazl(
    zip,
    [...entries].map(([name, content]) => ({ name, content })),
  );
  return { root, folder, zip };
}

it('keeps a script.csx that differs from the solution only in line endings and a byte-order mark', async () => {
  // As Dataverse exports it: CRLF, here with a BOM as Visual Studio saves.
  const { root, folder, zip } = await folderAndSolutionScript(
    SCRIPT_LF,
    '\uFEFF' + SCRIPT_LF.replace(/\n/g, '\r\n'),
  );
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [], unchanged: expect.arrayContaining([SCRIPT]) });
  expect(readFileSync(path.join(folder, SCRIPT), 'utf8')).toBe(SCRIPT_LF);
});

// A file of mixed line endings has no one ending the solution's script could be written in: kept as
// the same text, it stays as it is, not replaced by the solution's CRLF bytes.
it("keeps a script.csx of mixed line endings that holds the solution's script", async () => {
  const mixed = SCRIPT_LF.replace('\n', '\r\n');
  expect(mixed).toMatch(/\r\n[^]*[^\r]\n/);
  const { root, folder, zip } = await folderAndSolutionScript(mixed, SCRIPT_LF.replace(/\n/g, '\r\n'));
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [], unchanged: expect.arrayContaining([SCRIPT]) });
  expect(readFileSync(path.join(folder, SCRIPT), 'utf8')).toBe(mixed);
});

it("writes the solution's changed script.csx in the folder's line endings and BOM, and a new one as the solution has it", async () => {
  // Written with the solution's CRLF, every line of the upstream LF script showed as changed in git.
  const edited = SCRIPT_LF.replace('ExecuteAsync', 'ExecuteAsync ');
  const exported = '\uFEFF' + edited.replace(/\n/g, '\r\n');
  const { root, folder, zip } = await folderAndSolutionScript(SCRIPT_LF, exported);
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [SCRIPT] });
  // Without the BOM Dataverse exports the script with: the folder's has none.
  expect(readFileSync(path.join(folder, SCRIPT), 'utf8')).toBe(edited);
  // And CRLF over a CRLF one, as a Windows checkout has it, from a solution with LF lines.
  // With a BOM, the folder's, over a CRLF one with a BOM, as a Windows checkout has it.
  const crlf = await folderAndSolutionScript('\uFEFF' + SCRIPT_LF.replace(/\n/g, '\r\n'), edited);
  await extractConnectors(crlf.zip, crlf.root);
  expect(readFileSync(path.join(crlf.folder, SCRIPT), 'utf8')).toBe('\uFEFF' + edited.replace(/\n/g, '\r\n'));
  // A folder without one gets the solution's bytes: there are no line endings of its own to keep.
  rmSync(path.join(folder, SCRIPT));
  const [created] = await extractConnectors(zip, root);
  expect(created).toMatchObject({ created: [SCRIPT] });
  expect(readFileSync(path.join(folder, SCRIPT), 'utf8')).toBe(exported);
});

// A script emptied in Visual Studio is its byte-order mark alone: still the folder's mark.
it("writes the solution's script.csx with a BOM over one that is nothing but a BOM", async () => {
  const { root, folder, zip } = await folderAndSolutionScript('\uFEFF', SCRIPT_LF);
  const [result] = await extractConnectors(zip, root);
  expect(result).toMatchObject({ updated: [SCRIPT] });
  expect(readFileSync(path.join(folder, SCRIPT), 'utf8')).toBe('\uFEFF' + SCRIPT_LF);
});
