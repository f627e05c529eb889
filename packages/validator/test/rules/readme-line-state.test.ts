import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { LineState } from '../../src/rules/readme/line-state.js';

/** Texts at the edges of line splitting: empty, blank and indented lines, tabs, a last line with or without LF. */
const TEXTS = [
  '',
  '\n',
  '\n\n',
  ' ',
  '\t',
  'a',
  'a\n',
  'a\nb',
  'a\n   ',
  'a\n \t \n',
  'a\n\t\t',
  '  \t  x\n\t  y\n \t\tz',
  '# Title\n\n    code\n\t\tmore code\n  - item\n   \n',
  '> quote\n>\tquoted tab\n',
];

function tables(state: StateBlock): unknown {
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax, src, blkIndent, line, level, parentType } = state;
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax, src, blkIndent, line, level, parentType };
}

describe('LineState', () => {
  it("builds the same line tables as markdown-it's own block state", () => {
    const md = new MarkdownIt('commonmark');
    for (const text of TEXTS) {
      const stock = tables(new StateBlock(text, md, {}, []));
      expect({ text, tables: tables(new LineState(text, md, {}, [])) }).toEqual({ text, tables: stock });
    }
  });
});
