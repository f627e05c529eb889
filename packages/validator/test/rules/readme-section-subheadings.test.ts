import { describe, expect, it } from '@jest/globals';
import {
  isSubHeading,
  operationSections,
  subHeadingsBySection,
} from '../../src/rules/readme/operation-headings.js';
import { outlineOf } from '../../src/rules/readme/outline.js';
import { seededPick } from '../helpers/seeded-random.js';

// README-OPS-MATCH filtered every heading of the readme once per Supported Operations section: a
// readme of 20,000 sections of one heading each took seconds. The sections do not overlap, so one
// pass over the headings gives each its own.
describe('the sub-headings of each Supported Operations section', () => {
  it('are those isSubHeading takes, on random readmes of several sections', () => {
    const random = seededPick(41);
    for (let readme = 0; readme < 300; readme++) {
      const lines = Array.from({ length: random(50) }, (_, index) => {
        const kind = random(6);
        if (kind === 0) return `${'#'.repeat(1 + random(3))} Supported Operations\n`;
        if (kind === 1) return `${'#'.repeat(1 + random(3))} Known Issues\nText.\n`;
        return `${'#'.repeat(2 + random(5))} Heading ${index}\n${random(2) === 0 ? 'Text.\n' : ''}`;
      });
      const { headings } = outlineOf({ text: lines.join('') });
      const sections = operationSections(headings);
      const filtered = sections.map((section) =>
        headings.filter((heading) => isSubHeading(heading, section)),
      );
      expect(subHeadingsBySection(headings, sections)).toEqual(filtered);
    }
  });

  it('reads each heading a bounded number of times, however many sections there are', () => {
    const text = Array.from(
      { length: 2_000 },
      (_, index) => `## Supported Operations\n### Op ${index}\n`,
    ).join('');
    const { headings } = outlineOf({ text });
    const sections = operationSections(headings);
    expect(sections).toHaveLength(2_000);
    let reads = 0;
    const counted = headings.map((heading) => {
      const { offset, ...rest } = heading;
      return Object.defineProperty({ ...rest }, 'offset', {
        enumerable: true,
        get: () => {
          reads++;
          return offset;
        },
      }) as typeof heading;
    });
    const bySection = subHeadingsBySection(
      counted,
      sections.map((section) => counted[headings.indexOf(section)]!),
    );
    expect(bySection.every((subHeadings) => subHeadings.length === 1)).toBe(true);
    // Filtering the 4,000 headings once per section read 8 million offsets.
    expect(reads).toBeLessThanOrEqual(8 * headings.length);
  });
});
