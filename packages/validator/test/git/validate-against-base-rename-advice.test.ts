import { describe, expect, it } from '@jest/globals';
import type { Json } from '../diff/diff-fixture.js';
import { validateEdit } from './validate-edit.js';

// The advice of an operationId renamed on the same method and path names ways out. Each, followed as
// written, must leave nothing to fix: no breaking change and no new finding of validation (a maker
// who followed a shorter advice met SWG-OPID-REV-SUFFIX, or BRK-DEPRECATION-PROCESS).

/**
 * GetTask kept, deprecated as the advice words it ("(deprecated)" after its summary and description,
 * a family with revision 1, `annotation` added), and `added` on a path of its own.
 */
function keepDeprecated(swagger: Json, added: Json, annotation: Json = {}): void {
  const item = swagger.paths['/tasks/{taskId}'];
  const copy = structuredClone(item);
  item.get.deprecated = true;
  item.get.summary += ' (deprecated)';
  item.get.description += ' (deprecated)';
  item.get['x-ms-api-annotation'] = { family: 'GetTask', revision: 1, ...annotation };
  Object.assign(copy.get, added);
  swagger.paths['/v2/tasks/{taskId}'] = copy;
}

/** The ways out the advice of renaming GetTask to FetchTask names, read from its words. */
async function adviceWays(): Promise<{ advice: string; versionTwo: string; replacement: Json }> {
  const { findings } = await validateEdit((swagger) => {
    swagger.paths['/tasks/{taskId}'].get.operationId = 'FetchTask';
  });
  const advice = findings[0]!.message;
  const versionTwo = /as '([^']+)' in the same family with revision 2/.exec(advice)?.[1];
  const replacement = /annotation 'replacement', (\{[^}]*\})/.exec(advice)?.[1];
  if (versionTwo === undefined || replacement === undefined)
    throw new Error(`advice not as expected: ${advice}`);
  return { advice, versionTwo, replacement: JSON.parse(replacement) as Json };
}

describe('the advice of a renamed operationId, followed as written', () => {
  it("names the real ids and this connector's API name, not placeholders", async () => {
    const { findings } = await validateEdit((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.operationId = 'FetchTask';
    });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(findings[0]!.message).toContain("It was renamed to 'FetchTask' (same method and path).");
    // The folder certified-connectors/Contoso: the platform names its API 'contoso'.
    expect(findings[0]!.message).toContain(
      `as 'GetTask_V2' in the same family with revision 2, or under its new name, set as the deprecated one's annotation 'replacement', {"api": "contoso", "operationId": "FetchTask"}.`,
    );
    expect(findings[0]!.message).not.toContain('<');
  });

  it('leaves nothing to fix when the new one is the version 2 the advice names, of the family, revision 2', async () => {
    const { versionTwo } = await adviceWays();
    const { findings, changes } = await validateEdit((swagger) =>
      keepDeprecated(swagger, {
        operationId: versionTwo,
        'x-ms-api-annotation': { family: 'GetTask', revision: 2 },
      }),
    );
    expect(findings).toEqual([]);
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect(changes.map((change) => change.ruleId)).toContain('CHG-OP-DEPRECATED');
  });

  // The `api` the advice writes names this connector, so the replacement's operationId is looked up
  // here: a placeholder or another connector's name would pass a misspelt one unseen.
  it('leaves nothing to fix when the new one keeps its name, with the replacement the advice writes, and checks it', async () => {
    const { replacement } = await adviceWays();
    const followed = await validateEdit((swagger) =>
      keepDeprecated(swagger, { operationId: 'FetchTask' }, { replacement }),
    );
    expect(followed.findings).toEqual([]);
    expect(followed.changes.filter((change) => change.breaking)).toEqual([]);
    expect(followed.changes.map((change) => change.ruleId)).toContain('CHG-OP-DEPRECATED');

    const misspelt = await validateEdit((swagger) =>
      keepDeprecated(
        swagger,
        { operationId: 'FetchTask' },
        { replacement: { ...replacement, operationId: 'FetchTsk' } },
      ),
    );
    expect(misspelt.findings.map((finding) => finding.ruleId)).toContain('SWG-ANN-REPL-TARGET');
  });
});
