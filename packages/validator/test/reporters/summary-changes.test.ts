import { describe, expect, it } from '@jest/globals';
import { buildJobSummary, renderJobSummary } from '../../src/reporters/index.js';
import { escapeMarkdown } from '../../src/reporters/markdown.js';
import type { ConnectorChange, ConnectorChanges } from '../../src/reporters/summary-changes.js';
import { diffEdited } from '../diff/diff-fixture.js';
import { tasksResult } from '../helpers/one-connector-result.js';

const DOCS = 'https://x.test/rules.md';
const OP_DELETED_ADVICE =
  "Deprecate it instead: keep it, with 'deprecated: true' and \"(deprecated)\" after its summary and description; when a new version replaces it, put both in one 'x-ms-api-annotation' family, the new one ('<operationId>_V2') at a higher revision.";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The lines of the summary's list of changes. */
function changeLines(changes: readonly ConnectorChange[], options = {}): string[] {
  const summary = renderJobSummary(tasksResult([]), {
    rulesDocUrl: DOCS,
    changes: [{ connector: 'certified-connectors/Tasks', classification: 'breaking', changes }],
    ...options,
  });
  return summary.split('\n').filter((line) => line.startsWith('- '));
}

describe('the job summary of the changes against the base branch', () => {
  it("says a rule's advice once for its changes, not once per change", () => {
    // Two operations deleted and one renamed, as the diff reports them: the rename's advice is another,
    // said in its message, the rename being alone of its case.
    const { changes } = diffEdited((swagger) => {
      swagger.paths['/tasks'].get.operationId = 'ListAllTasks';
      delete swagger.paths['/tasks'].post;
      delete swagger.paths['/tasks/{taskId}'];
    });
    const deleted = changes.filter((change) => change.message.endsWith(OP_DELETED_ADVICE));
    expect(deleted.map((change) => change.operationId)).toEqual(['CreateTask', 'GetTask']);

    const lines = changeLines(changes);

    const rule = `[\`BRK-OP-DELETED\`](${DOCS}#brk-op-deleted)`;
    const said = (operationId: string) =>
      `- 💥 **breaking** ${rule} \`${operationId}\`: The operation has been deleted. This change breaks existing flows. ValuePath: \`operation/${operationId}\` (old.swagger.json:`;
    expect(lines).toEqual([
      expect.stringMatching(
        /^- 💥 \*\*breaking\*\* .* `ListTasks`: .* It was renamed to &#39;ListAllTasks&#39; \(same method and path\)\. Keep the old operationId\. Or keep the operation under it, deprecated /,
      ),
      `- 💡 For the 2 ${rule} changes below: ${escapeMarkdown(OP_DELETED_ADVICE)}`,
      expect.stringMatching(new RegExp(`^${escapeRegExp(said('CreateTask'))}\\d+\\)$`)),
      expect.stringMatching(new RegExp(`^${escapeRegExp(said('GetTask'))}\\d+\\)$`)),
    ]);
  });

  it('keeps the advice of each renamed operation in its message: each names its own operationIds', () => {
    const { changes } = diffEdited((swagger) => {
      swagger.paths['/tasks'].get.operationId = 'ListAllTasks';
      swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskById';
    });
    const lines = changeLines(changes);
    const rule = `[\`BRK-OP-DELETED\`](${DOCS}#brk-op-deleted)`;
    const renamed = (was: string, is: string) =>
      `- 💥 **breaking** ${rule} \`${was}\`: The operation has been deleted. This change breaks existing flows. It was renamed to ${escapeMarkdown(`'${is}'`)} (same method and path). ${escapeMarkdown(`Keep the old operationId.`)}`;
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${escapeRegExp(renamed('ListTasks', 'ListAllTasks'))}.*ListTasks\\\\_V2`),
      ),
      expect.stringMatching(
        new RegExp(`^${escapeRegExp(renamed('GetTask', 'GetTaskById'))}.*GetTask\\\\_V2`),
      ),
    ]);
  });

  it('keeps the advice in the message of a change that is alone of its rule', () => {
    const { changes } = diffEdited((swagger) => delete swagger.paths['/tasks'].post);
    const deletions = changes.filter((change) => change.ruleId === 'BRK-OP-DELETED');
    expect(deletions).toHaveLength(1);
    const lines = changeLines(deletions);
    expect(lines).toEqual([
      expect.stringContaining(
        `has been deleted. This change breaks existing flows. ${escapeMarkdown(OP_DELETED_ADVICE)}`,
      ),
    ]);
  });

  it('says each advice of one rule once, for the changes of its case', () => {
    // A deleted path parameter is told another advice (CASE_RULES) than another deleted parameter.
    const parameterDeleted = (name: string, advice: string): ConnectorChange => ({
      ruleId: 'BRK-PARAM-DELETED',
      breaking: true,
      message: `The input has been deleted. Existing flows will continue to send it. ${advice}`,
      operationId: name,
      advice,
    });
    const keep =
      "Keep it, even if the API now ignores it; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.";
    const newVersion =
      "Add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.";
    const lines = changeLines([
      parameterDeleted('a', keep),
      parameterDeleted('b', newVersion),
      parameterDeleted('c', keep),
      parameterDeleted('d', newVersion),
    ]);
    expect(lines.map((line) => line.replace(/\[`BRK-PARAM-DELETED`\]\([^)]*\)/, 'RULE'))).toEqual([
      `- 💡 For the 2 RULE changes below: ${escapeMarkdown(keep)}`,
      '- 💥 **breaking** RULE `a`: The input has been deleted. Existing flows will continue to send it.',
      '- 💥 **breaking** RULE `c`: The input has been deleted. Existing flows will continue to send it.',
      `- 💡 For the 2 RULE changes below: ${escapeMarkdown(newVersion)}`,
      '- 💥 **breaking** RULE `b`: The input has been deleted. Existing flows will continue to send it.',
      '- 💥 **breaking** RULE `d`: The input has been deleted. Existing flows will continue to send it.',
    ]);
  });

  it('links the base version place of a deleted part to its line at the base commit', () => {
    const file = 'certified-connectors/Tasks/apiDefinition.swagger.json';
    const lines = changeLines(
      [
        {
          ruleId: 'BRK-OUTPUT-DELETED',
          breaking: true,
          message: 'The output field has been deleted.',
          file: `0123456789ab:${file}`,
          line: 40,
          side: 'old',
        },
        {
          ruleId: 'CHG-OP-ADDED',
          breaking: false,
          message: 'The operation has been added.',
          file,
          line: 12,
          side: 'new',
        },
      ],
      {
        sourceUrl: (at: string, line: number) => `https://github.test/blob/head/${at}#L${line}`,
        baseSourceUrl: (at: string, line: number) => `https://github.test/blob/base/${at}#L${line}`,
      },
    );
    expect(lines).toEqual([
      `- 💥 **breaking** [\`BRK-OUTPUT-DELETED\`](${DOCS}#brk-output-deleted): The output field has been deleted. ([0123456789ab:${file}:40](https://github.test/blob/base/0123456789ab:${file}#L40))`,
      `- ➕ non-breaking [\`CHG-OP-ADDED\`](${DOCS}#chg-op-added): The operation has been added. ([${file}:12](https://github.test/blob/head/${file}#L12))`,
    ]);
  });

  // A warning that breaks nothing (a versioning process half done) was the 20th bullet, after the new
  // operations, marked "➕ non-breaking" under a BRK- id, though the headline counted it a warning.
  it('lists the warnings that break nothing after the breaking changes and before the rest, marked as warnings', () => {
    const { changes } = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.description = 'Gets one task, by its id.';
      // A family for a new version that is not there: deprecated, and the versioning process half done.
      swagger.paths['/tasks'].get.deprecated = true;
      swagger.paths['/tasks'].get['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
      delete swagger.paths['/tasks'].post;
    });
    const summary = renderJobSummary(tasksResult([]), {
      rulesDocUrl: DOCS,
      changes: [{ connector: 'certified-connectors/Tasks', classification: 'breaking', changes }],
    });
    const kinds = summary
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => /^- (\S+ \S+) \[`([A-Z-]+)`\]/.exec(line)!.slice(1).join(' '));
    expect(kinds).toEqual([
      '💥 **breaking** BRK-OP-DELETED',
      '⚠️ **warning** BRK-DEPRECATION-PROCESS',
      '➕ non-breaking CHG-TEXT-EDITED',
    ]);
    expect(summary).toContain(
      '**certified-connectors/Tasks**: breaking (1 breaking, 1 warning, 1 non-breaking)',
    );
  });
});

describe('the job summary of a change made alike in several operations', () => {
  const file = 'certified-connectors/Tasks/apiDefinition.swagger.json';
  const sourceUrl = (at: string, line: number) => `https://github.test/blob/head/${at}#L${line}`;
  const otherChange = (operationId: string, line: number, valuePath = `operation/${operationId}/responses`) =>
    ({
      ruleId: 'CHG-OTHER',
      breaking: false,
      severity: 'info',
      message: 'Other properties have been changed. Changed: responses 500 (added).',
      operationId,
      valuePath,
      file,
      line,
      side: 'new',
    }) satisfies ConnectorChange;

  it('lists it once, where the first stands, with each operation linked to its line', () => {
    // A 500 response added to every operation, as HiveCPQ's 144 did.
    const { changes } = diffEdited((swagger) => {
      for (const path of Object.values<Record<string, any>>(swagger.paths))
        for (const operation of Object.values<Record<string, any>>(path))
          if (operation.responses) operation.responses['500'] = { description: 'Server error' };
    });
    const added = changes.filter((change) => change.message.endsWith('Changed: responses 500 (added).'));
    expect(added.length).toBeGreaterThan(2);

    const lines = changeLines(changes);

    const operations = added.map(
      (change) => `\`${escapeMarkdown(change.operationId!)}\` line ${change.line}`,
    );
    expect(lines).toEqual([
      `- ➕ non-breaking [\`CHG-OTHER\`](${DOCS}#chg-other) in ${added.length} operations: Other properties have been changed. Changed: responses 500 (added). ValuePath: \`operation/{operationId}/responses\` (new.swagger.json: ${operations.join(', ')})`,
    ]);
  });

  it('links each operation of the bullet to its line at the commit under review', () => {
    const lines = changeLines([otherChange('ListTasks', 30), otherChange('GetTask', 80)], { sourceUrl });
    expect(lines).toEqual([
      `- ➕ non-breaking [\`CHG-OTHER\`](${DOCS}#chg-other) in 2 operations: Other properties have been changed. Changed: responses 500 (added). ValuePath: \`operation/{operationId}/responses\` (${file}: \`ListTasks\` [line 30](${sourceUrl(file, 30)}), \`GetTask\` [line 80](${sourceUrl(file, 80)}))`,
    ]);
  });

  it('keeps apart the changes of other places in their operations, and lists each where it stands', () => {
    const lines = changeLines([
      otherChange('ListTasks', 30),
      otherChange('CreateTask', 50, 'operation/CreateTask/responses/200/schema'),
      otherChange('GetTask', 80),
    ]);
    expect(lines.map((line) => line.replace(/^.*?\]\([^)]*\)/, ''))).toEqual([
      ` in 2 operations: Other properties have been changed. Changed: responses 500 (added). ValuePath: \`operation/{operationId}/responses\` (${file}: \`ListTasks\` line 30, \`GetTask\` line 80)`,
      ` \`CreateTask\`: Other properties have been changed. Changed: responses 500 (added). ValuePath: \`operation/CreateTask/responses/200/schema\` (${file}:50)`,
    ]);
  });

  it('never folds breaking changes: the reviewer decides on each, on its own line', () => {
    const { changes } = diffEdited((swagger) => {
      delete swagger.paths['/tasks'].post;
      delete swagger.paths['/tasks/{taskId}'];
    });
    const deleted = changes.filter((change) => change.ruleId === 'BRK-OP-DELETED');
    expect(deleted).toHaveLength(2);
    const lines = changeLines(deleted);
    expect(lines.filter((line) => line.startsWith('- 💥'))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(' operations:');
  });

  it('counts the changes left out by the size limit after a bullet that lists later ones', () => {
    // Each single change between the 40 alike: the bullet of the 40 stands where the first is, and
    // the singles after it are the ones the limit leaves out.
    const changes = Array.from({ length: 40 }, (_, index) => [
      otherChange(`Operation${index}`, 2 * index + 1),
      { ...otherChange(`Single${index}`, 2 * index + 2), message: `Edited ${index}.` },
    ]).flat();
    const summary = buildJobSummary(tasksResult([]), {
      maxBytes: 6000,
      changes: [{ connector: 'certified-connectors/Tasks', classification: 'major update', changes }],
    });
    const bullets = summary.markdown.split('\n').filter((line) => line.startsWith('- ➕'));
    expect(bullets[0]).toContain(' in 40 operations:');
    const singles = bullets.length - 1;
    expect(singles).toBeGreaterThan(0);
    expect(singles).toBeLessThan(40);
    expect(summary.omitted.changes).toBe(40 - singles);
  });
});

describe('the job summary of connectors that the comparison finds unchanged', () => {
  const opAdded: ConnectorChange = {
    ruleId: 'CHG-OP-ADDED',
    breaking: false,
    message: 'A new operation has been added.',
    operationId: 'ListTasks',
  };
  const sections = (changes: ConnectorChanges[]) =>
    renderJobSummary(tasksResult([]), { rulesDocUrl: DOCS, changes })
      .split('### Changes against the base branch')[1]!
      .trim()
      .split('\n')
      .filter((line) => line !== '');

  it('names them in one line after the connectors that changed', () => {
    // A pull request that re-saved two connectors with other line endings and added an operation to a third.
    const lines = sections([
      { connector: 'certified-connectors/Alpha', classification: 'no change', changes: [] },
      { connector: 'certified-connectors/Tasks', classification: 'major update', changes: [opAdded] },
      { connector: 'certified-connectors/Beta', classification: 'no change', changes: [] },
    ]);
    expect(lines).toEqual([
      '**certified-connectors/Tasks**: major update (0 breaking, 1 non-breaking)',
      expect.stringContaining('`ListTasks`: A new operation has been added.'),
      'No change in the swagger, apiProperties.json, readme, script or icon of 2 other connectors (formatting and line endings aside): certified-connectors/Alpha, certified-connectors/Beta.',
    ]);
  });

  it('says that none changed when no connector did, and lists a renamed one that did not', () => {
    expect(
      sections([{ connector: 'certified-connectors/Alpha', classification: 'no change', changes: [] }]),
    ).toEqual([
      "No checked connector's swagger, apiProperties.json, readme, script or icon differs from the base.",
    ]);
    const renamed = sections([
      {
        connector: 'certified-connectors/Alpha',
        renamedFrom: 'certified-connectors/Alfa',
        classification: 'no change',
        changes: [],
      },
    ]);
    expect(renamed).toEqual([
      '**certified-connectors/Alpha** (renamed from certified-connectors/Alfa): no change',
    ]);
  });
});
