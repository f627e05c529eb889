import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { locatedFinding, type Finding } from '../../src/model/finding.js';
import { buildJobSummary, renderJobSummary } from '../../src/reporters/index.js';
import { escapeMarkdown } from '../../src/reporters/markdown.js';
import { runRules, type FixtureFiles } from '../helpers/fixture.js';
import { tasksResult } from '../helpers/one-connector-result.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

const CONNECTOR = 'certified-connectors/Tasks';
const SWAGGER = `${CONNECTOR}/apiDefinition.swagger.json`;

function finding(
  line: number,
  fields: Partial<Omit<Finding, 'message'>> & { message?: string } = {},
): Finding {
  return locatedFinding({
    ruleId: 'SWG-TEXT-EMPTY',
    severity: 'warning',
    message: "The 'description' value is empty.",
    file: SWAGGER,
    line,
    column: 9,
    connector: CONNECTOR,
    ...fields,
  });
}

/** The bullets of the summary's findings by rule. */
function bullets(findings: Finding[], options = {}): string[] {
  return renderJobSummary(tasksResult(findings), options)
    .split('\n')
    .filter((line) => line.startsWith('- '));
}

describe('the job summary of findings that say the same in one file', () => {
  it('lists them once, where the first stands, with each place linked to its line', async () => {
    // Three properties of the Task definition with empty descriptions, as validation reports them.
    const swagger = validSwagger();
    for (const property of ['title', 'dueDate', 'done'])
      swagger.definitions.Task.properties[property] = { type: 'string', description: '' };
    const files: FixtureFiles = { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger };
    const empty = await runRules(files, ['SWG-TEXT-EMPTY']);
    expect(empty).toHaveLength(3);
    const folder = path.dirname(empty[0]!.file);
    const sourceUrl = (file: string, line?: number) =>
      `https://github.test/blob/head/${path.relative(folder, file)}#L${line}`;

    const lines = renderJobSummary(
      {
        connectors: [{ path: folder, name: 'Contoso', profile: 'certified', findings: empty }],
        findings: empty,
        counts: { error: 0, warning: 3, info: 0 },
      },
      { sourceUrl },
    )
      .split('\n')
      .filter((line) => line.startsWith('- '));

    const places = empty.map((each) => `[${each.line}:${each.column}](${sourceUrl(each.file, each.line)})`);
    expect(lines).toEqual([
      `- warning ${escapeMarkdown(empty[0]!.file)}, 3 places: ${escapeMarkdown(empty[0]!.message)} (lines ${places.join(', ')})`,
    ]);
  });

  it('keeps apart other messages, files, severities and findings the base had, each where it stands', () => {
    const lines = bullets([
      finding(10),
      finding(20, { message: "The 'title' value is empty." }),
      finding(30),
      finding(40, { file: `${CONNECTOR}/apiProperties.json` }),
      finding(50, { severity: 'info' }),
      finding(60, { baseline: 'existing' }),
      finding(70, { baseline: 'existing' }),
    ]);
    expect(lines).toEqual([
      `- warning ${escapeMarkdown(SWAGGER)}, 2 places: The &#39;description&#39; value is empty. (lines 10:9, 30:9)`,
      `- warning ${escapeMarkdown(SWAGGER)}:20:9: The &#39;title&#39; value is empty.`,
      `- warning ${escapeMarkdown(`${CONNECTOR}/apiProperties.json`)}:40:9: The &#39;description&#39; value is empty.`,
      `- info ${escapeMarkdown(SWAGGER)}:50:9: The &#39;description&#39; value is empty.`,
      `- warning ${escapeMarkdown(SWAGGER)}, 2 places: The &#39;description&#39; value is empty. _(existing)_ (lines 60:9, 70:9)`,
    ]);
  });

  it('never folds findings on the folder, which have no line', () => {
    const onFolder = (message: string) =>
      finding(1, { ruleId: 'REPO-EXTRA-FILES', file: CONNECTOR, message, line: 1, column: 1 });
    const lines = bullets([onFolder('Same.'), onFolder('Same.')]);
    expect(lines).toEqual([
      `- warning ${escapeMarkdown(CONNECTOR)}: Same.`,
      `- warning ${escapeMarkdown(CONNECTOR)}: Same.`,
    ]);
  });

  it('counts the findings left out by the size limit after a bullet that lists later ones', () => {
    // A distinct finding between each two alike: the bullet of the 60 alike stands where the first is,
    // and the limit leaves out the distinct ones after it.
    const findings = Array.from({ length: 60 }, (_, index) => [
      finding(2 * index + 1),
      finding(2 * index + 2, { message: `The 'description' value of field ${index} is empty.` }),
    ]).flat();
    const summary = buildJobSummary(tasksResult(findings), { maxBytes: 6000 });
    const lines = summary.markdown.split('\n').filter((line) => line.startsWith('- warning'));
    expect(lines[0]).toContain(', 60 places: ');
    const distinct = lines.length - 1;
    expect(distinct).toBeGreaterThan(0);
    expect(distinct).toBeLessThan(60);
    expect(summary.omitted.findings).toBe(60 - distinct);
  });
});
