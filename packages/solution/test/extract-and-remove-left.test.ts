import { afterAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractAndRemoveLeftConnectors, extractConnectors } from '../src/index.js';
import { withConnectorCopies } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('extract-and-remove-left-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';

describeWith(SOLUTION_FIXTURES, 'real solution export')('extractAndRemoveLeftConnectors', () => {
  it('writes the connectors and removes the folders of those that only the previous solution had', async () => {
    const work = temp.make();
    const previous = await withConnectorCopies(fixturePath(HIL), path.join(work, 'previous.zip'), [
      'cat_retired',
    ]);
    const root = path.join(work, 'custom-connectors');
    await extractConnectors(previous, root);

    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root, { previousSource: previous });
    expect(result).toEqual({
      connectors: [expect.objectContaining({ folder: 'Human-in-the-Loop' })],
      removed: ['cat_retired'],
    });
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(false);
  });

  it('removes nothing without a previous solution', async () => {
    const root = path.join(temp.make(), 'custom-connectors');
    mkdirSync(path.join(root, 'cat_retired'), { recursive: true });
    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root);
    expect(result.removed).toEqual([]);
    expect(result.previousSourceProblem).toBeUndefined();
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(true);
  });

  it('returns the problem of a previous solution it cannot read, removes nothing and still writes the connectors', async () => {
    const work = temp.make();
    const root = path.join(work, 'custom-connectors');
    mkdirSync(path.join(root, 'cat_retired'), { recursive: true });
    writeFileSync(path.join(work, 'notes.md'), '# Not a solution\n');

    const result = await extractAndRemoveLeftConnectors(fixturePath(HIL), root, {
      previousSource: path.join(work, 'notes.md'),
    });
    expect(result.removed).toEqual([]);
    expect(result.previousSourceProblem?.message).toMatch(/^is not a zip archive/);
    expect(result.connectors.map((connector) => connector.folder)).toEqual(['Human-in-the-Loop']);
    expect(existsSync(path.join(root, 'Human-in-the-Loop', 'apiDefinition.swagger.json'))).toBe(true);
    expect(existsSync(path.join(root, 'cat_retired'))).toBe(true);
  });
});
