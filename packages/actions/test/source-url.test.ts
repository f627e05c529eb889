import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { baseSourceUrlFor, headSourceUrlFor, sourceUrlFor } from '../src/validate-connector/source-url.js';

const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'contoso/connectors' };

describe('sourceUrlFor', () => {
  it('addresses a file at a line of the commit', () => {
    const url = sourceUrlFor('/ws', 'abc123', env)!;
    expect(url('certified-connectors/Contoso Tasks/readme.md', 4)).toBe(
      'https://github.com/contoso/connectors/blob/abc123/certified-connectors/Contoso%20Tasks/readme.md#L4',
    );
    expect(url('../elsewhere/readme.md', 1)).toBeUndefined();
  });

  // A finding on a connector folder linked to blob/<sha>/<folder>#L1: a folder has no line 1.
  it('addresses a folder, given no line, as a tree without a line anchor', () => {
    const url = sourceUrlFor('/ws', 'abc123', env)!;
    expect(url('certified-connectors/Contoso Tasks')).toBe(
      'https://github.com/contoso/connectors/tree/abc123/certified-connectors/Contoso%20Tasks',
    );
    expect(url('..')).toBeUndefined();
  });

  // A name that only begins with '..' stays inside the workspace: it was taken for a path that leads out.
  it("addresses a file or folder whose name begins with '..', inside the workspace", () => {
    const url = sourceUrlFor('/ws', 'abc123', env)!;
    expect(url('..Contoso Tasks/apiDefinition.swagger.json', 7)).toBe(
      'https://github.com/contoso/connectors/blob/abc123/..Contoso%20Tasks/apiDefinition.swagger.json#L7',
    );
    expect(url('...')).toBe('https://github.com/contoso/connectors/tree/abc123/...');
    expect(url('../..Contoso Tasks', 1)).toBeUndefined();
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

describe('headSourceUrlFor', () => {
  it("links a merge commit's line to its line at the head, and one the head does not have to the merge commit", () => {
    const url = headSourceUrlFor(
      '/ws',
      // The base branch inserted five lines at the top of the swagger, and changed line 3.
      {
        checked: 'merge1',
        head: 'head1',
        lineAtHead: (file, line) => (!file.endsWith('.json') ? line : line === 3 ? undefined : line - 5),
      },
      env,
    )!;
    const file = 'certified-connectors/Airmeet/apiDefinition.swagger.json';
    expect(url(file, 872)).toBe(
      `https://github.com/contoso/connectors/blob/head1/certified-connectors/Airmeet/apiDefinition.swagger.json#L867`,
    );
    expect(url(file, 3)).toBe(
      `https://github.com/contoso/connectors/blob/merge1/certified-connectors/Airmeet/apiDefinition.swagger.json#L3`,
    );
    expect(url('certified-connectors/Airmeet/readme.md', 3)).toBe(
      'https://github.com/contoso/connectors/blob/head1/certified-connectors/Airmeet/readme.md#L3',
    );
    // A folder has no line to follow: it is linked at the head, where the reviewer reads it.
    expect(url('certified-connectors/Airmeet')).toBe(
      'https://github.com/contoso/connectors/tree/head1/certified-connectors/Airmeet',
    );
    expect(
      headSourceUrlFor('/ws', { checked: 'a', head: 'b', lineAtHead: (_, line) => line }, {}),
    ).toBeUndefined();
  });
});

describe('baseSourceUrlFor', () => {
  const mergeBase = '0123456789abcdef0123456789abcdef01234567';

  it("addresses a base version's file, named <commit>:<path> by the diff, at a line of the merge base", () => {
    const url = baseSourceUrlFor(mergeBase, env)!;
    expect(url('0123456789ab:certified-connectors/Contoso Tasks/apiDefinition.swagger.json', 40)).toBe(
      `https://github.com/contoso/connectors/blob/${mergeBase}/certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json#L40`,
    );
  });

  it('gives no link to a file of another commit, or one not named after a commit', () => {
    const url = baseSourceUrlFor(mergeBase, env)!;
    expect(url('fedcba987654:certified-connectors/Contoso/apiDefinition.swagger.json', 1)).toBeUndefined();
    expect(url('certified-connectors/Contoso/apiDefinition.swagger.json', 1)).toBeUndefined();
    expect(url(':certified-connectors/Contoso/apiDefinition.swagger.json', 1)).toBeUndefined();
    expect(baseSourceUrlFor(undefined, env)).toBeUndefined();
    expect(baseSourceUrlFor(mergeBase, {})).toBeUndefined();
  });
});
