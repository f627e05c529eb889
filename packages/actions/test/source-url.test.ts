import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { sourceUrlFor } from '../src/validate-connector/source-url.js';

const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'contoso/connectors' };

describe('sourceUrlFor', () => {
  it('addresses a file at a line of the commit', () => {
    const url = sourceUrlFor('/ws', 'abc123', env)!;
    expect(url('certified-connectors/Contoso Tasks/readme.md', 4)).toBe(
      'https://github.com/contoso/connectors/blob/abc123/certified-connectors/Contoso%20Tasks/readme.md#L4',
    );
    expect(url('../elsewhere/readme.md', 1)).toBeUndefined();
  });

  it('gives a link the job summary cannot end early, whatever parentheses a file name has', () => {
    const url = sourceUrlFor('/ws', 'abc123', env)!(
      'certified-connectors/Contoso/notes :-) **not bold** (x.md',
      2,
    )!;
    expect(url).not.toMatch(/[()]/);
    const html = new MarkdownIt().renderInline(`[notes](${url})`);
    expect(html).toBe(`<a href="${url}">notes</a>`);
  });
});
