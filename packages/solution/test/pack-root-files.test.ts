import { afterAll, expect, it } from '@jest/globals';
import { copyFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolution, packSolutionPackages, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { managedTwinOf, temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('pack-root-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/**
 * What a solution folder kept in Git gains at its root and in its folders: none of it is written by
 * unpack, and none of it belongs in the solution zip.
 */
function addRepositoryClutter(src: string): void {
  writeFileSync(path.join(src, 'README.md'), '# customHIL\n');
  writeFileSync(path.join(src, 'NOTES.txt~'), 'an editor backup\n');
  writeFileSync(path.join(src, '[Content_Types].xml'), '<Types />');
  copyFileSync(fixturePath(HIL), path.join(src, 'customHIL_1_0_0_3.zip'));
  // Repository metadata, left out without a word as before.
  writeFileSync(path.join(src, '.gitattributes'), '* text=auto\n');
  writeFileSync(path.join(src, 'Connectors/.gitkeep'), '');
  writeFileSync(path.join(src, 'Connectors/.DS_Store'), 'finder');
  writeFileSync(path.join(src, 'Other/Thumbs.db'), 'explorer');
}

describeFixtures('pack and files at the root of the folder', () => {
  it('leaves them out of the zip, which is the one the folder alone packs to, and lists them', async () => {
    // Packed before as zip entries beside solution.xml (a second [Content_Types].xml among them).
    const dir = temp.make();
    const clean = path.join(dir, 'clean');
    await unpackSolution(fixturePath(HIL), clean);
    const src = path.join(dir, 'src');
    cpSync(clean, src, { recursive: true });
    addRepositoryClutter(src);
    const expected = await packSolution(clean, path.join(dir, 'clean.zip'));
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([
      'NOTES.txt~',
      'README.md',
      '[Content_Types].xml',
      'customHIL_1_0_0_3.zip',
    ]);
    expect(expected.leftOut).toEqual([]);
    expect(result.entries).toEqual(expected.entries);
    const packed = await readZip(path.join(dir, 'out.zip'));
    expect([...packed.keys()].sort()).toEqual([
      'Connector/cat_human-2din-2dthe-2dloop_connectionparameters.json',
      'Connector/cat_human-2din-2dthe-2dloop_iconblob.Png',
      'Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json',
      'Connector/cat_human-2din-2dthe-2dloop_policytemplateinstances.json',
      '[Content_Types].xml',
      'customizations.xml',
      'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
      'solution.xml',
    ]);
    expect(packed).toEqual(await readZip(path.join(dir, 'clean.zip')));
  });

  it('leaves them out of both zips of a folder of both exports, listed in each', async () => {
    const dir = temp.make();
    const unmanagedZip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), {});
    await managedTwinOf(unmanagedZip, path.join(dir, 'HIL_managed.zip'));
    const src = path.join(dir, 'src');
    await unpackSolution(unmanagedZip, src, { packageType: 'both' });
    writeFileSync(path.join(src, 'README.md'), '# customHIL\n');
    writeFileSync(path.join(src, 'README_managed.md'), '# customHIL, managed\n');
    const results = await packSolutionPackages(src, path.join(dir, 'out', 'HIL.zip'));
    expect(results.map((result) => result.leftOut)).toEqual([
      ['README.md', 'README_managed.md'],
      ['README.md', 'README_managed.md'],
    ]);
    for (const result of results) {
      const names = [...(await readZip(result.zip)).keys()];
      expect(names.filter((name) => name.startsWith('README'))).toEqual([]);
    }
  });
});

describeFixtures('unpack and an entry at the root of the zip besides the three of an export', () => {
  it.each(['README.md', 'customHIL.zip', 'Solution.xml~'])(
    'refuses %s, which pack would leave out, and writes nothing',
    async (entry) => {
      const dir = temp.make();
      const zip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), { [entry]: 'x' });
      const error = await unpackSolution(zip, path.join(dir, 'src')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(locatedMessage(error as UserError)).toBe(
        `${zip}/${entry}: is at the root of the zip, where an export holds only solution.xml, customizations.xml and [Content_Types].xml; ` +
          'unpacked, it would be a file that pack leaves out of the solution.',
      );
      expect(readdirSync(dir)).toEqual(['HIL.zip']);
    },
  );

  it('still unpacks the entries of an export in folders, whatever their names', async () => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), {
      'WebResources/cat_/README.md': '# a web resource named README.md\n',
    });
    const src = path.join(dir, 'src');
    await unpackSolution(zip, src);
    mkdirSync(path.join(dir, 'out'));
    const result = await packSolution(src, path.join(dir, 'out', 'HIL.zip'));
    expect(result.leftOut).toEqual([]);
    expect(result.entries).toContain('WebResources/cat_/README.md');
  });
});
