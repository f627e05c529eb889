import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { locatedMessage } from '@connector-alm/testing';
import { DEFAULT_ZIP_LIMITS, packSolution, packSolutionPackages, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

/*
 * The folder pack reads is in the repository, so a pull request decides how many entries its zip
 * gets. The zip writer (yazl 3.3.1) looks for the next entry to write from the first one each time,
 * which is quadratic in the entries: 48,000 took 21 s, most of the growth in that search. unpack and
 * extract-connectors refuse a zip of more than DEFAULT_ZIP_LIMITS.maxEntries; pack now refuses to
 * write one, before writing anything, unless its limit is raised as theirs can be.
 */

const temp = temporaryFolders('pack-entry-limit-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/** The customHIL export unpacked, with web resources added until its zip has `entries` entries. */
async function folderOf(entries: number): Promise<string> {
  const folder = path.join(temp.make(), 'src');
  await unpackSolution(fixturePath(HIL), folder);
  const plain = await packSolution(folder, path.join(temp.make(), 'plain.zip'));
  const resources = path.join(folder, 'WebResources');
  mkdirSync(resources, { recursive: true });
  for (let i = plain.entries.length; i < entries; i++) writeFileSync(path.join(resources, `w${i}.js`), 'x');
  return folder;
}

describeWith(SOLUTION_FIXTURES, 'real solution export')('how many entries pack writes', () => {
  it('refuses a folder whose zip would hold one entry more than unpack reads, and writes nothing', async () => {
    const limit = DEFAULT_ZIP_LIMITS.maxEntries;
    const folder = await folderOf(limit + 1);
    const out = temp.make();
    const error = await packSolutionPackages(folder, path.join(out, 'packed.zip')).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${folder}: would pack into a zip of ${limit + 1} entries, more than the limit of ${limit} that unpack and extract-connectors read.`,
    );
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it('packs a folder at the limit, and past it when the limit is raised', async () => {
    const folder = await folderOf(40);
    const atLimit = await packSolution(folder, path.join(temp.make(), 'a.zip'), { maxEntries: 40 });
    expect(atLimit.entries).toHaveLength(40);
    const refused = await packSolution(folder, path.join(temp.make(), 'b.zip'), { maxEntries: 39 }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(refused)).toContain(
      'would pack into a zip of 40 entries, more than the limit of 39',
    );
    const raised = await packSolutionPackages(folder, path.join(temp.make(), 'c.zip'), { maxEntries: 40 });
    expect(raised[0]!.entries).toHaveLength(40);
  });
});
