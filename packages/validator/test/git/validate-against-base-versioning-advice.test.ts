import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/model/finding.js';
import type { Json } from '../diff/diff-fixture.js';
import { validateEdit } from './validate-edit.js';

// A connector shipping a version 2 of an operation, with the mistakes a version bump makes. Each
// message about the versioning names the edit to make; made literally as the message words it (the
// advice is read out of the message, not restated here), nothing about it is left: no new finding,
// and the deprecation is a CHG-OP-DEPRECATED.

const V1 = '/tasks/{taskId}';
const V2 = '/v2/tasks/{taskId}';

/** The operation of the swagger with that operationId. */
function operation(swagger: Json, operationId: string): Json {
  for (const item of Object.values(swagger.paths) as Json[]) {
    for (const candidate of Object.values(item) as Json[]) {
      if (candidate?.operationId === operationId) return candidate;
    }
  }
  throw new Error(`no operation ${operationId}`);
}

function setMembers(target: Json, family: string, revision: string): void {
  target['x-ms-api-annotation'] = { ...target['x-ms-api-annotation'], family, revision: Number(revision) };
}

/**
 * Makes the edit a versioning message asks, as it words it, on the operation it is about (`about`:
 * the deprecated one, or the one a validation message names). Throws on a message it cannot read, so
 * that a new wording is followed here too.
 */
function follow(swagger: Json, message: string, about: string): void {
  let match: RegExpExecArray | null;
  const own = /[Ss]et "family": "([^"]+)" and "revision": (\d+) in its "x-ms-api-annotation"/.exec(message);
  if (own) setMembers(operation(swagger, about), own[1]!, own[2]!);
  const other =
    /"family": "([^"]+)" and "revision": (\d+) in (?:that of|the "x-ms-api-annotation" of) '([^']+)'/.exec(
      message,
    );
  if (other) setMembers(operation(swagger, other[3]!), other[1]!, other[2]!);
  if ((match = /[Ss]et (?:the replacement's|its) operationId to '([^']+)'/.exec(message))) {
    operation(swagger, about)['x-ms-api-annotation'].replacement.operationId = match[1];
  } else if ((match = /append "\(deprecated\)" to its summary( and description)?/.exec(message))) {
    const target = operation(swagger, about);
    target.summary += ' (deprecated)';
    if (match[1]) target.description += ' (deprecated)';
  } else if (!own && !other) {
    throw new Error(`no advice read in: ${message}`);
  }
}

/** GetTask deprecated and labelled with `annotation` (none when undefined), GetTask_V2 beside it with `v2`. */
function version2(
  annotation: Json | undefined,
  v2: Json | undefined,
  extra: (swagger: Json) => void = () => {},
) {
  return (swagger: Json): void => {
    const item = swagger.paths[V1];
    const copy = structuredClone(item.get);
    item.get.deprecated = true;
    item.get.summary += ' (deprecated)';
    item.get.description += ' (deprecated)';
    if (annotation) item.get['x-ms-api-annotation'] = annotation;
    copy.operationId = 'GetTask_V2';
    if (v2) copy['x-ms-api-annotation'] = v2;
    swagger.paths[V2] = { get: copy };
    extra(swagger);
  };
}

/** The operationId a finding is about: its ValuePath's, else the first one its message quotes. */
function aboutOf(finding: Finding): string {
  return /ValuePath: operation\/(\S+)/.exec(finding.message)?.[1] ?? /'([^']+)'/.exec(finding.message)![1]!;
}

/** The edit (on `base`), then the edit with every finding's advice followed; what each leaves. */
async function editThenFollow(edit: (swagger: Json) => void, base: (swagger: Json) => void = () => {}) {
  const first = await validateEdit(edit, base);
  const followed = await validateEdit((swagger) => {
    edit(swagger);
    for (const finding of first.findings) follow(swagger, finding.message, aboutOf(finding));
  }, base);
  return { first, followed };
}

function expectClean(followed: Awaited<ReturnType<typeof validateEdit>>): void {
  expect(followed.findings.map((finding) => finding.message)).toEqual([]);
  expect(
    followed.changes.filter((change) => /DEPRECAT/.test(change.ruleId)).map((change) => change.ruleId),
  ).toEqual(['CHG-OP-DEPRECATED']);
}

const FAMILY_1 = { family: 'GetTask', revision: 1 };

describe('the versioning advice, followed as written', () => {
  it.each([
    ['a version 2 without annotation', version2(FAMILY_1, undefined), ['BRK-DEPRECATION-PROCESS']],
    [
      'a version 2 that keeps the revision',
      version2({ family: 'GetTask' }, { family: 'GetTask', revision: 1 }),
      ['BRK-DEPRECATION-PROCESS', 'SWG-OPID-SUFFIX-FAMILY'],
    ],
    [
      'a version 2 of a misspelt family',
      version2(FAMILY_1, { family: 'Get_Task', revision: 2 }),
      ['BRK-DEPRECATION-PROCESS', 'SWG-OPID-SUFFIX-FAMILY'],
    ],
    ['neither annotated', version2(undefined, undefined), ['BRK-DEPRECATION-PROCESS']],
    [
      'a replacement that names no operation',
      version2(
        { ...FAMILY_1, replacement: { api: 'contoso', operationId: 'GetTask_V02' } },
        undefined,
        (swagger) => {
          swagger.paths[V2].get.operationId = 'GetTaskV2';
        },
      ),
      ['BRK-DEPRECATION-PROCESS', 'SWG-ANN-REPL-TARGET'],
    ],
    [
      'a version 1 hidden without its label',
      version2(FAMILY_1, { family: 'GetTask', revision: 2 }, (swagger) => {
        const old = swagger.paths[V1].get;
        old['x-ms-visibility'] = 'internal';
        old.summary = 'Get a task';
        old.description = 'Gets one task by its identifier.';
      }),
      ['SWG-DEPRECATED-LABEL'],
    ],
  ])('%s', async (_name, edit, ruleIds) => {
    const { first, followed } = await editThenFollow(edit);
    expect(first.findings.map((finding) => finding.ruleId).sort()).toEqual(ruleIds);
    expectClean(followed);
  });

  it("a deprecated version 1 without annotation is in its operationId's family, as the versioning doc defaults it", async () => {
    const { findings, changes } = await validateEdit(version2(undefined, { family: 'GetTask', revision: 2 }));
    expect(findings).toEqual([]);
    expect(
      changes.filter((change) => /DEPRECAT/.test(change.ruleId)).map((change) => change.message),
    ).toEqual([
      "The operation has been deprecated. Its replacement is 'GetTask_V2', revision 2 of its family 'GetTask' (its operationId, as it has none written).",
    ]);
  });

  it("a version 2 deprecated for a version 3, none annotated: the family is the version 1's", async () => {
    const base = version2(undefined, undefined);
    // Made on the base's swagger (validateEdit's `edit` follows its `base`).
    const edit = (swagger: Json): void => {
      const item = swagger.paths[V2];
      const copy = structuredClone(item.get);
      item.get.deprecated = true;
      item.get.summary += ' (deprecated)';
      item.get.description += ' (deprecated)';
      copy.operationId = 'GetTask_V3';
      swagger.paths['/v3/tasks/{taskId}'] = { get: copy };
    };
    const { first, followed } = await editThenFollow(edit, base);
    expect(first.findings.map((finding) => finding.ruleId)).toEqual(['BRK-DEPRECATION-PROCESS']);
    expect(first.findings[0]!.message).toContain('"family": "GetTask" and "revision": 2 in its');
    expectClean(followed);
  });

  it('a family written for a new version that is not there: either way out', async () => {
    const announce = (swagger: Json): void => {
      const old = swagger.paths[V1].get;
      old.deprecated = true;
      old.summary += ' (deprecated)';
      old.description += ' (deprecated)';
      old['x-ms-api-annotation'] = FAMILY_1;
    };
    const { findings } = await validateEdit(announce);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['BRK-DEPRECATION-PROCESS']);
    const message = findings[0]!.message;
    // "Add its new version as 'GetTask_V2' on a path of its own, with <members> in its annotation".
    const [, id, family, revision] =
      /Add its new version as '([^']+)' on a path of its own, with "family": "([^"]+)" and "revision": (\d+)/.exec(
        message,
      )!;
    expectClean(
      await validateEdit((swagger) => {
        announce(swagger);
        const copy = structuredClone(swagger.paths[V1].get);
        delete copy.deprecated;
        copy.summary = 'Get a task';
        copy.description = 'Gets one task by its identifier.';
        copy.operationId = id;
        copy['x-ms-api-annotation'] = { family, revision: Number(revision) };
        swagger.paths[V2] = { get: copy };
      }),
    );
    expect(message).toContain(
      'or, if nothing replaces it, leave "family" and "revision" out of its "x-ms-api-annotation"',
    );
    expectClean(
      await validateEdit((swagger) => {
        announce(swagger);
        const annotation = swagger.paths[V1].get['x-ms-api-annotation'];
        delete annotation.family;
        delete annotation.revision;
      }),
    );
  });

  it("a deprecation as the doc's first example: deprecated and labelled, nothing to fix", async () => {
    expectClean(
      await validateEdit((swagger) => {
        const old = swagger.paths[V1].get;
        old.deprecated = true;
        old.summary += ' (deprecated)';
        old.description += ' (deprecated)';
      }),
    );
  });

  it('hiding an operation deprecated without its label at the base is no new finding: the same, at info', async () => {
    const deprecate = (swagger: Json): void => void (swagger.paths[V1].get.deprecated = true);
    const { all, findings } = await validateEdit(
      (swagger) => (swagger.paths[V1].get['x-ms-visibility'] = 'internal'),
      deprecate,
    );
    expect(findings).toEqual([]);
    const labels = all.filter((finding) => finding.ruleId === 'SWG-DEPRECATED-LABEL');
    expect(labels.map(({ severity, baseline, message }) => ({ severity, baseline, message }))).toEqual([
      {
        severity: 'info',
        baseline: 'existing',
        message:
          'The operation \'GetTask\' is deprecated; append "(deprecated)" to its summary and description. Hidden as it is, the flows that use it still show its summary.',
      },
    ]);
  });
});
