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

describe('the advice of a renamed operationId, followed as written', () => {
  it("names adding '<old operationId>_V2', and keeping the new name as the deprecated one's replacement", async () => {
    const { findings } = await validateEdit((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.operationId = 'FetchTask';
    });
    expect(findings.map((finding) => finding.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(findings[0]!.message).toContain("It was renamed to 'FetchTask' (same method and path).");
    expect(findings[0]!.message).toContain(
      "as '<old operationId>_V2' in the same family with revision 2, or under its new name, set as the deprecated one's annotation 'replacement'",
    );
  });

  it("leaves nothing to fix when the new one is '<old operationId>_V2' of the family, revision 2", async () => {
    const { findings, changes } = await validateEdit((swagger) =>
      keepDeprecated(swagger, {
        operationId: 'GetTask_V2',
        'x-ms-api-annotation': { family: 'GetTask', revision: 2 },
      }),
    );
    expect(findings).toEqual([]);
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect(changes.map((change) => change.ruleId)).toContain('CHG-OP-DEPRECATED');
  });

  // The advice said "with its 'api' and 'operationId'" and not which api: one that is not this
  // connector's name reads as another connector's, and its operationId goes unchecked.
  it("says which 'api' the replacement names: the connector folder's name, in lower-case letters and digits", async () => {
    const { findings } = await validateEdit((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.operationId = 'FetchTask';
    });
    expect(findings[0]!.message).toContain(
      `annotation 'replacement', {"api": "<connector>", "operationId": "<new operationId>"}, where <connector> is the connector folder's name in lower-case letters and digits`,
    );
  });

  /** The replacement as the advice words it, for the folder certified-connectors/Contoso. */
  const replacement = (operationId: string) => ({ replacement: { api: 'contoso', operationId } });

  it("leaves nothing to fix when the new one keeps its name, as the deprecated one's replacement", async () => {
    const { findings, changes } = await validateEdit((swagger) =>
      keepDeprecated(swagger, { operationId: 'FetchTask' }, replacement('FetchTask')),
    );
    expect(findings).toEqual([]);
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect(changes.map((change) => change.ruleId)).toContain('CHG-OP-DEPRECATED');
  });

  it('checks the replacement the advice words against this swagger: SWG-ANN-REPL-TARGET finds a misspelt one', async () => {
    const { findings } = await validateEdit((swagger) =>
      keepDeprecated(swagger, { operationId: 'FetchTask' }, replacement('FetchTsk')),
    );
    expect(findings.map((finding) => finding.ruleId)).toContain('SWG-ANN-REPL-TARGET');
  });
});
