import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { bodyUpdate, pullRequestBody, UPSTREAM_CHECKLIST } from '../src/pull-request-text.js';
import { gitBlobSha, type LocalFile } from '../src/index.js';

const file = (path: string): LocalFile => ({
  path,
  mode: '100644',
  sha: gitBlobSha(Buffer.from(path)),
  content: Buffer.from(path),
});

describe('pullRequestBody', () => {
  /** A body whose connector folder holds files a contributor named to rewrite it. */
  function bodyWithNames(): string {
    return pullRequestBody({
      connectorTitle: 'Contoso #12 Tasks',
      targetFolder: 'independent-publisher-connectors/Contoso`<b>x</b>',
      validation: {
        path: 'connectors/Contoso',
        name: 'Contoso',
        profile: 'independent-publisher',
        findings: [
          {
            ruleId: 'SWG-INFO-TITLE-LEN',
            severity: 'error',
            message: 'The title is too long, see #34',
            file: 'connectors/Contoso/apiDefinition.swagger.json',
            line: 4,
            column: 5,
            connector: 'connectors/Contoso',
          },
        ],
      },
      changes: {
        upserts: [
          file('apiDefinition.swagger.json'),
          // Ends the code span, then an HTML comment that would hide the rest of the body.
          file('docs/a` <!-- .md'),
          // A line of its own: a ticked attestation, and a mention of a team upstream.
          file(`b\n- [x] ${UPSTREAM_CHECKLIST[0]}\n`),
          file('c\n\n`@microsoft/connectors-team`.md'),
        ],
        deletions: ['old\n<!--'],
      },
    });
  }

  it('keeps names of files and folders inside their code spans, on their lines', () => {
    const body = bodyWithNames();
    const html = new MarkdownIt({ html: true }).render(body);
    // Nothing is hidden in a comment, nothing becomes markup, every section is there.
    expect(html).not.toMatch(/<!--|<b>/);
    expect(html).toContain('<h3>Offline validation (connector-alm)</h3>');
    expect(html).toContain('The title is too long');
    // No checklist item is ticked but by the author, on GitHub; and a rerun ticks none either.
    expect(body.split('\n').filter((line) => /^- \[[xX]\]/.test(line))).toEqual([]);
    expect(bodyUpdate(body, body, { ignoreSource: false })).toBeUndefined();
    // No team is mentioned.
    expect(body).not.toMatch(/(^|[^`])@microsoft\/connectors-team/m);
    expect(body.split('\n').filter((line) => line.startsWith('- ') && line.includes('updated'))).toHaveLength(
      4,
    );
  });

  it("does not link the upstream's issues from a title or a finding", () => {
    const body = bodyWithNames();
    expect(body).not.toMatch(/#12 Tasks|see #34/);
    expect(body).toContain('Contoso #\u200b12 Tasks');
    expect(body).toContain('see #\u200b34');
  });

  it('shows a title with quotes and an issue number as written, its entities whole', () => {
    const body = pullRequestBody({
      connectorTitle: `Contoso's "#1" Tasks`,
      targetFolder: 'independent-publisher-connectors/Contoso',
      validation: {
        path: 'connectors/Contoso',
        name: 'Contoso',
        profile: 'independent-publisher',
        findings: [],
      },
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [] },
    });
    const title = body.split('\n').find((line) => line.startsWith('Connector: '))!;
    expect(new MarkdownIt().renderInline(title)).toContain(
      "<strong>Contoso's &quot;#\u200b1&quot; Tasks</strong>",
    );
  });
});
