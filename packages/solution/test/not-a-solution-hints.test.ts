import { afterAll, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { extractConnectors, NotASolutionError, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readTree, readZip } from './helpers/trees.js';
import { temporaryFolders, zipWithYazl } from './helpers/zips.js';

const temp = temporaryFolders('not-a-solution-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

/** The two zips a maker makes by hand that look like a solution but are not one Dataverse imports. */
describeWith(SOLUTION_FIXTURES, 'real solution export')('a zip one step away from a solution', () => {
  async function refusal(entries: Map<string, Buffer>, prefix: string): Promise<NotASolutionError> {
    const zip = await zipWithYazl(
      path.join(temp.make(), 'handmade.zip'),
      [...entries].map(([name, content]) => ({ name: `${prefix}${name}`, content })),
    );
    const parent = temp.make();
    const error = await unpackSolution(zip, path.join(parent, 'src')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotASolutionError);
    expect(readdirSync(parent)).toEqual([]);
    // extract-connectors reads the zip the same way and says the same.
    const again = await extractConnectors(zip, temp.make()).catch((e: unknown) => e);
    expect((again as NotASolutionError).hint).toBe((error as NotASolutionError).hint);
    return error as NotASolutionError;
  }

  it('says that an export was zipped with its folder, and which folder to zip the contents of', async () => {
    // Windows' "Send to > Compressed folder" on the folder an export was extracted to.
    const error = await refusal(await readZip(fixturePath(HIL)), 'customHIL_1_0_0_3/');
    expect(error.hint).toBe(
      'Its solution.xml is in customHIL_1_0_0_3/: the folder was zipped instead of the files in it. Zip the files inside customHIL_1_0_0_3/, or export the solution again.',
    );
  });

  it('says that an unpacked folder was zipped, and to pack it instead', async () => {
    const folder = path.join(temp.make(), 'src');
    await unpackSolution(fixturePath(HIL), folder);
    for (const prefix of ['', 'src/']) {
      const error = await refusal(await readTree(folder), prefix);
      expect(error.hint).toBe(
        `It holds an unpacked solution (${prefix}Other/Solution.xml), not an export: unzip it and pack that folder with connector-alm pack (or the pack-solution action).`,
      );
    }
  });
});
