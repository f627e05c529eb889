import { describe, expect, it } from '@jest/globals';
import { outlineOf } from '../../src/rules/readme/outline.js';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';

const BOM = '\uFEFF';

describe('readme outline', () => {
  it('places headings and sections in the text as loaded, also after a BOM', () => {
    const text = `${BOM}# Title\n\nIntro\n\n## Known Issues\n\nNone.\n`;
    const { headings } = outlineOf({ text });
    expect(headings.map((h) => text.slice(h.offset, h.offset + h.length))).toEqual([
      '# Title',
      '## Known Issues',
    ]);
    expect(text.slice(headings[1]!.bodyStart, headings[1]!.bodyEnd)).toBe('\n\nNone.\n');
    expect(text.slice(headings[0]!.bodyStart, headings[0]!.bodyEnd)).toBe(
      '\n\nIntro\n\n## Known Issues\n\nNone.\n',
    );
  });

  it('locates a heading finding on the same line and column with or without a BOM', async () => {
    const readme = validReadme().replace('### Get a task', '### Delete a task');
    const where = async (text: string) =>
      (
        await runRules(
          { ...validConnectorFiles(), 'readme.md': text },
          ['README-OPS-MATCH'],
          'independent-publisher',
        )
      ).map((f) => [f.line, f.column]);
    const plain = await where(readme);
    expect(plain).toEqual([
      [9, 1],
      [14, 1],
    ]);
    expect(await where(BOM + readme)).toEqual(plain);
  });
});
