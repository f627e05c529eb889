import { afterAll, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inputWords } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolutionPackages, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { managedTwinOf, temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('both-versions-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/** HIL.zip (1.0.0.3, the real export) and HIL_managed.zip, the managed export of `managedVersion`. */
async function exportPair(dir: string, managedVersion: string): Promise<string> {
  const unmanaged = path.join(dir, 'HIL.zip');
  copyFileSync(fixturePath(HIL), unmanaged);
  const manifest = (await readZip(unmanaged)).get('solution.xml')!.toString('utf8');
  await managedTwinOf(unmanaged, path.join(dir, 'HIL_managed.zip'), {
    'solution.xml': manifest
      .replace('<Managed>0</Managed>', '<Managed>1</Managed>')
      .replace('<Version>1.0.0.3</Version>', `<Version>${managedVersion}</Version>`),
  });
  return unmanaged;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => locatedMessage(error),
  );
}

/** Version of solution.xml in a packed zip. */
async function zipVersion(zip: string): Promise<string> {
  const manifest = (await readZip(zip)).get('solution.xml')!.toString('utf8');
  return /<Version>([^<]*)<\/Version>/.exec(manifest)![1]!;
}

describeFixtures('a folder of both exports holds one build', () => {
  it('unpack refuses exports of different versions, naming both, and writes nothing', async () => {
    const dir = temp.make();
    const zip = await exportPair(dir, '1.0.5.0');
    const folder = path.join(dir, 'solutions', 'HIL');
    const message = await failure(unpackSolution(zip, folder, { packageType: 'both' }));
    expect(message).toBe(
      `${path.join(dir, 'HIL_managed.zip')}: holds customHIL 1.0.5.0 but HIL.zip holds 1.0.0.3: the two exports are of different builds.`,
    );
    expect(existsSync(path.join(dir, 'solutions'))).toBe(false);
  });

  it('unpack refuses them with a reset version too, which would hide the difference', async () => {
    const dir = temp.make();
    const zip = await exportPair(dir, '1.0.5.0');
    const message = await failure(
      unpackSolution(zip, path.join(dir, 'src'), { packageType: 'both', resetVersion: '0.0.0.0' }),
    );
    expect(message).toMatch(/holds customHIL 1\.0\.5\.0 but HIL\.zip holds 1\.0\.0\.3/);
  });

  it('unpack takes exports of one version', async () => {
    const dir = temp.make();
    const zip = await exportPair(dir, '1.0.0.3');
    const result = await unpackSolution(zip, path.join(dir, 'src'), { packageType: 'both' });
    expect(result.version).toBe('1.0.0.3');
  });

  it('unpack pairs exports named with .ZIP, and keeps the version when the reset version is empty', async () => {
    // Saved by Windows tools in capitals; on a case-sensitive disk HIL_managed.zip would be another
    // file. An empty reset version is "keep it", as UnpackOptions documents and the folder shows.
    const dir = temp.make();
    const pair = await exportPair(dir, '1.0.0.3');
    const zip = path.join(dir, 'HIL.ZIP');
    renameSync(pair, zip);
    renameSync(path.join(dir, 'HIL_managed.zip'), path.join(dir, 'HIL_managed.ZIP'));
    const src = path.join(dir, 'src');
    const result = await unpackSolution(zip, src, { packageType: 'both', resetVersion: '' });
    expect(result).toMatchObject({ managed: '2', version: '1.0.0.3' });
    expect(readFileSync(path.join(src, 'Other', 'Solution.xml'), 'utf8')).toContain(
      '<Version>1.0.0.3</Version>',
    );
    // The managed one given names the pair as well, its own name as it is.
    const fromManaged = await unpackSolution(path.join(dir, 'HIL_managed.ZIP'), path.join(dir, 'src2'), {
      packageType: 'both',
    });
    expect(fromManaged.version).toBe('1.0.0.3');
  });

  it('pack refuses a folder whose two manifests name different versions, and writes no zip', async () => {
    const dir = temp.make();
    const src = await folderWithManagedVersion(dir, '1.0.5.0');
    const out = path.join(dir, 'out', 'HIL.zip');
    for (const packageType of ['auto', 'unmanaged', 'managed'] as const) {
      const message = await failure(packSolutionPackages(src, out, { packageType }));
      expect(message).toBe(
        `${path.join(src, 'Other/Solution_managed.xml')}: has version 1.0.5.0 but Other/Solution.xml has 1.0.0.3: the managed zip and the unmanaged zip would be different builds.`,
      );
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  // Compared as versions, not as text: 1.0.00.3 is the build 1.0.0.3 is, and both zips are packed.
  it('pack takes a folder whose managed manifest writes the same version otherwise', async () => {
    const dir = temp.make();
    const src = await folderWithManagedVersion(dir, '1.0.00.3');
    const results = await packSolutionPackages(src, path.join(dir, 'out', 'HIL.zip'));
    expect(results.map((result) => [result.managed, result.version])).toEqual([
      [false, '1.0.0.3'],
      [true, '1.0.00.3'],
    ]);
  });

  it("pack's refusal says how to fix it, in the action's words there", async () => {
    const dir = temp.make();
    const src = await folderWithManagedVersion(dir, '1.0.5.0');
    const out = path.join(dir, 'out', 'HIL.zip');
    await expect(packSolutionPackages(src, out)).rejects.toMatchObject({
      hint: 'Give the version to pack (--solution-version), which both zips get, or make the two <Version> elements the same.',
    });
    await expect(packSolutionPackages(src, out, { say: inputWords })).rejects.toMatchObject({
      hint: 'Give the version to pack (the version input), which both zips get, or make the two <Version> elements the same.',
    });
  });

  it('pack stamps a version given on both zips, and reports the version each zip has', async () => {
    const dir = temp.make();
    const src = await folderWithManagedVersion(dir, '1.0.5.0');
    const out = path.join(dir, 'out', 'HIL.zip');
    const results = await packSolutionPackages(src, out, { version: '1.0.6.0' });
    expect(results.map((result) => [path.basename(result.zip), result.version])).toEqual([
      ['HIL.zip', '1.0.6.0'],
      ['HIL_managed.zip', '1.0.6.0'],
    ]);
    expect([await zipVersion(results[0]!.zip), await zipVersion(results[1]!.zip)]).toEqual([
      '1.0.6.0',
      '1.0.6.0',
    ]);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['HIL.zip', 'HIL_managed.zip']);
  });
});

/**
 * A folder unpacked from both exports of 1.0.0.3 whose managed manifest was then edited by hand to
 * `version` (or unpacked by a version that did not compare them).
 */
async function folderWithManagedVersion(dir: string, version: string): Promise<string> {
  const zip = await exportPair(dir, '1.0.0.3');
  const src = path.join(dir, 'src');
  await unpackSolution(zip, src, { packageType: 'both' });
  const manifest = readFileSync(path.join(src, 'Other/Solution.xml'), 'utf8');
  writeFileSync(
    path.join(src, 'Other/Solution_managed.xml'),
    manifest.replace('<Version>1.0.0.3</Version>', `<Version>${version}</Version>`),
  );
  return src;
}
