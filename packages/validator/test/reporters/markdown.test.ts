import { describe, expect, it } from '@jest/globals';
import { inlineProse, proseMarkdown } from '../../src/reporters/markdown.js';

describe('proseMarkdown and inlineProse', () => {
  const text = 'Set `<a|b>` to <your client secret> | *now*';

  it('keep code spans as they are and escape the rest, each its own way', () => {
    // The rule reference's prose: only what would vanish as HTML or split a table cell.
    expect(proseMarkdown(text)).toBe('Set `<a|b>` to &lt;your client secret&gt; \\| *now*');
    // The job summary's one line: as user text is escaped, emphasis too.
    expect(inlineProse(text)).toBe('Set `<a|b>` to &lt;your client secret&gt; \\| \\*now\\*');
  });

  it('keep a code span of several backticks whole', () => {
    expect(proseMarkdown('a ``x`y`` <b>')).toBe('a ``x`y`` &lt;b&gt;');
    expect(inlineProse('a ``x`y`` _b_')).toBe('a ``x`y`` \\_b\\_');
  });
});
