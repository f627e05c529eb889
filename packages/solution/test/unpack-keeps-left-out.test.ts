import { afterAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolution, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readTree } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('unpack-keeps-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const CONNECTOR = 'Connectors/cat_human-2din-2dthe-2dloop';

/** Files a maker keeps in a solution folder that pack leaves out with a warning: not the solution's. */
const MAKERS = [
  'README.md',
  'LICENSE',
  'customHIL_1_0_0_2.zip', // an earlier pack
  `${CONNECTOR}_openapidefinition.json~`,
  `${CONNECTOR}.xml.orig`,
  `${CONNECTOR}_connectionparameters.json.rej`,
  `${CONNECTOR}_policytemplateinstances_LOCAL_4242.json`,
  'Other/Solution.xml.bak',
  'Workflows/Flow-11111111-1111-1111-1111-111111111111.json.orig', // beside no file of the export
  'Connectors/._cat_human-2din-2dthe-2dloop_iconblob.Png',
].sort();

/** Repository files, which pack leaves out without a word and unpack never touched. */
const REPOSITORY = [
  '.git/HEAD',
  '.github/workflows/unpack.yml',
  '.gitignore',
  '.prettierrc', // any dot file at the root, not only metadata names
  'Connectors/.DS_Store',
  'Workflows/Thumbs.db',
];

function write(folder: string, files: readonly string[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), `${file}, the maker's\n`);
  }
}

describeFixtures('unpack over a folder and the files that are not part of the solution', () => {
  it('deletes stale parts but keeps every file pack leaves out, and lists the ones pack warns of', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const unpacked = await readTree(folder);
    write(folder, [...MAKERS, ...REPOSITORY, 'Connectors/removed_openapidefinition.json']);
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true });
    expect(result.deleted).toEqual(['Connectors/removed_openapidefinition.json']);
    expect(result.kept).toEqual(MAKERS);
    for (const file of [...MAKERS, ...REPOSITORY])
      expect([file, readFileSync(path.join(folder, file), 'utf8')]).toEqual([file, `${file}, the maker's\n`]);
    // One rule: what unpack kept is what pack leaves out, and the solution's files are as unpacked.
    const packed = await packSolution(folder, path.join(path.dirname(folder), 'out.zip'));
    expect(packed.leftOut).toEqual(result.kept);
    const tree = await readTree(folder);
    for (const file of [...MAKERS, ...REPOSITORY]) tree.delete(file);
    expect(tree).toEqual(unpacked);
  });

  it('lists them when stale files are kept too', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    write(folder, [...MAKERS, 'Connectors/removed_openapidefinition.json']);
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true, stale: 'keep' });
    expect([result.deleted, result.kept]).toEqual([[], MAKERS]);
  });

  it('unpacks into a folder that holds only such files, keeping them', async () => {
    // A repository made for the solution, with its readme committed first: nothing there is deleted.
    const folder = temp.make();
    write(folder, ['README.md', '.gitignore', '.github/workflows/unpack.yml']);
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true });
    expect([result.deleted, result.kept]).toEqual([[], ['README.md']]);
    expect(existsSync(path.join(folder, 'Other/Solution.xml'))).toBe(true);
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toBe("README.md, the maker's\n");
  });

  it('without overwriting, refuses such a folder but says that updating it deletes none of them', async () => {
    const folder = temp.make();
    write(folder, ['README.md']);
    const error = await unpackSolution(fixturePath(HIL), folder).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(`${folder}: already holds 1 file.`);
    expect((error as UserError).hint).toBe(
      'Unpack into a folder of its own (e.g. a <solution name> folder inside this one), or add the solution beside them (--overwrite); unpack never deletes files that are not part of a solution.',
    );
  });

  it('counts only the files it would delete when it refuses a folder without an unpacked solution', async () => {
    const folder = temp.make();
    write(folder, ['README.md', 'notes.txt.bak', 'Docs/guide.md']);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${folder}: holds 1 file but no unpacked solution (no Other/Solution.xml); updating it would delete it.`,
    );
  });

  it('refuses, before writing anything, to make way for a folder the solution needs through a file it keeps', async () => {
    // A note at the root named as the folder where the export has its connectors.
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    rmSync(path.join(folder, 'Connectors'), { recursive: true });
    writeFileSync(path.join(folder, 'Connectors'), 'which connectors we use\n');
    const before = await readTree(folder);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error)).toBe(
      `${path.join(folder, 'Connectors')}: is a file that is not part of the solution, which unpack keeps; the solution needs it as a folder (for Connectors/${CONNECTOR.slice('Connectors/'.length)}.xml and 4 more).`,
    );
    expect((error as UserError).hint).toBe('Move or rename it, then unpack again.');
    expect(await readTree(folder)).toEqual(before);
  });

  it('refuses to make way for a file the solution needs through a folder with files it keeps', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const xml = path.join(folder, `${CONNECTOR}.xml`);
    rmSync(xml);
    write(folder, [
      `${CONNECTOR}.xml/draft.xml~`,
      `${CONNECTOR}.xml/draft.xml.orig`,
      `${CONNECTOR}.xml/.DS_Store`,
    ]);
    const before = await readTree(folder);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${xml}: is a folder holding 2 files that are not part of the solution (draft.xml.orig, draft.xml~), which unpack keeps; the solution has a file there.`,
    );
    expect((error as UserError).hint).toBe(
      'Move those files out of the folder (or delete them), then unpack again.',
    );
    expect(await readTree(folder)).toEqual(before);
  });

  it('with stale files kept, refuses to delete any file in the way; with them deleted, makes way for stale files', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const xml = path.join(folder, `${CONNECTOR}.xml`);
    rmSync(xml);
    write(folder, [`${CONNECTOR}.xml/old.xml`]);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true, stale: 'keep' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${xml}: is a folder holding 1 file that the solution does not have (old.xml), which unpack keeps as stale files are kept; the solution has a file there.`,
    );
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true });
    expect(result.deleted).toEqual([`${CONNECTOR}.xml/old.xml`]);
  });

  // Below folders that are in place: every folder the solution needs is looked at, not only the first.
  it('with stale files kept, refuses a file where the solution needs a folder two levels down; with them deleted, makes way', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const variable = 'environmentvariabledefinitions/cat_HitlHostUrl';
    rmSync(path.join(folder, variable), { recursive: true });
    write(folder, [variable]);
    const before = await readTree(folder);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true, stale: 'keep' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${path.join(folder, variable)}: is a file that the solution does not have, which unpack keeps as stale files are kept; the solution needs it as a folder (for ${variable}/environmentvariabledefinition.xml).`,
    );
    expect(await readTree(folder)).toEqual(before);
    // The values file an export has beside the definition once a value is set: two files need it.
    const valued = await variantOf(fixturePath(HIL), path.join(temp.make(), 'valued.zip'), {
      [`${variable}/environmentvariablevalues.json`]: '{"environmentvariablevalues":{}}',
    });
    const twice = await unpackSolution(valued, folder, { overwrite: true, stale: 'keep' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(twice)).toMatch(
      /; the solution needs it as a folder \(for environmentvariabledefinitions\/cat_HitlHostUrl\/environmentvariabledefinition\.xml and 1 more\)\.$/,
    );
    const result = await unpackSolution(fixturePath(HIL), folder, { overwrite: true });
    expect(result.deleted).toEqual([variable]);
    expect(existsSync(path.join(folder, variable, 'environmentvariabledefinition.xml'))).toBe(true);
  });

  // Every file the solution has is looked at, not only the first: these are the last in order.
  it('refuses a folder of kept files where the last file of the solution goes, past folders that hold none', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    const definition = path.join(
      folder,
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
    );
    const xml = path.join(folder, `${CONNECTOR}.xml`);
    rmSync(definition);
    rmSync(xml);
    // Only a file manager's file in the way of the connector's document: that one is deleted.
    write(folder, [
      `${CONNECTOR}.xml/.DS_Store`,
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml/draft.xml.orig',
    ]);
    const before = await readTree(folder);
    const error = await unpackSolution(fixturePath(HIL), folder, { overwrite: true }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${definition}: is a folder holding 1 file that is not part of the solution (draft.xml.orig), which unpack keeps; the solution has a file there.`,
    );
    expect((error as UserError).hint).toBe(
      'Move that file out of the folder (or delete it), then unpack again.',
    );
    expect(await readTree(folder)).toEqual(before);
    // With stale files kept, one of the solution's own beside it: the folder is kept for both.
    write(folder, [
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml/old.xml',
    ]);
    const stale = await unpackSolution(fixturePath(HIL), folder, { overwrite: true, stale: 'keep' }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(stale)).toBe(
      `${definition}: is a folder holding 2 files that the solution does not have (draft.xml.orig, old.xml), which unpack keeps as stale files are kept; the solution has a file there.`,
    );
  });
});
