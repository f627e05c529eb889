import { describe, expect, it } from '@jest/globals';
import { headingRoles, type OperationNaming } from '../../src/rules/readme/heading-roles.js';
import { parentIndices } from '../../src/rules/readme/operation-headings.js';
import { outlineOf, type ReadmeHeading } from '../../src/rules/readme/outline.js';
import { seededPick } from '../helpers/seeded-random.js';

/** The sub-headings of a readme's first heading ("## Supported Operations"), as the rule takes them. */
function subHeadingsOf(text: string): ReadmeHeading[] {
  return outlineOf({ text }).headings.slice(1);
}

/** The definition parentIndices replaced: walk back from the heading to the first that holds it. */
function walkedBackParent(subHeadings: readonly ReadmeHeading[], index: number): number {
  for (let above = index - 1; above >= 0; above--) {
    if (subHeadings[above]!.depth < subHeadings[index]!.depth) return above;
  }
  return -1;
}

describe('the parents of sub-headings', () => {
  it('are the nearest heading above at a lower level, or none', () => {
    const text =
      '## Supported Operations\n### Actions\n#### Get a task\n##### Inputs\n#### List tasks\n' +
      '### Triggers\n##### Deep first\n#### When a task is created\n### Other\n';
    expect(parentIndices(subHeadingsOf(text))).toEqual([-1, 0, 1, 0, -1, 4, 4, -1]);
    expect(parentIndices([])).toEqual([]);
  });

  it('are those found by walking back from each heading, on random outlines', () => {
    const random = seededPick(28);
    for (let outline = 0; outline < 300; outline++) {
      // Levels 3 to 6 under the section, rising and falling by any step, some with text between.
      const lines = Array.from({ length: random(40) }, (_, index) => {
        const own = random(3) === 0 ? 'Some text.\n' : '';
        return `${'#'.repeat(3 + random(4))} Heading ${index}\n${own}`;
      });
      const subHeadings = subHeadingsOf(`## Supported Operations\n${lines.join('')}`);
      expect(subHeadings).toHaveLength(lines.length);
      const walkedBack = subHeadings.map((_, index) => walkedBackParent(subHeadings, index));
      expect(parentIndices(subHeadings)).toEqual(walkedBack);
    }
  });

  it('are found reading each heading’s level a few times, not once for each heading above it', () => {
    // 2,000 headings at one level, each with a line of text: walking back from each read 4 million
    // levels (with 20,000, README-OPS-MATCH took 0.45 s, half of it walking back).
    const count = 2_000;
    const body = Array.from(
      { length: count },
      (_, index) => `### Stale operation ${index}\nIt does a thing.\n`,
    );
    const text = `## Supported Operations\n${body.join('')}`;
    let reads = 0;
    const subHeadings = subHeadingsOf(text).map((heading) => {
      const { depth, ...rest } = heading;
      return Object.defineProperty({ ...rest }, 'depth', {
        enumerable: true,
        get: () => {
          reads++;
          return depth;
        },
      }) as ReadmeHeading;
    });
    const naming: OperationNaming = {
      namesOperation: () => false,
      readsAsOperation: () => false,
      summaries: new Set(),
    };
    const roles = headingRoles(text, subHeadings, naming);
    expect(roles).toEqual(Array.from({ length: count }, () => 'operation'));
    // Read at all (the count counts), and a few times per heading: the parents read a heading's own
    // level, the open heading's it closes (once, for it closes once) and the one it stays under;
    // what else the roles ask ends at the next heading here, which ends the heading.
    expect(reads).toBeGreaterThanOrEqual(count);
    expect(reads).toBeLessThanOrEqual(4 * count);
  });
});
