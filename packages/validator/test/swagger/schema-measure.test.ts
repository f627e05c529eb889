import { describe, expect, it } from '@jest/globals';
import { schemaMeasurer } from '../../src/rules/swagger/schema-measure.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

const pair = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };

function sizeOf(schema: unknown, definitions: Record<string, unknown>) {
  const { count, depth } = schemaMeasurer(new SwaggerModel({ swagger: '2.0', definitions })).measure(schema);
  return { count, depth };
}

describe('SchemaMeasurer.measure', () => {
  it('expands a $ref straight to a definition, and a chain of $refs to its end', () => {
    const definitions = {
      Pair: pair,
      Alias: { $ref: '#/definitions/Pair' },
      Twice: { $ref: '#/definitions/Alias' },
    };
    for (const name of ['Pair', 'Alias', 'Twice']) {
      expect(sizeOf({ $ref: `#/definitions/${name}` }, definitions)).toEqual({ count: 3, depth: 1 });
    }
  });

  it('counts a broken $ref, or one that leads to no schema, as one schema', () => {
    const definitions = { Text: 'not a schema', Loop: { $ref: '#/definitions/Loop' } };
    for (const ref of ['#/definitions/Missing', '#/definitions/Text', '#/definitions/Loop']) {
      expect(sizeOf({ $ref: ref }, definitions)).toEqual({ count: 1, depth: 0 });
    }
  });

  it('counts a $ref back into the definition being measured as nothing', () => {
    const definitions = { Node: { type: 'object', properties: { next: { $ref: '#/definitions/Node' } } } };
    expect(sizeOf({ $ref: '#/definitions/Node' }, definitions)).toEqual({ count: 1, depth: 1 });
  });

  it('measures what a $ref leads to, not the keys beside it, and every kind of child of a schema', () => {
    const definitions = {
      Pair: pair,
      Mixed: {
        properties: { one: { type: 'string' } },
        items: { type: 'string' },
        additionalProperties: { items: { type: 'string' } },
        allOf: [pair, { $ref: '#/definitions/Pair' }],
      },
    };
    expect(sizeOf({ $ref: '#/definitions/Pair', properties: { ignored: pair } }, definitions)).toEqual({
      count: 3,
      depth: 1,
    });
    // 1 + one + items + additionalProperties (2) + the allOf members (3 each); allOf adds no level.
    expect(sizeOf({ $ref: '#/definitions/Mixed' }, definitions)).toEqual({ count: 11, depth: 2 });
  });
});

describe('SchemaMeasurer.operation', () => {
  it('points at the schema of the deepest parameter or response', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/tasks': {
          post: {
            parameters: [{ name: 'body', in: 'body', schema: { type: 'string' } }],
            responses: { '200': { description: 'ok', schema: pair }, '404': { description: 'no' } },
          },
        },
      },
    });
    const size = schemaMeasurer(model).operation(model.operations[0]!);
    expect([size.count, size.depth, size.deepestPointer]).toEqual([
      4,
      1,
      '/paths/~1tasks/post/responses/200/schema',
    ]);
  });

  it("points at a referenced parameter's definition, and at the first of equally deep schemas", () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: { Body: { name: 'body', in: 'body', schema: pair } },
      paths: {
        '/tasks': {
          post: {
            parameters: [{ $ref: '#/parameters/Body' }],
            responses: { '200': { description: 'ok', schema: pair } },
          },
          get: { responses: { '200': { description: 'ok', schema: { type: 'string' } } } },
          put: { parameters: [{ name: 'id', in: 'query', type: 'string' }], responses: {} },
        },
      },
    });
    const measurer = schemaMeasurer(model);
    // In the model's order of methods: get, put, post.
    expect(model.operations.map((operation) => measurer.operation(operation).deepestPointer)).toEqual([
      '/paths/~1tasks/get/responses/200/schema',
      undefined,
      '/parameters/Body/schema',
    ]);
  });
});
