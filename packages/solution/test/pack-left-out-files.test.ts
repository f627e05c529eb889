import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { leftOutWarning, packSolution, packSolutionPackages, unpackSolution } from '../src/index.js';
import { describeWith, FIXTURE_EXPORTS, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('pack-left-out-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const CONNECTOR = 'Connectors/cat_human-2din-2dthe-2dloop';

/**
 * What editors, git and file managers leave in the component folders of a solution a person edits,
 * each packed before as a zip entry Dataverse refuses or carries into the environment.
 */
const LEFTOVERS = [
  `${CONNECTOR}_openapidefinition.json~`, // Emacs, Vim, gedit backup
  `${CONNECTOR}_openapidefinition.json.~3~`, // Emacs numbered backup
  `Connectors/#cat_human-2din-2dthe-2dloop_openapidefinition.json#`, // Emacs auto-save
  `Connectors/.cat_human-2din-2dthe-2dloop_openapidefinition.json.swp`, // Vim swap
  `Connectors/.cat_human-2din-2dthe-2dloop_openapidefinition.json.swo`,
  `Connectors/.cat_human-2din-2dthe-2dloop_openapidefinition.json.un~`, // Vim undo
  `${CONNECTOR}.xml.orig`, // git mergetool
  `${CONNECTOR}_connectionparameters.json.rej`, // git apply --reject
  `${CONNECTOR}_policytemplateinstances_BASE_4242.json`, // git mergetool, quit half-way
  `Other/Customizations_LOCAL_4242.xml`,
  'Workflows/Flow-11111111-1111-1111-1111-111111111111.json.bak',
  'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml.TMP',
  'Other/Solution.xml___jb_old___', // JetBrains safe write
  'Other/~$notes.docx', // Office owner file
  `Connectors/._cat_human-2din-2dthe-2dloop_iconblob.Png`, // macOS Finder data
];

async function unpackedHil(dir: string): Promise<string> {
  const src = path.join(dir, 'src');
  await unpackSolution(fixturePath(HIL), src);
  return src;
}

describeFixtures('pack and the leftovers of editors and git in component folders', () => {
  it('leaves them out of the zip, which is the one the folder alone packs to, and lists them', async () => {
    const dir = temp.make();
    const src = await unpackedHil(dir);
    const expected = await packSolution(src, path.join(dir, 'clean.zip'));
    for (const file of LEFTOVERS) {
      mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
      writeFileSync(path.join(src, file), 'left by a tool\n');
    }
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([...LEFTOVERS].sort());
    expect(result.entries).toEqual(expected.entries);
    expect(await readZip(path.join(dir, 'out.zip'))).toEqual(await readZip(path.join(dir, 'clean.zip')));
  });

  it('packs the files a solution has whose names come close: a .svg, a dot file deeper down, a ~ inside a name', async () => {
    const dir = temp.make();
    const src = await unpackedHil(dir);
    const kept = [
      'WebResources/cat_/icon.svg',
      'WebResources/cat_/.config',
      'WebResources/cat_/a~b.js',
      'WebResources/cat_/#tag.js',
      'WebResources/cat_/backup.json',
      'Controls/cat_X/strings/X.1033.resx',
      'Controls/cat_X/bundle.js.LICENSE.txt',
    ];
    for (const file of kept) {
      mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
      writeFileSync(path.join(src, file), 'part of the solution\n');
    }
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.leftOut).toEqual([]);
    expect([...(await readZip(path.join(dir, 'out.zip'))).keys()]).toEqual(expect.arrayContaining(kept));
  });

  it('leaves them out of both zips of a folder of both exports', async () => {
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'), src, {
      packageType: 'both',
    });
    const leftovers = [
      'maskingrules/Date_Slash/maskingrule.xml~',
      'maskingrules/Date_Slash/maskingrule.xml.orig',
    ];
    for (const file of leftovers) writeFileSync(path.join(src, file), 'left by a tool\n');
    const results = await packSolutionPackages(src, path.join(dir, 'out', 'Cls.zip'));
    expect(results.map((result) => result.leftOut)).toEqual([leftovers.sort(), leftovers.sort()]);
    for (const result of results) {
      const names = [...(await readZip(result.zip)).keys()];
      expect(names).toContain('maskingrules/Date_Slash/maskingrule.xml');
      expect(names.filter((name) => /(~|\.orig)$/.test(name))).toEqual([]);
    }
  });

  it('says in its warning what the file is and what to do', () => {
    expect(leftOutWarning('src/Workflows/Flow.json.orig', 'Workflows/Flow.json.orig')).toBe(
      'src/Workflows/Flow.json.orig: left out of the solution zip: it is a copy git mergetool keeps of a conflicted file (.orig), ' +
        'not a part of the solution. Delete it (or move it out of the folder) to silence this; rename it if the solution needs it.',
    );
    expect(leftOutWarning('src/Other/#Solution.xml#', 'Other/#Solution.xml#')).toContain(
      "it is an Emacs auto-save or lock file ('#name#', '.#name'), not a part of the solution.",
    );
    // At the root, the file is left out for being there, whatever its name.
    expect(leftOutWarning('src/NOTES.txt~', 'NOTES.txt~')).toContain(
      'a solution has no file at the root of its folder.',
    );
  });
});

describeFixtures('nothing unpack writes is left out', () => {
  // Every real export: unpacked as it is and, with its twin where it has one, as both exports.
  describe.each(FIXTURE_EXPORTS)('$name', (fixture) => {
    it('packs every file of the folder unpack wrote', async () => {
      const dir = temp.make();
      const src = path.join(dir, 'src');
      await unpackSolution(fixturePath(fixture.zip), src);
      const result = await packSolution(src, path.join(dir, 'out.zip'));
      expect(result.leftOut).toEqual([]);
    });
  });

  it('packs every file of a folder of both exports', async () => {
    const dir = temp.make();
    const src = path.join(dir, 'src');
    await unpackSolution(fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'), src, {
      packageType: 'both',
    });
    const results = await packSolutionPackages(src, path.join(dir, 'out', 'Cls.zip'));
    expect(results.map((result) => result.leftOut)).toEqual([[], []]);
  });

  it.each(['customHIL/unpacked', 'AzureOpenAIServiceCustomConnector/unpacked/src'])(
    'packs every file of the SolutionPackager twin %s',
    async (twin) => {
      const dir = temp.make();
      const result = await packSolution(fixturePath(twin), path.join(dir, 'out.zip'));
      expect(result.leftOut).toEqual([]);
    },
  );
});

describeFixtures('unpack and an entry named as an editor leftover', () => {
  it.each([
    [
      'Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json~',
      "a backup an editor left (a name ending in '~')",
    ],
    ['WebResources/cat_/script.js.orig', 'a copy git mergetool keeps of a conflicted file (.orig)'],
    ['Workflows/Flow.json.bak', 'a backup copy (.bak)'],
  ])('refuses %s, which pack would leave out, and writes nothing', async (entry, what) => {
    const dir = temp.make();
    const zip = await variantOf(fixturePath(HIL), path.join(dir, 'HIL.zip'), { [entry]: 'x' });
    const error = await unpackSolution(zip, path.join(dir, 'src')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error as UserError)).toBe(
      `${zip}/${entry}: has the name of ${what}; unpacked, it would be a file that pack leaves out of the solution.`,
    );
    expect(readdirSync(dir)).toEqual(['HIL.zip']);
  });
});
