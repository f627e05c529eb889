import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractConnectors, removeLeftConnectors, removeLeftFolders, unpackSolution } from '../src/index.js';
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

// A renamed connector whose new folder has its own file in the place of one of the earlier folder's
// (`notCarried`): the earlier folder stays whole, with a warning, unless it is a folder of this run.
describe('removeLeftFolders and the earlier folder of a renamed connector with files not carried', () => {
  function earlierFolder(): string {
    const root = temp.make();
    for (const [folder, readme] of [
      ['Human-in-the-Loop', '# Written by the maker\n'],
      ['Approval Loop', '# Approval Loop\n'],
      ['Other', '# Other\n'],
    ]) {
      mkdirSync(path.join(root, folder!));
      writeFileSync(path.join(root, folder!, 'readme.md'), readme!);
      writeFileSync(path.join(root, folder!, 'notes.md'), `${readme!}Notes.\n`);
    }
    return root;
  }
  const renamed = {
    name: 'cat_loop',
    folder: 'Approval Loop',
    renamedFrom: { folder: 'Human-in-the-Loop', notCarried: ['readme.md', 'notes.md'] },
  };

  it('is left alone with its warning, whichever connector of the run was renamed', async () => {
    const root = earlierFolder();
    const result = await removeLeftFolders([], root, [{ name: 'cat_other', folder: 'Other' }, renamed]);
    expect(result).toEqual({
      removed: [],
      leftAlone: [
        {
          folder: 'Human-in-the-Loop',
          warning:
            "not removed: its connector was renamed and moved to 'Approval Loop', which has other files in the place of 'readme.md', 'notes.md' from here, so they were not carried. Merge them into 'Approval Loop' by hand, then delete this folder.",
        },
      ],
      notRemoved: [],
    });
    expect(existsSync(path.join(root, 'Human-in-the-Loop', 'readme.md'))).toBe(true);
  });

  it('says nothing of it once another connector of the run was written to it, as it took the old name', async () => {
    const root = earlierFolder();
    const result = await removeLeftFolders([], root, [
      renamed,
      { name: 'cat_new', folder: 'Human-in-the-Loop' },
    ]);
    expect(result).toEqual({ removed: [], leftAlone: [], notRemoved: [] });
  });
});
