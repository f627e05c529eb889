import { afterAll, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { extractConnectors, leftOutWarnings, packSolution, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readTree, readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('pack-stray-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/**
 * customHIL unpacked into `dir`/src, with its connector extracted into the PowerPlatformConnectors
 * layout and that folder copied into the root of the solution folder, as a maker does: what pack
 * put into the zip, without a word, as entries Dataverse never reads.
 */
async function solutionWithConnectorFolder(dir: string): Promise<{ src: string; files: string[] }> {
  const src = path.join(dir, 'src');
  await unpackSolution(fixturePath(HIL), src);
  const [extracted] = await extractConnectors(fixturePath(HIL), path.join(dir, 'connectors'));
  cpSync(path.join(dir, 'connectors', extracted!.folder), path.join(src, extracted!.folder), {
    recursive: true,
  });
  const files = readdirSync(path.join(src, extracted!.folder))
    .map((name) => `${extracted!.folder}/${name}`)
    .sort();
  expect(files).toContain(`${extracted!.folder}/apiDefinition.swagger.json`);
  return { src, files };
}

describeFixtures('pack and a connector folder at the root of the solution folder', () => {
  it('leaves the folder out of the zip, which is the one the folder alone packs to, and warns once of it', async () => {
    const dir = temp.make();
    const { src, files } = await solutionWithConnectorFolder(dir);
    const folder = files[0]!.split('/')[0]!;
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual(files);
    const clean = path.join(dir, 'clean');
    await unpackSolution(fixturePath(HIL), clean);
    await packSolution(clean, path.join(dir, 'clean.zip'));
    expect(await readZip(path.join(dir, 'out.zip'))).toEqual(await readZip(path.join(dir, 'clean.zip')));
    expect(leftOutWarnings(result.leftOut, (file) => `src/${file}`)).toEqual([
      `src/${folder}: left out of the solution zip with the ${files.length} files in it: ` +
        'a folder at the root of a solution holding apiDefinition.swagger.json is a connector in the PowerPlatformConnectors layout, ' +
        'not a part of the solution, which keeps its connectors in Connectors/ as unpack wrote them. ' +
        'Move the folder out of the solution folder (extract-connectors writes such folders beside it) to silence this.',
    ]);
  });

  it('tells it by its swagger in any case, and warns of each such folder and of the other files left out', async () => {
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath(HIL), src);
    mkdirSync(path.join(src, 'Contoso'));
    writeFileSync(path.join(src, 'Contoso', 'apidefinition.swagger.json'), '{"swagger": "2.0"}\n');
    mkdirSync(path.join(src, 'Fabrikam', 'notes'), { recursive: true });
    writeFileSync(path.join(src, 'Fabrikam', 'apiDefinition.swagger.json'), '{"swagger": "2.0"}\n');
    writeFileSync(path.join(src, 'Fabrikam', 'notes', 'todo.md'), '# later\n');
    writeFileSync(path.join(src, 'README.md'), '# customHIL\n');
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([
      'Contoso/apidefinition.swagger.json',
      'Fabrikam/apiDefinition.swagger.json',
      'Fabrikam/notes/todo.md',
      'README.md',
    ]);
    const warnings = leftOutWarnings(result.leftOut, (file) => file);
    expect(
      warnings.map((warning) => warning.slice(0, warning.indexOf(':', warning.indexOf(':') + 1))),
    ).toEqual([
      'Contoso: left out of the solution zip with the file in it',
      'Fabrikam: left out of the solution zip with the 2 files in it',
      'README.md: left out of the solution zip',
    ]);
  });

  it("packs a file so named deeper down, or in the folders that hold the solution's own parts", async () => {
    // A web resource may have any name; Connectors/ and Other/ are unpack's, whatever a maker adds.
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath(HIL), src);
    const packed = ['WebResources/cat_/apiDefinition.swagger.json', 'Connectors/apiDefinition.swagger.json'];
    for (const file of packed) {
      mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
      writeFileSync(path.join(src, file), '{"swagger": "2.0"}\n');
    }
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([]);
    expect(result.entries).toEqual(
      expect.arrayContaining([
        'WebResources/cat_/apiDefinition.swagger.json',
        'Connector/apiDefinition.swagger.json',
      ]),
    );
  });
  it("packs a component folder whole when a swagger is dropped into it: its XML tells it from a connector's", async () => {
    // Leaving environmentvariabledefinitions/ out for a stray swagger would lose the solution's variable.
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath(HIL), src);
    const swagger = 'environmentvariabledefinitions/apiDefinition.swagger.json';
    writeFileSync(path.join(src, swagger), '{"swagger": "2.0"}\n');
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([]);
    expect(result.entries).toEqual(
      expect.arrayContaining([
        swagger,
        'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
      ]),
    );
    const updated = await unpackSolution(fixturePath(HIL), src, { overwrite: true });
    expect(updated.kept).toEqual([]);
  });
});

describeFixtures('unpack and a connector folder in the PowerPlatformConnectors layout', () => {
  it('refuses a zip with one at its root, which no export has, and writes nothing', async () => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), {
      'Contoso/apiDefinition.swagger.json': '{"swagger": "2.0"}',
      'Contoso/icon.png': 'png',
    });
    const error = await unpackSolution(zip, path.join(dir, 'src')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error as UserError)).toMatch(
      new RegExp(
        `^${escape(zip)}/Contoso/(apiDefinition\\.swagger\\.json|icon\\.png): is in Contoso/, which holds apiDefinition\\.swagger\\.json: ` +
          "a connector in the PowerPlatformConnectors layout, which no export has \\(a solution's connectors are in Connector/\\); " +
          'unpacked, it would be a folder that pack leaves out of the solution\\.$',
      ),
    );
    expect(readdirSync(dir)).toEqual(['HIL.zip']);
  });

  it('keeps one the maker put into the folder it updates, and lists its files as kept, as pack leaves them out', async () => {
    const dir = temp.make();
    const { src, files } = await solutionWithConnectorFolder(dir);
    const result = await unpackSolution(fixturePath(HIL), src, { overwrite: true });
    expect([result.deleted, result.kept]).toEqual([[], files]);
    for (const file of files) expect(readFileSync(path.join(src, file)).length).toBeGreaterThan(0);
    const packed = await packSolution(src, path.join(dir, 'out.zip'));
    expect(packed.leftOut).toEqual(result.kept);
  });

  it('unpacks into a folder that holds only such a folder, keeping it', async () => {
    const dir = temp.make();
    const { src, files } = await solutionWithConnectorFolder(dir);
    const folder = path.join(dir, 'fresh');
    mkdirSync(folder);
    const connector = files[0]!.split('/')[0]!;
    renameSync(path.join(src, connector), path.join(folder, connector));
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true });
    expect([result.deleted, result.kept]).toEqual([[], files]);
  });

  it('says of a zip in such a folder, given to unpack into the folder, that unpack would keep it there', async () => {
    const dir = temp.make();
    const { src, files } = await solutionWithConnectorFolder(dir);
    const zip = path.join(src, files[0]!.split('/')[0]!, 'hil.zip');
    cpSync(fixturePath(HIL), zip);
    const error = await unpackSolution(zip, src, { overwrite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'lies inside the folder to unpack it into: unpack would keep it there, where pack leaves it out of the solution with a warning each time.',
    );
  });

  it("refuses, before writing anything, to write the solution's files into such a folder", async () => {
    // Its files would be left out of every pack with the connector's. A connector folder named as a
    // component folder, holding no XML yet: with the solution's XML in it, it is a component folder.
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath(HIL), src);
    rmSync(path.join(src, 'environmentvariabledefinitions'), { recursive: true });
    mkdirSync(path.join(src, 'environmentvariabledefinitions'));
    writeFileSync(path.join(src, 'environmentvariabledefinitions', 'apiDefinition.swagger.json'), '{}\n');
    const before = await readTree(src);
    const error = await unpackSolution(fixturePath(HIL), src, { overwrite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error as UserError)).toBe(
      `${path.join(src, 'environmentvariabledefinitions')}: holds a connector in the PowerPlatformConnectors layout (apiDefinition.swagger.json), ` +
        'which pack leaves out of the solution with all the folder holds; the solution has files there ' +
        '(environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml).',
    );
    expect((error as UserError).hint).toBe(
      'Move the connector folder out of the solution folder, then unpack again.',
    );
    expect(await readTree(src)).toEqual(before);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
