import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { extractConnectors, packSolution, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('other-part-case-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const RENAME_OTHER =
  'other/ differs from Other/ in letter case only, which Linux tells apart: rename the folder to Other/.';
const RENAME_SOLUTION =
  'Other/solution.xml differs from Other/Solution.xml in letter case only, which Linux tells apart: rename it to Other/Solution.xml.';

async function unpackedHil(): Promise<string> {
  const src = path.join(temp.make(), 'src');
  await unpackSolution(fixturePath(HIL), src);
  return src;
}

/** Renames `from` to `to` in the folder, as Windows or macOS would let a maker do. */
function rename(src: string, from: string, to: string): void {
  renameSync(path.join(src, from), path.join(src, to));
}

async function refusal(run: Promise<unknown>): Promise<[string, string | undefined]> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return [locatedMessage(error), (error as UserError).hint];
}

/** What pack and extract-connectors say of the folder. */
async function refusals(src: string): Promise<Array<[string, string | undefined]>> {
  return [
    await refusal(packSolution(src, path.join(path.dirname(src), 'out.zip'))),
    await refusal(extractConnectors(src, temp.make())),
  ];
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  "the solution's manifest or customizations named in another letter case",
  () => {
    it('names Other/solution.xml, to rename to Other/Solution.xml', async () => {
      const src = await unpackedHil();
      rename(src, 'Other/Solution.xml', 'Other/solution.xml');
      const lost: [string, string] = [
        `${src}: has Other/Customizations.xml but no Other/Solution.xml, the solution's manifest.`,
        RENAME_SOLUTION,
      ];
      expect(await refusals(src)).toEqual([lost, lost]);
    });

    it('names an Other folder renamed to other', async () => {
      const src = await unpackedHil();
      rename(src, 'Other', 'other');
      expect(await refusals(src)).toEqual([
        [
          `${src}: is not an unpacked solution: it has no Other/Solution.xml and Other/Customizations.xml.`,
          RENAME_OTHER,
        ],
        [
          `${src}: is neither a solution zip nor an unpacked solution folder (no Other/Solution.xml).`,
          RENAME_OTHER,
        ],
      ]);
    });

    it('names both renames, the folder and the file in it, when other/solution.xml differs in both', async () => {
      const src = await unpackedHil();
      rename(src, 'Other/Solution.xml', 'Other/solution.xml');
      rename(src, 'Other', 'other');
      const [pack, extract] = await refusals(src);
      expect([pack![1], extract![1]]).toEqual([
        `${RENAME_OTHER} ${RENAME_SOLUTION}`,
        `${RENAME_OTHER} ${RENAME_SOLUTION}`,
      ]);
    });

    // Linux holds Other/ and other/ apart: other/ cannot be renamed to Other/, which is there.
    it('says to move the manifest into Other/ when it is in an other/ beside it', async () => {
      const src = await unpackedHil();
      mkdirSync(path.join(src, 'other'));
      rename(src, 'Other/Solution.xml', 'other/Solution.xml');
      const lost: [string, string] = [
        `${src}: has Other/Customizations.xml but no Other/Solution.xml, the solution's manifest.`,
        'other/Solution.xml is in other/, which differs from Other/ in letter case only, which Linux tells apart: move it to Other/Solution.xml.',
      ];
      expect(await refusals(src)).toEqual([lost, lost]);
    });

    it('names both files when both are renamed', async () => {
      const src = await unpackedHil();
      rename(src, 'Other/Solution.xml', 'Other/solution.xml');
      rename(src, 'Other/Customizations.xml', 'Other/customizations.xml');
      const [pack] = await refusals(src);
      expect(pack).toEqual([
        `${src}: is not an unpacked solution: it has no Other/Solution.xml and Other/Customizations.xml.`,
        `${RENAME_SOLUTION} Other/customizations.xml differs from Other/Customizations.xml in letter case only, which Linux tells apart: rename it to Other/Customizations.xml.`,
      ]);
    });

    it('pack names Other/customizations.xml, to rename to Other/Customizations.xml', async () => {
      const src = await unpackedHil();
      rename(src, 'Other/Customizations.xml', 'Other/customizations.xml');
      expect(await refusal(packSolution(src, path.join(path.dirname(src), 'out.zip')))).toEqual([
        `${src}: has Other/Solution.xml but no Other/Customizations.xml, the solution's components.`,
        'Other/customizations.xml differs from Other/Customizations.xml in letter case only, which Linux tells apart: rename it to Other/Customizations.xml.',
      ]);
    });

    it('unpack into the folder names the rename, not a folder of its own or adding the solution beside', async () => {
      // Unpacked beside other/, the solution would be in the folder twice.
      const src = await unpackedHil();
      rename(src, 'Other', 'other');
      expect(await refusal(unpackSolution(fixturePath(HIL), src, { overwrite: true }))).toEqual([
        `${src}: holds 9 files but no unpacked solution (no Other/Solution.xml); updating it would delete them.`,
        RENAME_OTHER,
      ]);
    });
  },
);
