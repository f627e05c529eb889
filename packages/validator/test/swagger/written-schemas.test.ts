import { describe, expect, it } from '@jest/globals';
import { structureOf, writtenSchemasOf } from '../../src/rules/swagger/structure.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../../src/swagger/schema-walk.js';

/** The written schemas of a swagger as the facts rules read of them, in the order rules meet them. */
function written(root: Record<string, unknown>) {
  return writtenSchemasOf(new SwaggerModel(root)).map(
    ({ pointer, origin, depth }) => `${pointer} ${origin} ${depth}`,
  );
}

const item = { type: 'object', properties: { id: { type: 'string' } } };

describe('writtenSchemasOf', () => {
  it("lists the root's definitions, parameters and responses first, then the paths', each with what is nested in it", () => {
    expect(
      written({
        swagger: '2.0',
        paths: {
          '/tasks': {
            parameters: [{ name: 'body', in: 'body', schema: { type: 'array', items: { type: 'string' } } }],
            post: {
              parameters: [{ name: 'task', in: 'body', schema: { $ref: '#/definitions/Task' } }],
              responses: {
                '200': { description: 'ok', schema: { additionalProperties: { type: 'integer' } } },
              },
            },
          },
        },
        definitions: {
          Task: { allOf: [{ $ref: '#/definitions/Base' }, item] },
          Base: { type: 'object' },
        },
        parameters: { filter: { name: 'filter', in: 'body', schema: { type: 'string' } } },
        responses: { failed: { description: 'failed', schema: item } },
      }),
    ).toEqual([
      '/definitions/Task definition 0',
      '/definitions/Task/allOf/0 definition 1',
      '/definitions/Task/allOf/1 definition 1',
      '/definitions/Task/allOf/1/properties/id definition 2',
      '/definitions/Base definition 0',
      '/parameters/filter/schema global-parameter 0',
      '/responses/failed/schema global-response 0',
      '/responses/failed/schema/properties/id global-response 1',
      '/paths/~1tasks/parameters/0/schema parameter 0',
      '/paths/~1tasks/parameters/0/schema/items parameter 1',
      '/paths/~1tasks/post/parameters/0/schema parameter 0',
      '/paths/~1tasks/post/responses/200/schema response 0',
      '/paths/~1tasks/post/responses/200/schema/additionalProperties response 1',
    ]);
  });

  it('leaves out what Swagger 2.0 does not read as a schema: x- keys of paths and responses, siblings of a $ref', () => {
    expect(
      written({
        swagger: '2.0',
        paths: {
          'x-notes': { get: { responses: { '200': { description: 'ok', schema: item } } } },
          '/tasks': {
            get: {
              parameters: [{ $ref: '#/parameters/filter', schema: item }],
              responses: {
                'x-extra': { description: 'ok', schema: item },
                '200': { $ref: '#/responses/ok', schema: item },
                '404': { description: 'gone', schema: { type: 'string' } },
              },
            },
          },
        },
      }),
    ).toEqual(['/paths/~1tasks/get/responses/404/schema response 0']);
  });

  it("lists a webhook's payload, the schema of its path item's x-ms-notification-content, as a response schema after the operations'", () => {
    expect(
      written({
        swagger: '2.0',
        paths: {
          '/hooks': {
            'x-ms-notification-content': { description: 'A task', schema: item },
            post: {
              'x-ms-trigger': 'single',
              responses: { '201': { description: 'Created', schema: { type: 'string' } } },
            },
          },
          '/other': { 'x-ms-notification-content': { schema: 'not a schema' } },
        },
      }),
    ).toEqual([
      '/paths/~1hooks/post/responses/201/schema response 0',
      '/paths/~1hooks/x-ms-notification-content/schema response 0',
      '/paths/~1hooks/x-ms-notification-content/schema/properties/id response 1',
    ]);
  });

  it('stops at the depth the schema walks stop at', () => {
    let deepest: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < MAX_SCHEMA_WALK_DEPTH + 5; level++)
      deepest = { type: 'array', items: deepest };
    const depths = writtenSchemasOf(new SwaggerModel({ swagger: '2.0', definitions: { Deep: deepest } })).map(
      (schema) => schema.depth,
    );
    expect(depths).toHaveLength(MAX_SCHEMA_WALK_DEPTH + 1);
    expect(Math.max(...depths)).toBe(MAX_SCHEMA_WALK_DEPTH);
  });

  it("is made of the structure walk's schema nodes, not of a walk of its own", () => {
    const model = new SwaggerModel({ swagger: '2.0', definitions: { Task: item } });
    const nodes = new Set(structureOf(model).byKind.get('schema'));
    expect(writtenSchemasOf(model)).toHaveLength(2);
    for (const schema of writtenSchemasOf(model)) expect(nodes.has(schema as never)).toBe(true);
  });

  it("meets the schemas in the structure's order: the root's definitions, parameters and responses first", () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: { '/tasks': { get: { responses: { '200': { description: 'ok', schema: item } } } } },
      definitions: { Task: item },
      parameters: { filter: { name: 'filter', in: 'body', schema: { type: 'string' } } },
    });
    const order = (schemas: readonly { pointer: string }[]) => schemas.map((schema) => schema.pointer);
    expect(order(structureOf(model).schemas)).toEqual([
      '/definitions/Task',
      '/definitions/Task/properties/id',
      '/parameters/filter/schema',
      '/paths/~1tasks/get/responses/200/schema',
      '/paths/~1tasks/get/responses/200/schema/properties/id',
    ]);
    expect(order(writtenSchemasOf(model))).toEqual(order(structureOf(model).schemas));
  });
});
