import { describe, expect, it } from '@jest/globals';
import { diffEdited, diffSwaggers, lineOf, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

// A schema whose `$ref` points to nothing, or round in a loop, has no view to compare: the
// comparer returned nothing for it, so pointing GetTask's response at a missing definition was a
// "no-change", and at a loop only "definitions entry added". The edit is now told where it is
// written, with what stopped the comparison.

const response = (swagger: Json): Json => swagger.paths['/tasks/{taskId}'].get.responses['200'] as Json;

function told(result: ReturnType<typeof diffEdited>) {
  return result.changes.map(({ ruleId, side, pointer, line, message }) => ({
    ruleId,
    side,
    pointer,
    line,
    message,
  }));
}

const SCHEMA = '/paths/~1tasks~1{taskId}/get/responses/200/schema';
const schemaLine = (swagger: Json): number =>
  lineOf(swagger, '"schema"', JSON.stringify(swagger, null, 2).indexOf('"GetTask"'));

describe('a schema that cannot be followed in one version', () => {
  it('a $ref to a missing definition, in the new version', () => {
    const after = validSwagger();
    response(after).schema = { $ref: '#/definitions/Missing' };
    expect(told(diffSwaggers(validSwagger(), after))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        pointer: SCHEMA,
        line: schemaLine(after),
        message:
          "Other properties have been changed. The schema was not compared: its $ref '#/definitions/Missing' points to nothing.",
      },
    ]);
  });

  it('a $ref to another file, in the new version: says so, not that it points to nothing', () => {
    const after = validSwagger();
    response(after).schema = { $ref: 'common.json#/definitions/Task' };
    expect(told(diffSwaggers(validSwagger(), after)).map((change) => change.message)).toEqual([
      "Other properties have been changed. The schema was not compared: its $ref 'common.json#/definitions/Task' is to another file, which diff does not read.",
    ]);
  });

  it('a $ref to a missing definition, in the base version: told where the new version has the fix', () => {
    const before = validSwagger();
    response(before).schema = { $ref: '#/definitions/Missing' };
    const after = validSwagger();
    expect(told(diffSwaggers(before, after))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        pointer: SCHEMA,
        line: schemaLine(after),
        message:
          "Other properties have been changed. The schema was not compared: in the base version, its $ref '#/definitions/Missing' points to nothing.",
      },
    ]);
  });

  it('a definition added under the $ref of the base version that pointed to nothing: told as the fix', () => {
    const before = validSwagger();
    response(before).schema = { $ref: '#/definitions/Missing' };
    const after = structuredClone(before);
    after.definitions.Missing = { type: 'object', properties: { id: { type: 'string' } } };
    expect(told(diffSwaggers(before, after)).map((change) => change.message)).toContain(
      "Other properties have been changed. The schema was not compared: in the base version, its $ref '#/definitions/Missing' points to nothing.",
    );
  });

  it("a $ref to a missing definition in an operation moved to another path: told at the new version's schema", () => {
    const after = validSwagger();
    after.paths['/task/{taskId}'] = after.paths['/tasks/{taskId}'];
    delete after.paths['/tasks/{taskId}'];
    after.paths['/task/{taskId}'].get.responses['200'].schema = { $ref: '#/definitions/Missing' };
    const unfollowed = diffSwaggers(validSwagger(), after).changes.filter((change) =>
      change.message.includes('not compared'),
    );
    expect(unfollowed.map(({ side, pointer }) => ({ side, pointer }))).toEqual([
      { side: 'new', pointer: '/paths/~1task~1{taskId}/get/responses/200/schema' },
    ]);
  });

  it('a definition deleted from under the $refs that name it: told at each of them', () => {
    const result = diffEdited((swagger) => delete swagger.definitions.Task);
    const unfollowed = result.changes.filter((change) => change.message.includes('not compared'));
    expect(unfollowed.map((change) => change.valuePath).sort()).toEqual([
      'operation/CreateTask/responses/201/schema',
      'operation/GetTask/responses/200/schema',
      'operation/ListTasks/responses/200/schema/items',
    ]);
    expect(unfollowed[0]!.message).toBe(
      "Other properties have been changed. The schema was not compared: its $ref '#/definitions/Task' points to nothing.",
    );
  });

  it('a loop of $refs', () => {
    const result = diffEdited((swagger) => {
      swagger.definitions.Loop = { $ref: '#/definitions/Loop2' };
      swagger.definitions.Loop2 = { $ref: '#/definitions/Loop' };
      response(swagger).schema = { $ref: '#/definitions/Loop' };
    });
    expect(told(result)).toContainEqual(
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        pointer: SCHEMA,
        message:
          "Other properties have been changed. The schema was not compared: its $ref '#/definitions/Loop' leads round a loop of $refs.",
      }),
    );
  });

  it('a schema that is not an object', () => {
    const result = diffEdited((swagger) => (response(swagger).schema = 'Task'));
    expect(told(result)).toContainEqual(
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        pointer: SCHEMA,
        message:
          'Other properties have been changed. The schema was not compared: it is a JSON string, not an object.',
      }),
    );
  });

  it('stays quiet when the same broken $ref is in both versions, or the schema is added or removed', () => {
    const broken = validSwagger();
    response(broken).schema = { $ref: '#/definitions/Missing' };
    expect(diffSwaggers(broken, structuredClone(broken)).changes).toEqual([]);
    const withoutBody = diffEdited((swagger) => delete response(swagger).schema);
    expect(withoutBody.changes.map((change) => change.ruleId)).toEqual(
      expect.arrayContaining(['BRK-OUTPUT-DELETED']),
    );
    expect(withoutBody.changes.map((change) => change.message)).not.toContainEqual(
      expect.stringMatching(/not compared/),
    );
  });
});

// A parameter entry whose `$ref` cannot be followed has no name: it was told as "A new optional
// parameter has been added." at ValuePath 'parameter/?'.
describe('a parameter entry that cannot be followed in one version', () => {
  const listTasks = (swagger: Json): Json => swagger.paths['/tasks'].get as Json;
  const ENTRY = '/paths/~1tasks/get/parameters/1';

  it.each([
    ['to a missing definition', {}, "its $ref '#/parameters/Missing' points to nothing", 'Missing'],
    [
      'round a loop',
      { P: { $ref: '#/parameters/Q' }, Q: { $ref: '#/parameters/P' } },
      "its $ref '#/parameters/P' leads round a loop of $refs",
      'P',
    ],
  ])('a $ref %s, added or in the base version', (_, parameters, why, target) => {
    const broken = validSwagger();
    broken.parameters = parameters;
    listTasks(broken).parameters.push({ $ref: `#/parameters/${target}` });
    const valid = validSwagger();
    valid.parameters = parameters;
    const unfollowed = (before: Json, after: Json) =>
      diffSwaggers(before, after)
        .changes.filter((change) => change.pointer === ENTRY)
        .map(({ ruleId, side, message }) => ({ ruleId, side, message }));
    expect(unfollowed(valid, broken)).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        message: `Other properties have been changed. The parameter was not compared: ${why}.`,
      },
    ]);
    expect(unfollowed(broken, valid)).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'old',
        message: `Other properties have been changed. The parameter was not compared: in the base version, ${why}.`,
      },
    ]);
    expect(diffSwaggers(broken, structuredClone(broken)).changes).toEqual([]);
  });
});
