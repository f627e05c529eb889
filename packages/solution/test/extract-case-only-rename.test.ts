import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseInsensitiveFs } from '@connector-alm/testing';
import { temporaryFolders } from './helpers/zips.js';

// "Contoso tasks" renamed "Contoso Tasks" in the maker portal: on Linux, extraction with
// --previous-source refused it, "folder 'Contoso tasks' differs from it only in case and holds another
// connector", when its API definition's title was not its display name; the folder is its own, named
// after its earlier display name. It is written, and renamed to the new case, as a renamed
// connector's folder follows its display name, on Linux and on Windows and macOS alike.

const temp = temporaryFolders('extract-case-only-rename-');
afterAll(() => temp.cleanup());

let insensitiveRoot: string | undefined;
jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => insensitiveRoot));
const { buildSolution, extractAndRemoveLeftConnectors, extractedConnectorLine, unpackSolution } =
  await import('../src/index.js');

const NAME = 'contoso_contoso-20tasks';
const README = '# Contoso tasks\n\nWritten by the maker.\n';

/**
 * A work folder with `previous` (a solution of "Contoso tasks", its API definition titled `title`),
 * extracted into `custom-connectors` with the maker's readme and notes, and `renamed`, the solution
 * since, whose connector is "Contoso Tasks" (its API definition titled so too when `retitled`).
 */
async function renamedInCase(title: string, retitled: boolean): Promise<string> {
  const work = temp.make();
  const folder = path.join(work, 'c');
  mkdirSync(folder);
  const swagger = {
    swagger: '2.0',
    info: { title: 'Contoso tasks', version: '1.0' },
    host: 'api.contoso.com',
    paths: {},
  };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties: {} }));
  await buildSolution([folder], path.join(work, 'contoso.zip'), {
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
  });
  const previous = path.join(work, 'previous');
  await unpackSolution(path.join(work, 'contoso.zip'), previous);
  replaceIn(previous, `${NAME}_openapidefinition.json`, '"title": "Contoso tasks"', `"title": "${title}"`);
  const root = path.join(work, 'custom-connectors');
  expect((await extractAndRemoveLeftConnectors(previous, root)).connectors[0]!.folder).toBe('Contoso tasks');
  writeFileSync(path.join(root, 'Contoso tasks', 'readme.md'), README);
  writeFileSync(path.join(root, 'Contoso tasks', 'notes.md'), 'Ours.\n');
  cpSync(previous, path.join(work, 'renamed'), { recursive: true });
  replaceIn(
    path.join(work, 'renamed'),
    `${NAME}.xml`,
    '<displayname>Contoso tasks<',
    '<displayname>Contoso Tasks<',
  );
  if (retitled)
    replaceIn(
      path.join(work, 'renamed'),
      `${NAME}_openapidefinition.json`,
      `"title": "${title}"`,
      '"title": "Contoso Tasks"',
    );
  return work;
}

function replaceIn(solution: string, file: string, from: string, to: string): void {
  const at = path.join(solution, 'Connectors', file);
  const text = readFileSync(at, 'utf8');
  expect(text).toContain(from);
  writeFileSync(at, text.replace(from, to));
}

/** Extracts `renamed` into the work folder's custom-connectors, with `previous` as the last snapshot. */
async function extractRenamed(work: string) {
  const root = path.join(work, 'custom-connectors');
  return extractAndRemoveLeftConnectors(path.join(work, 'renamed'), root, {
    previousSource: path.join(work, 'previous'),
  });
}

/** The folder renamed to the new case, with the maker's files, and said so. */
function expectRenamedToNewCase(work: string, result: Awaited<ReturnType<typeof extractRenamed>>): void {
  const root = path.join(work, 'custom-connectors');
  expect(readdirSync(root)).toEqual(['Contoso Tasks']);
  expect(readFileSync(path.join(root, 'Contoso Tasks', 'readme.md'), 'utf8')).toBe(README);
  expect(readdirSync(path.join(root, 'Contoso Tasks')).sort()).toEqual([
    'apiDefinition.swagger.json',
    'apiProperties.json',
    'notes.md',
    'readme.md',
  ]);
  const [connector] = result.connectors;
  expect(connector).toMatchObject({
    folder: 'Contoso Tasks',
    renamedFrom: { folder: 'Contoso tasks', kept: [], leftBehind: [], caseOnly: true },
    kept: ['readme.md', 'notes.md'],
  });
  expect(connector!.foundUnder).toBeUndefined();
  expect(result).toMatchObject({ removed: [], leftAlone: [], notRemoved: [] });
  expect(
    extractedConnectorLine(connector!, result.removed, (folder) => `custom-connectors/${folder}`),
  ).toMatch(/; renamed from custom-connectors\/Contoso tasks \(its display name changed only in case\)\.$/);
}

describe('a connector whose display name changed only in case, with --previous-source', () => {
  it('on Linux, is written into its folder, renamed to the new case, when its API definition is titled otherwise', async () => {
    const work = await renamedInCase('Task Manager', false);
    expectRenamedToNewCase(work, await extractRenamed(work));
  });

  it('on Linux, has its folder renamed to the new case when its title changed too', async () => {
    // It was written into `Contoso tasks`, "found under another name", which stayed.
    const work = await renamedInCase('Contoso tasks', true);
    expectRenamedToNewCase(work, await extractRenamed(work));
  });

  it('on Windows and macOS, has its folder renamed to the new case too', async () => {
    const work = await renamedInCase('Task Manager', false);
    insensitiveRoot = work;
    try {
      expectRenamedToNewCase(work, await extractRenamed(work));
    } finally {
      insensitiveRoot = undefined;
    }
  });

  it('on Linux, writes into the new-case folder when it is there already, as before', async () => {
    const work = await renamedInCase('Task Manager', false);
    const root = path.join(work, 'custom-connectors');
    mkdirSync(path.join(root, 'Contoso Tasks'));
    const result = await extractRenamed(work);
    expect(result.connectors[0]).toMatchObject({ folder: 'Contoso Tasks' });
    expect(result.connectors[0]!.renamedFrom).toBeUndefined();
    expect(readdirSync(root).sort()).toEqual(['Contoso Tasks', 'Contoso tasks']);
  });
});
