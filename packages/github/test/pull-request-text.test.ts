import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import {
  AUTHORS_TEXT_LINE,
  bodyUpdate,
  MAX_BODY_LENGTH,
  pullRequestBody,
  UPSTREAM_CHECKLIST,
} from '../src/pull-request-text.js';
import { locatedFinding, type Finding } from '@connector-alm/validator';
import { gitBlobSha, type LocalFile } from '../src/index.js';
import { isAuthorsTitle, recordedTitle } from '../src/title-marker.js';

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
          locatedFinding({
            ruleId: 'SWG-INFO-TITLE-LEN',
            severity: 'error',
            message: 'The title is too long, see #34',
            file: 'connectors/Contoso/apiDefinition.swagger.json',
            line: 4,
            column: 5,
            connector: 'connectors/Contoso',
          }),
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
        additions: [],
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

  it('counts the findings in English, as validate does: 1 error, not 1 errors', () => {
    expect(bodyWithNames()).toContain('Profile `independent-publisher`: 1 error, 0 warnings, 0 notices.');
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
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [], additions: [] },
    });
    const title = body.split('\n').find((line) => line.startsWith('Connector: '))!;
    expect(new MarkdownIt().renderInline(title)).toContain(
      "<strong>Contoso's &quot;#\u200b1&quot; Tasks</strong>",
    );
  });

  it('mentions nobody upstream from a title, a source or a finding', () => {
    // An @-mention in the body would notify that user or team of the upstream on every update.
    const body = pullRequestBody({
      connectorTitle: 'Contoso Tasks by @contoso-dev',
      targetFolder: 'certified-connectors/Contoso Tasks',
      source: 'contoso/connectors@main',
      validation: {
        path: 'connectors/Contoso',
        name: 'Contoso',
        profile: 'certified',
        findings: [
          locatedFinding({
            ruleId: 'SWG-INFO-TITLE-LEN',
            severity: 'warning',
            message: 'Ask @microsoft/connectors-team about it',
            file: 'connectors/Contoso/apiDefinition.swagger.json',
            line: 4,
            column: 5,
            connector: 'connectors/Contoso',
          }),
        ],
      },
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [], additions: [] },
    });
    expect(body).not.toMatch(/@(contoso-dev|main|microsoft)/);
    expect(body).toContain('Contoso Tasks by @\u200bcontoso-dev');
    expect(body).toContain('Ask @\u200bmicrosoft/connectors-team about it');
  });
});

describe('the changes against the upstream in the body', () => {
  const finding = (ruleId: string, message: string) =>
    locatedFinding({
      ruleId,
      severity: 'warning',
      message,
      file: 'connectors/Contoso/apiDefinition.swagger.json',
      line: 12,
      column: 3,
      connector: 'connectors/Contoso',
    });
  const body = (
    breakingChanges: Finding[],
    changeWarnings: Finding[],
    source = 'contoso/connectors@abc1234',
  ) =>
    pullRequestBody({
      connectorTitle: 'Contoso Tasks',
      targetFolder: 'certified-connectors/Contoso Tasks',
      validation: { path: 'connectors/Contoso', name: 'Contoso', profile: 'certified', findings: [] },
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [], additions: [] },
      breakingChanges,
      changeWarnings,
      upstream: 'microsoft/PowerPlatformConnectors@dev',
      source,
    });

  it('has no section for breaking changes or warnings when there are none', () => {
    const plain = body([], []);
    expect(plain).not.toContain('### Breaking changes');
    expect(plain).not.toContain('### Warnings about the change');
  });

  it('names each file inside the connector folder in the tables', () => {
    const withBoth = body(
      [finding('BRK-OP-REMOVED', 'The operation GetTask was removed.')],
      [
        finding('BRK-DEPRECATION-PROCESS', 'Deprecate ListTasks first.'),
        finding('BRK-DEPRECATION-PROCESS', 'Deprecate GetTasks first.'),
      ],
    );
    expect(withBoth).toContain(
      '### Breaking changes against `microsoft/PowerPlatformConnectors@dev`\n\n1 change that can break flows',
    );
    expect(withBoth).toContain(
      '| warning | BRK-OP-REMOVED | apiDefinition.swagger.json:12 | The operation GetTask was removed. |',
    );
    expect(withBoth).toContain('2 changes that break no flow but that reviewers ask to be put right');
  });

  it('is no update of the pull request when only the Source line changed, if told to ignore it', () => {
    const before = body([], [], 'contoso/connectors@abc1234');
    const after = body([], [], 'contoso/connectors@def5678');
    expect(bodyUpdate(after, before, { ignoreSource: true })).toBeUndefined();
    expect(bodyUpdate(after, before, { ignoreSource: false })).toBe(after);
    const reworded = body([finding('BRK-OP-REMOVED', 'The operation GetTask was removed.')], []);
    expect(bodyUpdate(reworded, before, { ignoreSource: true })).toBe(reworded);
  });
});

describe('a body longer than GitHub takes', () => {
  const withIntroduction = (introduction: string) =>
    pullRequestBody({
      connectorTitle: 'Contoso Tasks',
      targetFolder: 'certified-connectors/Contoso Tasks',
      validation: { path: 'x', profile: 'certified', findings: [] } as never,
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [], additions: [] },
      introduction,
      title: 'Contoso Tasks',
    });

  it('is cut to the most GitHub takes, with a note, keeping the title recorded first', () => {
    const body = withIntroduction('x'.repeat(MAX_BODY_LENGTH));
    expect(body).toHaveLength(MAX_BODY_LENGTH);
    expect(body.endsWith(`\n\n… (truncated: GitHub allows 65536 characters)\n\n${AUTHORS_TEXT_LINE}\n`)).toBe(
      true,
    );
    // A rerun must still tell the title connector-alm gave from one the author edited.
    expect(recordedTitle(body)).toBe('Contoso Tasks');
  });

  it('is kept whole at exactly the most GitHub takes', () => {
    const shortest = withIntroduction('x');
    const body = withIntroduction('x'.repeat(MAX_BODY_LENGTH - shortest.length + 1));
    expect(body).toHaveLength(MAX_BODY_LENGTH);
    expect(body).not.toContain('truncated');
    expect(body.endsWith(`notices.\n\n${AUTHORS_TEXT_LINE}\n`)).toBe(true);
  });
});

describe("the author's text after connector-alm's last line", () => {
  const body = (findings: Finding[] = []) =>
    pullRequestBody({
      connectorTitle: 'Contoso Tasks',
      targetFolder: 'independent-publisher-connectors/Contoso Tasks',
      validation: { path: 'x', profile: 'independent-publisher', findings } as never,
      changes: { upserts: [file('apiDefinition.swagger.json')], deletions: [], additions: [] },
      title: 'Contoso Tasks (Independent Publisher)',
    });
  const screenshots =
    '\n## Screenshots\n\n![flow run](https://user-images.githubusercontent.com/1/flow.png)\n';

  it('is kept by a rerun, with the boxes ticked, and a rerun with nothing new changes nothing', () => {
    // A rerun wrote the body anew: the screenshots the upstream asks of independent publishers went.
    const written = body();
    expect(written.endsWith(`\n\n${AUTHORS_TEXT_LINE}\n`)).toBe(true);
    const edited = `${written.replace(`- [ ] ${UPSTREAM_CHECKLIST[0]}`, `- [x] ${UPSTREAM_CHECKLIST[0]}`)}${screenshots}`;
    expect(bodyUpdate(body(), edited, { ignoreSource: true })).toBeUndefined();
    expect(bodyUpdate(body(), edited.replace(/\n/g, '\r\n'), { ignoreSource: true })).toBeUndefined();
    const finding = locatedFinding({
      ruleId: 'SWG-INFO-TITLE-LEN',
      severity: 'warning',
      message: 'The title is long.',
      file: 'x/apiDefinition.swagger.json',
      connector: 'x',
      pointer: '/info/title',
      line: 3,
      column: 5,
    }) as Finding;
    const updated = bodyUpdate(body([finding]), edited, { ignoreSource: true })!;
    expect(updated).toContain('The title is long.');
    expect(updated).toContain(`- [x] ${UPSTREAM_CHECKLIST[0]}`);
    expect(updated.endsWith(`${AUTHORS_TEXT_LINE}\n${screenshots}`)).toBe(true);
  });

  it("is kept whole where it and the body are longer than GitHub takes: connector-alm's part is cut", () => {
    // As long as GitHub let the author make it.
    const long = `\n${'s'.repeat(MAX_BODY_LENGTH - body().length - 2)}\n`;
    expect(`${body()}${long}`).toHaveLength(MAX_BODY_LENGTH);
    const updated = bodyUpdate(body(), `${body()}${long}`, { ignoreSource: false });
    // The same body and text: nothing to write.
    expect(updated).toBeUndefined();
    const findings = Array.from({ length: 40 }, (_, index) =>
      locatedFinding({
        ruleId: 'SWG-INFO-TITLE-LEN',
        severity: 'warning',
        message: `Finding ${index} ${'m'.repeat(40)}`,
        file: 'x/apiDefinition.swagger.json',
        connector: 'x',
        pointer: '/info/title',
        line: index + 1,
        column: 1,
      }),
    );
    const cut = bodyUpdate(body(findings), `${body()}${long}`, { ignoreSource: false })!;
    expect(cut).toHaveLength(MAX_BODY_LENGTH);
    expect(cut.endsWith(`${AUTHORS_TEXT_LINE}\n${long}`)).toBe(true);
    expect(cut).toContain('… (truncated: GitHub allows 65536 characters)');
  });

  it('is none in a body written before the line was: that body is written anew, as before', () => {
    const old = body().replace(`\n\n${AUTHORS_TEXT_LINE}\n`, '') + screenshots;
    expect(bodyUpdate(body(), old, { ignoreSource: false })).toBe(body());
  });
});

describe('the title recorded in the body', () => {
  const body = (title: string) =>
    pullRequestBody({
      connectorTitle: 'Contoso Tasks',
      targetFolder: 'certified-connectors/Contoso Tasks',
      validation: { path: 'x', profile: 'certified', findings: [] } as never,
      changes: { upserts: [], deletions: [], additions: [] },
      title,
    });

  it('is hidden when rendered, and read back whatever the title holds, in a body edited with CRLF', () => {
    const title = 'Tasks --> <b>"quoted"</b> \\ done';
    const recorded = body(title);
    // The comment ends where a browser ends it, after the whole title: nothing of it is shown.
    const shown = new MarkdownIt({ html: true }).render(recorded).replace(/<!--[\s\S]*?-->/g, '');
    expect(shown).not.toContain('quoted');
    expect(shown).toContain('Contoso Tasks');
    expect(recordedTitle(recorded.replace(/\n/g, '\r\n'))).toBe(title);
  });

  it("tells the author's title from the one connector-alm gave", () => {
    expect(isAuthorsTitle('Contoso Tasks', body('Contoso Tasks'), 'Contoso Task Manager')).toBe(false);
    expect(isAuthorsTitle('Contoso Tasks: archive', body('Contoso Tasks'), 'Contoso Tasks')).toBe(true);
    // Without the record (a pull request opened before it) a different title may be the author's.
    expect(isAuthorsTitle('Contoso Tasks: archive', 'Some body', 'Contoso Tasks')).toBe(true);
    expect(isAuthorsTitle('Contoso Tasks', 'Some body', 'Contoso Tasks')).toBe(false);
  });
});
