import { describe, expect, it } from '@jest/globals';
import { renderJobSummary } from '../../src/reporters/index.js';
import { escapeMarkdown } from '../../src/reporters/markdown.js';
import type { ConnectorChange } from '../../src/reporters/summary-changes.js';
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
