import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { withSearchedLines } from '../../src/rules/readme/searched-lines-state.js';

/** Lines that start with spaces and tabs, blank ones, and texts that end every way a line can. */
const TEXTS = [
  '',
  '\n',
  '\n\n',
  'a',
  'a\n',
  ' ',
  '\t',
  'a\n  ',
  'a\n \t',
  'a\n  b',
  ' \t x\n\t\t y \n',
  '  \n  \n',
  '\t \ta\n',
  ' \t\n',
  '   \tindented code\n  \t  - list\n\t> quote\n',
  'CR kept\r\nas text\r',
  '# H\n\n    code\n\n- item\n\n  \tmore\n',
];

const FIELDS = [
  'bMarks',
  'eMarks',
  'tShift',
  'sCount',
  'bsCount',
  'lineMax',
  'src',
  'line',
  'level',
] as const;

describe('withSearchedLines', () => {
  const markdown = new MarkdownIt('commonmark');
  const Stock = markdown.block.State;
  const Searched = withSearchedLines(Stock);

  it('makes the same table of lines as markdown-it', () => {
    for (const text of TEXTS) {
      const stock = new Stock(text, markdown, {}, []);
      const searched = new Searched(text, markdown, {}, []);
      for (const field of FIELDS) {
        expect({ text, field, value: searched[field] }).toEqual({ text, field, value: stock[field] });
      }
    }
  });

  it('parses to the same tokens', () => {
    const searchedMarkdown = new MarkdownIt('commonmark');
    searchedMarkdown.block.State = withSearchedLines(searchedMarkdown.block.State);
    for (const text of TEXTS) {
      expect({ text, tokens: searchedMarkdown.parse(text, {}) }).toEqual({
        text,
        tokens: markdown.parse(text, {}),
      });
    }
  });
});
