import { afterAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractConnectors, removeLeftConnectors, unpackSolution } from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { withConnectorCopies } from './helpers/connector-copies.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('left-connectors-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

describeWith(SOLUTION_FIXTURES, 'real solution export')('removeLeftConnectors', () => {
  it('removes the folder of a connector that left the solution, and no other folder', async () => {
    const work = temp.make();
    const before = await withConnectorCopies(fixturePath(HIL), path.join(work, 'before.zip'), [
      'cat_retired',
    ]);
    // The last snapshot, as the repository holds it: unpacked, its connectors extracted.
    await unpackSolution(before, path.join(work, 'previous'));
    const root = path.join(work, 'custom-connectors');
    await extractConnectors(before, root);
    // Another solution's connector, and one a person made: neither is this solution's to remove.
    for (const other of ['Fabrikam', 'Hand Made']) {
      mkdirSync(path.join(root, other));
      writeFileSync(path.join(root, other, 'readme.md'), '# Mine\n');
    }

    const current = await extractConnectors(fixturePath(HIL), root);
    expect(await removeLeftConnectors(path.join(work, 'previous'), root, current)).toEqual({
      removed: ['cat_retired'],
      leftAlone: [],
      notRemoved: [],
    });
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(false);
    for (const stays of ['Human-in-the-Loop', 'Fabrikam', 'Hand Made'])
      expect([stays, existsSync(path.join(root, stays))]).toEqual([stays, true]);
    // Nothing left to remove on the next run.
    expect(await removeLeftConnectors(fixturePath(HIL), root, current)).toEqual({
      removed: [],
      leftAlone: [],
      notRemoved: [],
    });
  });
});
