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

describe('SchemaMeasurer.operationSizes', () => {
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
    const size = schemaMeasurer(model).operationSizes()[0]!;
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
    // In the model's order of methods: get, put, post.
    expect(
      schemaMeasurer(model)
        .operationSizes()
        .map((size) => size.deepestPointer),
    ).toEqual(['/paths/~1tasks/get/responses/200/schema', undefined, '/parameters/Body/schema']);
  });
});

/**
 * The measure reads a document's schemas from the structure walk's list where it can: these pin its
 * answers where that list and the JSON could part (the walk's depth limit, keys beside a $ref,
 * property values that are no schema, references into a schema, recursion in either order).
 */
describe('SchemaMeasurer.operationSizes, on what the structure walk lists', () => {
  /** One operation per schema, in order, each a response's schema: [count, depth] of each. */
  function operationSizes(schemas: unknown[], definitions: Record<string, unknown> = {}): number[][] {
    const paths: Record<string, unknown> = {};
    schemas.forEach((schema, index) => {
      paths[`/op${index}`] = { get: { responses: { '200': { description: 'ok', schema } } } };
    });
    const model = new SwaggerModel({ swagger: '2.0', definitions, paths });
    return schemaMeasurer(model)
      .operationSizes()
      .map((size) => [size.count, size.depth]);
  }

  /** A schema `levels` properties deep. */
  function nested(levels: number): unknown {
    let schema: unknown = { type: 'string' };
    for (let level = 0; level < levels; level++) schema = { type: 'object', properties: { inner: schema } };
    return schema;
  }

  it('counts recursive definitions from whichever is measured first', () => {
    const definitions = {
      A: { properties: { b: { $ref: '#/definitions/B' }, name: { type: 'string' } } },
      B: { properties: { a: { $ref: '#/definitions/A' } }, items: { $ref: '#/definitions/B' } },
    };
    const first = { $ref: '#/definitions/A' };
    const second = { $ref: '#/definitions/B' };
    // The one measured second meets the other in progress there, and counts it as nothing.
    expect(operationSizes([first, second], definitions)).toEqual([
      [3, 2],
      [1, 1],
    ]);
    expect(operationSizes([second, first], definitions)).toEqual([
      [3, 2],
      [2, 1],
    ]);
  });

  it('measures the target of a $ref, not the schemas written beside it, at any depth', () => {
    const definitions = { Pair: pair };
    const schema = {
      properties: {
        ref: { $ref: '#/definitions/Pair', properties: { ignored: pair }, items: pair },
        list: { type: 'array', items: { $ref: '#/definitions/Pair', allOf: [pair] } },
      },
      allOf: [
        { $ref: '#/definitions/Pair' },
        { properties: { deep: { items: { $ref: '#/definitions/Pair' } } } },
      ],
    };
    expect(operationSizes([schema], definitions)).toEqual([[16, 3]]);
  });

  it('measures small trees from their keys as larger ones from the list, recursion included', () => {
    const definitions = {
      Pair: pair,
      // Two schemas, its property a $ref back to it.
      Loop: { properties: { self: { $ref: '#/definitions/Loop' } } },
      // Three schemas: an allOf member, no level down, and a property.
      Three: { allOf: [{ $ref: '#/definitions/Pair' }], properties: { n: { type: 'string' } } },
      // Four schemas, listed: a property, its items (a $ref to Three) and another property.
      Four: { properties: { a: { items: { $ref: '#/definitions/Three' } }, b: { type: 'string' } } },
    };
    const refs = ['Loop', 'Three', 'Four'].map((name) => ({ $ref: `#/definitions/${name}` }));
    expect(operationSizes([...refs, definitions.Four, definitions.Three], definitions)).toEqual([
      [1, 1],
      [5, 1],
      [8, 3],
      [8, 3],
      [5, 1],
    ]);
  });

  it('gives a property whose value is no schema a level but no count', () => {
    expect(
      operationSizes([{ properties: { odd: 'text', also: [1] } }, { properties: { odd: null } }]),
    ).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('follows a $ref into a schema inside a definition, and to a parameter', () => {
    const definitions = {
      Outer: { properties: { inner: pair } },
      Inner: { $ref: '#/definitions/Outer/properties/inner' },
    };
    expect(
      operationSizes(
        [{ $ref: '#/definitions/Outer/properties/inner' }, { $ref: '#/definitions/Inner' }],
        definitions,
      ),
    ).toEqual([
      [3, 1],
      [3, 1],
    ]);
  });

  it('measures schemas nested deeper than the structure walk goes, up to its recursion limit', () => {
    expect(operationSizes([nested(250), nested(450)])).toEqual([
      [251, 250],
      // Below the limit a schema counts as one at depth 400, and each level above adds one.
      [402, 801],
    ]);
  });

  it('measures definitions reached through a chain of references nested beyond the recursion limit', () => {
    const definitions: Record<string, unknown> = { D0: nested(3) };
    for (let index = 1; index <= 250; index++) {
      definitions[`D${index}`] = {
        properties: { next: { properties: { deeper: { $ref: `#/definitions/D${index - 1}` } } } },
      };
    }
    expect(
      operationSizes([{ $ref: '#/definitions/D250' }, { $ref: '#/definitions/D75' }], definitions),
    ).toEqual([
      [402, 801],
      // D75 was measured inside D250, its deepest levels cut by the recursion limit.
      [52, 451],
    ]);
  });
});
