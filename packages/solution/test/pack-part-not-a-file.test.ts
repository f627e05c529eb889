import { afterAll, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import { packSolution, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('pack-part-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

/** customHIL as unpack writes it, in src/ of a new folder. */
async function unpackedHil(dir: string): Promise<string> {
  const src = path.join(dir, 'src');
  await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src);
  return src;
}

// It said the folder had Other/Solution.xml "but no Other/Customizations.xml", which the user could see.
describeFixtures('pack and Other/Solution.xml or Other/Customizations.xml that is no file', () => {
  it.each([
    ['Other/Customizations.xml', "the solution's components"],
    ['Other/Solution.xml', "the solution's manifest"],
  ])('names %s as a folder, not as a missing part, and writes no zip', async (part, what) => {
    const dir = temp.make();
    const src = await unpackedHil(dir);
    rmSync(path.join(src, part));
    mkdirSync(path.join(src, part));
    writeFileSync(path.join(src, part, 'notes.txt'), 'kept here by mistake\n');
    const error = await packSolution(src, path.join(dir, 'out.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(locatedMessage(error as UserError)).toBe(
      `${path.join(src, part)}: is a folder, not a file; ${part} is the file that holds ${what}.`,
    );
    expect((error as UserError).hint).toBe(
      `Move anything you keep in it elsewhere and delete the folder, then restore the file ${part} (e.g. from git), or unpack the solution again.`,
    );
    expect(readdirSync(dir)).toEqual(['src']);
  });

  it('names the manifest when both are folders, exit code 1 not 2', async () => {
    const dir = temp.make();
    const src = await unpackedHil(dir);
    for (const part of ['Other/Solution.xml', 'Other/Customizations.xml']) {
      rmSync(path.join(src, part));
      mkdirSync(path.join(src, part));
    }
    const error = await packSolution(src, path.join(dir, 'out.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    // A folder holding an unpacked solution whose part is wrong: exit code 1, not a usage error (2).
    expect(error).not.toBeInstanceOf(UsageError);
    expect(locatedMessage(error as UserError)).toMatch(/Other\/Solution\.xml: is a folder, not a file; /);
  });

  it('names a link as a link, which pack does not follow', async () => {
    const dir = temp.make();
    const src = await unpackedHil(dir);
    const kept = path.join(dir, 'Customizations.xml');
    cpSync(path.join(src, 'Other/Customizations.xml'), kept);
    rmSync(path.join(src, 'Other/Customizations.xml'));
    symlinkSync(kept, path.join(src, 'Other/Customizations.xml'));
    const error = await packSolution(src, path.join(dir, 'out.zip')).catch((e: unknown) => e);
    expect(locatedMessage(error as UserError)).toBe(
      `${path.join(src, 'Other/Customizations.xml')}: is a symbolic link, not a file; Other/Customizations.xml is the file that holds the solution's components.`,
    );
  });
});
