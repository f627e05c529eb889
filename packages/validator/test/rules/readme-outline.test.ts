import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { discoverConnectorFolders } from '../../src/loader/discover.js';
import { outlineOf } from '../../src/rules/readme/outline.js';
import { CORPUS_DIR, corpusAvailable, runRules } from '../helpers/fixture.js';
import { seededPick } from '../helpers/seeded-random.js';
import { withTextCorruptions } from '../helpers/text-corruptions.js';
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

  it('does not count a BOM as a column of the first line, as editors and GitHub do not show it', async () => {
    // The certified readme template's sections are reported on the first heading, here on line 1.
    const readme = '# Contoso\nA connector.\n';
    const where = async (text: string) =>
      (
        await runRules({ ...validConnectorFiles(), 'readme.md': text }, ['README-SECTIONS-CERT'], 'certified')
      ).map((f) => [f.line, f.column, f.endLine, f.endColumn]);
    const plain = await where(readme);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain[0]).toEqual([1, 1, 1, 10]);
    expect(await where(BOM + readme)).toEqual(plain);
  });

  it('reads LF, CRLF and lone CR line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# Title', '', 'Intro', '## Known Issues', 'None.', ''].join(eol);
      const { headings } = outlineOf({ text });
      expect(headings.map((h) => [h.text, text.slice(h.offset, h.offset + h.length)])).toEqual([
        ['Title', '# Title'],
        ['Known Issues', '## Known Issues'],
      ]);
      expect(text.slice(headings[1]!.bodyStart, headings[1]!.bodyEnd)).toBe(`${eol}None.${eol}`);
      // A heading on the last line, without a line ending: its section is empty, at the end.
      const last = `Intro${eol}${eol}## End`;
      expect(outlineOf({ text: last }).headings.map((h) => [h.offset, h.length, h.bodyStart])).toEqual([
        [last.length - 6, 6, last.length],
      ]);
    }
  });

  it('places a heading indented by up to three spaces at its first #', () => {
    const text = 'Intro\n\n   ## Known Issues\nNone.\n';
    const { headings } = outlineOf({ text });
    expect(headings.map((h) => text.slice(h.offset, h.offset + h.length))).toEqual(['## Known Issues']);
  });

  it('reads a NUL as U+FFFD, as CommonMark does, with LF and CRLF line endings', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `# Get\0task${eol}Text.${eol}`;
      expect(outlineOf({ text }).headings.map((h) => h.text)).toEqual(['Get\uFFFDtask']);
    }
  });

  it('reads heading text as displayed: markup dropped, other characters as written', () => {
    const text = [
      '# Get *all* `tasks` &amp; [links](https://x.test) <b>now</b>',
      '## Tasks: list #1 (v2) - 100% = ok? ~{}',
      '### Escaped \\* star ##',
      '',
    ].join('\n');
    expect(outlineOf({ text }).headings.map((h) => h.text)).toEqual([
      'Get all tasks & links now',
      'Tasks: list #1 (v2) - 100% = ok? ~{}',
      'Escaped * star',
    ]);
  });

  it('ends paragraphs where CommonMark does, and skips headings inside lists and quotes', () => {
    const text = [
      'Intro line',
      '# Interrupts the paragraph',
      'Text',
      '    # indented: a lazy line of the paragraph',
      '- item',
      '',
      '  ## inside the list',
      '',
      'Setext',
      '---',
      '> ## quoted',
      '',
    ].join('\n');
    expect(outlineOf({ text }).headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'Interrupts the paragraph'],
      [2, 'Setext'],
    ]);
  });
});

/** Block structures around which paragraphs end or go on, each next to headings. */
const TRICKY_DOCUMENTS = [
  'Para\nlazy\n# H1\ntext\n## H2\n',
  'Para\n    # indented: lazy\n- item\n  continued\n# After list\n',
  '- a\n\n  # in item\n\n  para\n# Out\n',
  '> quote\nlazy # not\n# After quote\n> # In quote\n',
  '```\n# in fence\n```\nPara\n```\ncode\n```\n# After fence\n',
  '<div>\n# in html\n\n# After html\nPara\n<div>\n# lazy html\n',
  '[ref]: https://x.test\n# After reference\nPara\n[ref2]: https://y.test\n# After\n',
  'Setext\n===\nPara\nmore\n---\n***\nPara\n* * *\n# After rule\n',
  '1. one\n2. two\nPara\n1. interrupts\n# End\n',
  'Para\n- ```\n  # in a fenced list item\n  ```\n# After the list\n',
  'Para\n2. does not interrupt\n# Tab\theading\n\tcode\n#\tTabbed\n',
  'Line\r\n# CRLF\r\nPara\rlazy\r## CR\r',
];

/** The top-level headings of a full parse by markdown-it as shipped, as [line, depth]. */
function stockHeadings(text: string): [number, number][] {
  return new MarkdownIt('commonmark')
    .parse(text, {})
    .filter((token) => token.type === 'heading_open' && token.level === 0)
    .map((token) => [token.map![0], Number(token.tag.slice(1))]);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n?|\n/).length - 1;
}

describe('readme outline, next to a full markdown-it parse', () => {
  it('finds the same top-level headings, though it skips paragraphs and inline parsing', () => {
    for (const text of TRICKY_DOCUMENTS) {
      const outline = outlineOf({ text }).headings.map((h) => [lineOf(text, h.offset), h.depth]);
      expect({ text, headings: outline }).toEqual({ text, headings: stockHeadings(text) });
    }
  });

  // Every corpus readme, and each with seeded corruptions (a fence or list cut off, lines repeated,
  // characters inserted), where the block structure around headings is what the makers wrote.
  (corpusAvailable ? it : it.skip)(
    'finds the same top-level headings in every corpus readme, as written and corrupted',
    async () => {
      const readmes: string[] = [];
      for (const folder of await discoverConnectorFolders([CORPUS_DIR], CORPUS_DIR)) {
        const name = readdirSync(folder).find((file) => file.toLowerCase() === 'readme.md');
        if (name) readmes.push(readFileSync(path.join(folder, name), 'utf8').replace(/^\uFEFF/, ''));
      }
      expect(readmes.length).toBeGreaterThan(300);
      const differing: string[] = [];
      let headings = 0;
      for (const [index, readme] of readmes.entries()) {
        const pick = seededPick(index + 1);
        const texts = [readme, ...[1, 2, 3].map(() => withTextCorruptions(readme, pick, 1 + pick(3)).text)];
        for (const text of texts) {
          const stock = stockHeadings(text);
          headings += stock.length;
          const outline = outlineOf({ text }).headings.map((h) => [lineOf(text, h.offset), h.depth]);
          if (JSON.stringify(outline) !== JSON.stringify(stock)) {
            differing.push(`readme ${index} (seed ${index + 1}): ${JSON.stringify(text.slice(0, 80))}…`);
          }
        }
      }
      expect(differing).toEqual([]);
      expect(headings).toBeGreaterThan(5000);
    },
    60_000,
  );
});
