import { describe, expect, it } from '@jest/globals';
import { diffEdited, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

// `validate --fix` writes a type in other case ("Integer") or a JSON-schema type list (["integer",
// "null"]) as the one type meant. The diff reads both versions' types as meant: writing the type so
// changes nothing a flow sends or reads, and every other change beside it is still told.

const listTasks = (swagger: Json): Json => swagger.paths['/tasks'].get;
const createBody = (swagger: Json): Json => swagger.paths['/tasks'].post.parameters[0].schema;

/** The valid swagger with `edit` made: the base version of a diff. */
function baseWith(edit: (swagger: Json) => void): Json {
  const swagger = validSwagger();
  edit(swagger);
  return swagger;
}

/** The two ways of writing `type` that validate --fix writes as `type`. */
function writtenAsMeant(type: string): [string, string | string[]][] {
  return [
    ['in other case', type[0]!.toUpperCase() + type.slice(1)],
    ['as a list with null', [type, 'null']],
  ];
}

describe('a type written as meant in the new version', () => {
  it.each(writtenAsMeant('object'))(
    "is no change of a response's root type written %s (BRK-RESPONSE-CODE)",
    (_, type) => {
      const response = (swagger: Json): Json => swagger.paths['/tasks/{taskId}'].get.responses['200'];
      const inline = (swagger: Json) => (response(swagger).schema = { ...swagger.definitions.Task });
      const result = diffEdited(
        inline,
        baseWith((swagger) => {
          inline(swagger);
          response(swagger).schema.type = type;
        }),
      );
      expect(withRule(result, 'BRK-RESPONSE-CODE')).toEqual([]);
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    },
  );

  it.each(writtenAsMeant('array'))(
    'still compares the items of an output array written %s, and tells a field deleted there',
    (_, type) => {
      const result = diffEdited(
        (swagger) => {
          listTasks(swagger).responses['200'].schema.type = 'array';
          delete swagger.definitions.Task.properties.status;
        },
        baseWith((swagger) => (listTasks(swagger).responses['200'].schema.type = type)),
      );
      expect(withRule(result, 'BRK-OUTPUT-DELETED').map((change) => change.valuePath)).toContain(
        'operation/ListTasks/responses/200/schema/items/status',
      );
    },
  );

  it.each(writtenAsMeant('integer'))(
    'is a widening of an input integer written %s made a number',
    (_, type) => {
      const withCount = (count: unknown) => (swagger: Json) =>
        (createBody(swagger).properties.count = { type: count, 'x-ms-summary': 'Count' });
      const result = diffEdited(withCount('number'), baseWith(withCount(type)));
      expect(withRule(result, 'BRK-INPUT-TYPE')).toEqual([]);
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    },
  );

  it.each(writtenAsMeant('string'))(
    'pairs an optional parameter renamed, its type string written %s',
    (_, type) => {
      const result = diffEdited(
        (swagger) => Object.assign(listTasks(swagger).parameters[0], { name: 'state', type: 'string' }),
        baseWith((swagger) => (listTasks(swagger).parameters[0].type = type)),
      );
      expect(result.changes.map((change) => change.ruleId)).toContain('BRK-OPTIONAL-PARAM-RENAMED');
      expect(withRule(result, 'BRK-PARAM-DELETED')).toEqual([]);
    },
  );

  it.each(writtenAsMeant('string'))(
    'pairs a path parameter renamed, its type string written %s, as one rename and no new path',
    (_, type) => {
      const result = diffEdited(
        (swagger) => {
          const item = swagger.paths['/tasks/{taskId}'];
          Object.assign(item.get.parameters[0], { name: 'id', type: 'string' });
          swagger.paths['/tasks/{id}'] = item;
          delete swagger.paths['/tasks/{taskId}'];
        },
        baseWith((swagger) => (swagger.paths['/tasks/{taskId}'].get.parameters[0].type = type)),
      );
      expect(result.changes.map((change) => change.ruleId)).toContain('BRK-PARAM-RENAMED');
      expect(withRule(result, 'BRK-PATH-CHANGED')).toEqual([]);
    },
  );

  it.each(writtenAsMeant('string'))(
    'names the output field added in the place of one deleted, of type string written %s, as its new name',
    (_, type) => {
      const result = diffEdited(
        (swagger) => {
          const { id, title, status } = swagger.definitions.Task.properties;
          swagger.definitions.Task.properties = { id, name: { ...title, type: 'string' }, status };
        },
        baseWith((swagger) => (swagger.definitions.Task.properties.title.type = type)),
      );
      const [deleted] = withRule(result, 'BRK-OUTPUT-DELETED');
      expect(deleted!.message).toMatch(/'name'/);
    },
  );

  it.each(writtenAsMeant('boolean'))(
    'is no limit dropped when an output boolean written %s loses its enum of true and false (BRK-OUTPUT-ENUM-REMOVED)',
    (_, type) => {
      const withDone = (done: Json) => (swagger: Json) =>
        (swagger.definitions.Task.properties.done = {
          'x-ms-summary': 'Done',
          description: 'Done.',
          ...done,
        });
      const result = diffEdited(
        withDone({ type: 'boolean' }),
        baseWith(withDone({ type, enum: [true, false] })),
      );
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    },
  );
  it.each(writtenAsMeant('file'))(
    'reads a response file written %s as the binary string it equals',
    (_, type) => {
      const withBody = (schema: Json) => (swagger: Json) =>
        (swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = schema);
      const result = diffEdited(withBody({ type: 'string', format: 'binary' }), baseWith(withBody({ type })));
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    },
  );
});
