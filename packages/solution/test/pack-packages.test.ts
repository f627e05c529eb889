import { afterAll, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { packSolutionPackages, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('pack-packages-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');
const UNMANAGED = 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip';

describeFixtures('pack as the command and the action take it', () => {
  it('packs both zips with auto from a folder unpacked from both exports, as the help says', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'src'), { packageType: 'both' });
    const results = await packSolutionPackages(path.join(dir, 'src'), path.join(dir, 'out', 'Cls.zip'));
    expect(results.map((r) => [path.basename(r.zip), r.managed])).toEqual([
      ['Cls.zip', false],
      ['Cls_managed.zip', true],
    ]);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['Cls.zip', 'Cls_managed.zip']);
  });

  it('packs one zip with auto from a folder of one export', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'src'));
    const results = await packSolutionPackages(path.join(dir, 'src'), path.join(dir, 'out', 'Cls.zip'), {
      packageType: 'auto',
    });
    expect(results.map((r) => [path.basename(r.zip), r.managed])).toEqual([['Cls.zip', false]]);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Cls.zip']);
  });

  it('packs the one kind asked for from a folder of both exports', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'src'), { packageType: 'both' });
    const results = await packSolutionPackages(path.join(dir, 'src'), path.join(dir, 'out', 'Cls.zip'), {
      packageType: 'managed',
      version: '2.0.0.0',
    });
    expect(results.map((r) => [path.basename(r.zip), r.managed, r.version])).toEqual([
      ['Cls.zip', true, '2.0.0.0'],
    ]);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Cls.zip']);
  });

  it('writes neither zip, and keeps an earlier one, when both is asked of a folder of one export', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'Cls.zip'), 'the zip of an earlier pack');
    await expect(
      packSolutionPackages(path.join(dir, 'src'), path.join(dir, 'out', 'Cls.zip'), { packageType: 'both' }),
    ).rejects.toThrow(/is unmanaged \(<Managed>0<\/Managed>\); it cannot be packed as managed/);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Cls.zip']);
    expect(readFileSync(path.join(dir, 'out', 'Cls.zip'), 'utf8')).toBe('the zip of an earlier pack');
  });

  // The caller checks the zip it names; the managed one beside it only packSolutionPackages knows of.
  it('checks the managed zip it would write beside, before either is written, and only then', async () => {
    const dir = temp.make();
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'both'), { packageType: 'both' });
    await unpackSolution(fixturePath(UNMANAGED), path.join(dir, 'one'));
    mkdirSync(path.join(dir, 'out'));
    const checked: string[] = [];
    const refuse = async (file: string) => {
      checked.push(file);
      throw new Error(`refused ${path.basename(file)}`);
    };
    await expect(
      packSolutionPackages(path.join(dir, 'both'), path.join(dir, 'out', 'Cls.zip'), { checkOutput: refuse }),
    ).rejects.toThrow('refused Cls_managed.zip');
    expect(checked).toEqual([path.join(dir, 'out', 'Cls_managed.zip')]);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
    const one = await packSolutionPackages(path.join(dir, 'one'), path.join(dir, 'out', 'Cls.zip'), {
      checkOutput: refuse,
    });
    expect(one.map((r) => path.basename(r.zip))).toEqual(['Cls.zip']);
    expect(checked).toHaveLength(1);
  });
});
