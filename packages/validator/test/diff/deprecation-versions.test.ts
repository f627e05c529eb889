import { describe, expect, it } from '@jest/globals';
import { diffEdited, diffSwaggers, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';
import type { DiffResult } from '../../src/diff/change.js';

// A deprecation is told by what replaces the operation: CHG-OP-DEPRECATED naming the replacement, or
// saying nothing does; BRK-DEPRECATION-PROCESS, with what is missing and the edit that makes it, when
// a new version is named or announced but not linked (Microsoft's deprecate-operation doc: the
// deprecated operation and its '_V2' in one family, the revision increasing).

const ITEM = '/tasks/{taskId}';
const V2_ITEM = '/v2/tasks/{taskId}';

/** GetTask deprecated with `annotation` (none when undefined), and GetTask_V2 beside it with `v2Annotation`. */
function withV2(annotation: Json | undefined, v2Annotation: Json | undefined, v2Id = 'GetTask_V2') {
  return (swagger: Json): void => {
    const operation = swagger.paths[ITEM].get;
    const copy = structuredClone(operation);
    operation.deprecated = true;
    if (annotation) operation['x-ms-api-annotation'] = annotation;
    copy.operationId = v2Id;
    if (v2Annotation) copy['x-ms-api-annotation'] = v2Annotation;
    swagger.paths[V2_ITEM] = { get: copy };
  };
}

/** The one deprecation change: its rule, its detail and advice as the message ends with them. */
function deprecation(result: DiffResult): { ruleId: string; message: string; pointer: string | undefined } {
  const changes = result.changes.filter((change) => /DEPRECAT/.test(change.ruleId));
  expect(changes).toHaveLength(1);
  const [change] = changes;
  return { ruleId: change!.ruleId, message: change!.message, pointer: change!.pointer };
}

const INCOMPLETE =
  'The operation has been deprecated without completing the versioning process that links it to its new version.';

describe('a deprecated operation beside the one named as its new version', () => {
  it.each([
    ['has no annotation', undefined, "'GetTask_V2', named as its new version, has no x-ms-api-annotation."],
    [
      'keeps the revision',
      { family: 'GetTask', revision: 1 },
      "'GetTask_V2', named as its new version, has revision 1 of the family 'GetTask', not one above 1.",
    ],
    [
      'names another family',
      { family: 'Get_Task', revision: 2 },
      "'GetTask_V2', named as its new version, is in the family 'Get_Task', not in 'GetTask'.",
    ],
    [
      'has an annotation without a family',
      { revision: 2 },
      "'GetTask_V2', named as its new version, has no family in its x-ms-api-annotation.",
    ],
  ])('BRK-DEPRECATION-PROCESS when the new version %s, with the members to write', (_name, v2, detail) => {
    const result = diffEdited(withV2({ family: 'GetTask', revision: 1 }, v2));
    expect(deprecation(result)).toEqual({
      ruleId: 'BRK-DEPRECATION-PROCESS',
      message: `${INCOMPLETE} ${detail} Set "family": "GetTask" and "revision": 2 in the "x-ms-api-annotation" of 'GetTask_V2'.`,
      pointer: `/paths/${ITEM.replace(/\//g, '~1')}/get/deprecated`,
    });
  });

  it('names the missing annotation of the deprecated one, in the family of its operationId', () => {
    // Microsoft's versioning doc puts an operation without annotation at revision 1 of the family of
    // its operationId: a new version at revision 2 of that family is linked to it.
    const onlyV2 = diffEdited(withV2(undefined, { family: 'GetTask', revision: 2 }));
    expect(deprecation(onlyV2)).toMatchObject({
      ruleId: 'CHG-OP-DEPRECATED',
      message:
        "The operation has been deprecated. Its replacement is 'GetTask_V2', revision 2 of its family 'GetTask' (its operationId, as it has none written).",
    });
    // The family of the deprecated one's operationId, as the designer defaults it: a new version of
    // another family is moved into it, as SWG-OPID-SUFFIX-FAMILY asks of it too.
    const otherName = diffEdited(withV2(undefined, { family: 'Tasks', revision: 2 }));
    expect(deprecation(otherName).message).toMatch(
      /Set "family": "GetTask" and "revision": 1 in its "x-ms-api-annotation", and "family": "GetTask" and "revision": 2 in that of 'GetTask_V2'\.$/,
    );
    const neither = diffEdited(withV2({ status: 'Production' }, undefined));
    expect(deprecation(neither).message).toBe(
      `${INCOMPLETE} Its x-ms-api-annotation has no family: nothing links it to 'GetTask_V2', named as its new version. Set "family": "GetTask" and "revision": 1 in its "x-ms-api-annotation", and "family": "GetTask" and "revision": 2 in that of 'GetTask_V2'.`,
    );
  });

  it('CHG-OP-DEPRECATED naming the new version when both are in the family, the new one newer', () => {
    const result = diffEdited(withV2({ family: 'GetTask', revision: 1 }, { family: 'GetTask', revision: 2 }));
    expect(deprecation(result)).toMatchObject({
      ruleId: 'CHG-OP-DEPRECATED',
      message:
        "The operation has been deprecated. Its replacement is 'GetTask_V2', revision 2 of its family 'GetTask'.",
    });
  });

  it('a new version that is deprecated too replaces nothing', () => {
    const result = diffEdited((swagger) => {
      withV2({ family: 'GetTask', revision: 1 }, { family: 'GetTask', revision: 2 })(swagger);
      swagger.paths[V2_ITEM].get.deprecated = true;
    });
    // The family was written in this update: a new version is announced, and none is there.
    expect(deprecation(result).ruleId).toBe('BRK-DEPRECATION-PROCESS');
    expect(deprecation(result).message).toMatch(/no operation that is not deprecated has a newer revision/);
  });
});

describe("a deprecated operation's annotation replacement", () => {
  const replacedBy = (api: string | undefined, operationId: string) => (swagger: Json) => {
    withV2(undefined, undefined, 'FetchTask')(swagger);
    swagger.paths[ITEM].get['x-ms-api-annotation'] = {
      family: 'GetTask',
      revision: 1,
      replacement: { ...(api === undefined ? {} : { api }), operationId },
    };
  };

  it('names an operation of the swagger: CHG-OP-DEPRECATED naming it', () => {
    expect(deprecation(diffEdited(replacedBy('contosotasks', 'FetchTask'))).message).toBe(
      "The operation has been deprecated. Its replacement is 'FetchTask', named by its annotation's replacement.",
    );
  });

  it.each([
    ["the connector's title", 'Contoso Tasks'],
    ['the same name in lower case', 'contoso-tasks'],
    ['no api at all', undefined],
  ])(
    'names no operation while its api is %s: BRK-DEPRECATION-PROCESS with the closest operationId',
    (_name, api) => {
      expect(deprecation(diffEdited(replacedBy(api, 'FetchTasks')))).toMatchObject({
        ruleId: 'BRK-DEPRECATION-PROCESS',
        message: `${INCOMPLETE} Its annotation's replacement names 'FetchTasks', which is no operation of this swagger. Set the replacement's operationId to 'FetchTask'.`,
      });
    },
  );

  it('names the deprecated operation itself: BRK-DEPRECATION-PROCESS, not a replacement', () => {
    expect(deprecation(diffEdited(replacedBy('contosotasks', 'GetTask')))).toMatchObject({
      ruleId: 'BRK-DEPRECATION-PROCESS',
      message: `${INCOMPLETE} Its annotation's replacement names 'GetTask', which is the operation itself. Set the replacement's operationId to the operationId of the operation that replaces it.`,
    });
  });

  it('names an operation of another connector: not looked up, CHG-OP-DEPRECATED naming it', () => {
    expect(deprecation(diffEdited(replacedBy('contosoplanner', 'GetPlannerTask'))).message).toBe(
      "The operation has been deprecated. Its replacement is 'GetPlannerTask' of the connector 'contosoplanner', named by its annotation's replacement.",
    );
  });
});

describe('a deprecated operation that nothing replaces', () => {
  it("is CHG-OP-DEPRECATED, as Microsoft's deprecate-operation doc retires one", () => {
    const result = diffEdited((swagger) => {
      const operation = swagger.paths[ITEM].get;
      operation.deprecated = true;
      operation.summary += ' (deprecated)';
      operation.description += ' (deprecated)';
    });
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'CHG-OP-DEPRECATED',
      'CHG-TEXT-EDITED',
    ]);
    expect(deprecation(result).message).toBe(
      "The operation has been deprecated. Nothing replaces it (no newer revision of a family of it, no 'GetTask_V2', no replacement in its annotation): its description and the readme can tell makers what to use instead.",
    );
  });

  it('is CHG-OP-DEPRECATED when its family was there before the deprecation', () => {
    const start = validSwagger();
    start.paths[ITEM].get['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    const result = diffEdited((swagger) => (swagger.paths[ITEM].get.deprecated = true), start);
    expect(deprecation(result).ruleId).toBe('CHG-OP-DEPRECATED');
  });

  it('is BRK-DEPRECATION-PROCESS when a family is written with it, announcing a new version', () => {
    const result = diffEdited((swagger) => {
      swagger.paths[ITEM].get.deprecated = true;
      swagger.paths[ITEM].get['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    });
    expect(deprecation(result).message).toBe(
      `${INCOMPLETE} Its x-ms-api-annotation puts it in the family 'GetTask' at revision 1, which announces a new version, but no operation that is not deprecated has a newer revision of the family. Add its new version as 'GetTask_V2' on a path of its own, with "family": "GetTask" and "revision": 2 in its "x-ms-api-annotation"; or, if nothing replaces it, leave "family" and "revision" out of its "x-ms-api-annotation": a deprecation without a new version needs only 'deprecated: true' and "(deprecated)" after its summary and description.`,
    );
  });
});

describe('a deprecated operation at revision 0', () => {
  // Clockify (a29414fc) deprecated 'GetAllUsers' at revision 0 beside 'GetAllUsers_v1' at revision 1:
  // the message said "at revision 1", which the file does not, and not why '_v1' is no newer one.
  it('says that 0 counts as revision 1, and names the active operation at that revision', () => {
    const result = diffEdited(
      withV2({ family: 'GetTask', revision: 0 }, { family: 'GetTask', revision: 1 }, 'GetTask_v1'),
    );
    const { ruleId, message } = deprecation(result);
    expect(ruleId).toBe('BRK-DEPRECATION-PROCESS');
    expect(message).toContain(
      "puts it in the family 'GetTask' at revision 0, which counts as revision 1 (an empty revision), which announces a new version, but no operation that is not deprecated has a newer revision of the family ('GetTask_v1' has revision 1 too).",
    );
  });
});

describe('a new version added beside an operation deprecated in the base version', () => {
  const deprecatedBase = (): Json => {
    const start = validSwagger();
    start.paths[ITEM].get.deprecated = true;
    start.paths[ITEM].get['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    return start;
  };
  const addV2 = (annotation: Json | undefined) => (swagger: Json) => {
    const copy = structuredClone(swagger.paths[ITEM].get);
    delete copy.deprecated;
    delete copy['x-ms-api-annotation'];
    copy.operationId = 'GetTask_V2';
    if (annotation) copy['x-ms-api-annotation'] = annotation;
    swagger.paths[V2_ITEM] = { get: copy };
  };

  it('is BRK-DEPRECATION-PROCESS of the deprecated one, on the new one, when unlinked', () => {
    const before = deprecatedBase();
    const result = diffEdited(addV2({ family: 'GetTasks', revision: 2 }), before);
    const [change] = withRule(result, 'BRK-DEPRECATION-PROCESS');
    expect(change).toMatchObject({
      operationId: 'GetTask',
      valuePath: 'operation/GetTask',
      pointer: `/paths/${V2_ITEM.replace(/\//g, '~1')}/get/x-ms-api-annotation`,
      message: `${INCOMPLETE} 'GetTask_V2', named as its new version, is in the family 'GetTasks', not in 'GetTask'. Set "family": "GetTask" and "revision": 2 in the "x-ms-api-annotation" of 'GetTask_V2'.`,
    });
    // Without any annotation, on the new operation's first line.
    const bare = withRule(diffEdited(addV2(undefined), before), 'BRK-DEPRECATION-PROCESS');
    expect(bare.map((found) => found.pointer)).toEqual([`/paths/${V2_ITEM.replace(/\//g, '~1')}/get`]);
  });

  it('adds nothing when linked', () => {
    const after = deprecatedBase();
    addV2({ family: 'GetTask', revision: 2 })(after);
    expect(diffSwaggers(deprecatedBase(), after).changes.map((change) => change.ruleId)).toEqual([
      'CHG-OP-ADDED',
    ]);
  });
});
