import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { validSwagger } from '@connector-alm/validator/testing';
import { commitOnDev, git, runOnPullRequest, workspaceWithConnector } from './helpers/pull-request-repo.js';

interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

/** A list item of the rendered summary: its HTML, and its text as a reader sees it. */
interface Item {
  html: string;
  text: string;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function notesSwagger(): Record<string, any> {
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Notes';
  swagger.host = 'notes.contoso.com';
  return swagger;
}

/** The list items of the HTML, as GitHub shows a job summary (no list nests in it). */
function listItems(html: string): Item[] {
  return [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, inner]) => ({
    html: inner!,
    text: inner!
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  }));
}

/**
 * A pull request into dev that changes two certified connectors (a family Microsoft merges together):
 * Tasks loses an operation and gets a title the rules refuse; Notes moves to another host, loses an
 * output field that three operations return (three breaking changes of one rule, told apart by their
 * ValuePath), deprecates an operation for a new version it does not add and ends a summary with a period.
 */
describe('validate-connector job summary of a pull request with errors, warnings and breaking changes', () => {
  let summary: string;
  let html: string;
  let headSha: string;
  let baseCommit: string;
  let outputs: Record<string, string>;
  let results: SarifResult[];

  beforeAll(async () => {
    const workspace = workspaceWithConnector();
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
    mkdirSync(notes);
    writeJson(path.join(notes, 'apiDefinition.swagger.json'), notesSwagger());
    for (const file of ['apiProperties.json', 'readme.md'])
      copyFileSync(path.join(tasks, file), path.join(notes, file));
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const tasksSwagger = validSwagger();
    delete tasksSwagger.paths['/tasks/{taskId}'];
    tasksSwagger.info.title = 'Contoso Tasks API for everything';
    writeJson(path.join(tasks, 'apiDefinition.swagger.json'), tasksSwagger);
    const edited = notesSwagger();
    edited.host = 'api.notes.contoso.com';
    delete edited.definitions.Task.properties.status;
    // A family for a new version that is not there: the versioning process half done.
    edited.paths['/tasks'].get.deprecated = true;
    edited.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
    edited.paths['/tasks'].post.summary = 'Create a task.';
    writeJson(path.join(notes, 'apiDefinition.swagger.json'), edited);
    git(workspace, 'commit', '-qam', 'change Tasks and Notes');
    headSha = git(workspace, 'rev-parse', 'HEAD');

    baseCommit = baseSha;
    const run = await runOnPullRequest(workspace, baseSha);
    expect(run.stderr).toBe('');
    summary = run.summary;
    html = new MarkdownIt().render(summary);
    outputs = run.outputs;
    results = JSON.parse(readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8')).runs[0].results;
  });

  it('lists every finding once: a breaking change with its change, with its rule, severity and line', () => {
    const items = listItems(html);
    const advices = items
      .filter((item) => item.text.startsWith('💡'))
      .map((item) => item.text.slice(item.text.indexOf(': ') + 2));
    // The three deleted output fields share their advice, said once.
    expect(items.filter((item) => item.text.startsWith('💡'))).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(
          /^💡 For the 3 BRK-OUTPUT-DELETED changes below: Keep the field in the schema/,
        ),
      }),
    ]);
    const breaking = results.filter((result) => result.ruleId.startsWith('BRK-'));
    expect(breaking.map((result) => result.ruleId).sort()).toEqual([
      'BRK-DEPRECATION-PROCESS',
      'BRK-HOST-BASEPATH',
      'BRK-OP-DELETED',
      'BRK-OUTPUT-DELETED',
      'BRK-OUTPUT-DELETED',
      'BRK-OUTPUT-DELETED',
    ]);
    for (const result of results) {
      // A finding's message; a breaking change's ends with where it was in the base version, which
      // its change's line says in its own words.
      const message = result.message.text.replace(/ \(In the base version: [^()]*\.\)$/, '');
      // A change of a group of one rule has its advice said once, before the group (💡).
      const advice = advices.find((text) => message.includes(` ${text}`));
      const said = advice === undefined ? message : message.replace(` ${advice}`, '');
      const holding = items.filter((item) => item.text.includes(said));
      expect({ message, times: holding.length }).toEqual({ message, times: 1 });
      if (!result.ruleId.startsWith('BRK-')) continue;
      const [item] = holding;
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(item!.html).toContain(`#${result.ruleId.toLowerCase()}"><code>${result.ruleId}</code></a>`);
      expect(item!.text).toContain(
        `(${result.level} ${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:`,
      );
      expect(item!.html).toContain(
        `href="https://github.com/contoso/connectors/blob/${headSha}/${artifactLocation.uri}#L${region.startLine}"`,
      );
    }
    // The findings by rule are the others, and say where the rest are.
    const byRule = html.slice(html.indexOf('<h3>Findings by rule</h3>'));
    expect(byRule).not.toMatch(/<h4>.*BRK-/);
    expect(byRule).toContain(
      '<p>The findings of the breaking-change check (BRK-*) are not repeated here: each is listed above, with its change.</p>',
    );
  });

  it('links where a change was in the base version to that line at the merge base', () => {
    const inBase = [...html.matchAll(/in the base version <a href="([^"]+)">([^<]+)<\/a>/g)];
    expect(inBase.length).toBeGreaterThan(0);
    for (const [, url, place] of inBase) {
      const [, file, line] = /^[0-9a-f]{12}:(.+):(\d+)$/.exec(place!)!;
      expect(url).toBe(
        `https://github.com/contoso/connectors/blob/${baseCommit}/${file!.split('/').map(encodeURIComponent).join('/')}#L${line}`,
      );
    }
  });

  it('still counts the breaking changes in the headline and the table', () => {
    expect(outputs).toMatchObject({ errors: '6', warnings: '6', notices: '2', 'breaking-changes': '5' });
    expect(results).toHaveLength(14);
    expect(summary).toContain(
      '❌ 2 connectors checked: 6 errors, 6 warnings, 2 info; 14 new and 0 fixed since the base.',
    );
    expect(summary).toContain('| certified-connectors/Contoso Notes | certified | 3 | 5 | 0 | 8 | ⚠️ |');
    expect(summary).toContain('| certified-connectors/Contoso Tasks | certified | 3 | 1 | 2 | 6 | ❌ |');
    expect(summary).toContain(
      '**certified-connectors/Contoso Notes**: breaking (4 breaking, 1 warning, 1 non-breaking)',
    );
    expect(summary).toContain(
      '**certified-connectors/Contoso Tasks**: breaking (1 breaking, 1 non-breaking)',
    );
  });

  it("lists Notes' warning that breaks nothing after its breaking changes, marked as a warning", () => {
    const notes = summary.split('**certified-connectors/Contoso Notes**')[1]!.split('\n\n')[1]!;
    const kinds = notes
      .split('\n')
      .filter((line) => !line.startsWith('- 💡'))
      .map((line) => /^- (\S+ \S+) \[`([A-Z-]+)`\]/.exec(line)!.slice(1).join(' '));
    // The breaking changes in report order: the head's places (the host), then the base's (the
    // deleted field), whatever the merge base's hash that names the base's files.
    expect(kinds).toEqual([
      '💥 **breaking** BRK-HOST-BASEPATH',
      '💥 **breaking** BRK-OUTPUT-DELETED',
      '💥 **breaking** BRK-OUTPUT-DELETED',
      '💥 **breaking** BRK-OUTPUT-DELETED',
      '⚠️ **warning** BRK-DEPRECATION-PROCESS',
      '➕ non-breaking CHG-TEXT-EDITED',
    ]);
  });

  it('links a change that is no finding to its line at the head', () => {
    // The edited title's line, below '"info": {'.
    const edited = listItems(html).find((item) => item.text.includes('Edited: info.title.'));
    expect(edited?.html).toContain(
      `(<a href="https://github.com/contoso/connectors/blob/${headSha}/certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json#L4">certified-connectors/Contoso Tasks/apiDefinition.swagger.json:4</a>)`,
    );
  });
});
