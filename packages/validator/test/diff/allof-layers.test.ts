import { describe, expect, it } from '@jest/globals';
import { expandEntries } from '../../src/diff/schema-report.js';
import { diffSwaggerValues } from '../../src/diff/swagger-diff.js';
import type { Json } from './diff-fixture.js';

const FIELDS = 20;

function fields(): Json {
  return Object.fromEntries(Array.from({ length: FIELDS }, (_, index) => [`p${index}`, { type: 'string' }]));
}

/** A swagger whose operations each post `body` (a schema written in place), with these definitions. */
function swagger(operations: number, body: () => Json, definitions: Json): Json {
  const paths: Json = {};
  for (let index = 0; index < operations; index++) {
    paths[`/items${index}`] = {
      post: {
        operationId: `Post${index}`,
        parameters: [{ name: 'body', in: 'body', required: true, schema: body() }],
        responses: { 200: { description: 'OK' } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'T', version: '1' }, paths, definitions };
}

/** The changes as listed when schemas are shared as they are, and as each schema's list written whole. */
function bothWays(before: Json, after: Json) {
  const changes = (shared: boolean) =>
    [...expandEntries(diffSwaggerValues(before, after, undefined, shared ? {} : { share: false }))].map(
      (change) => ({
        rule: change.rule.id,
        pointer: change.pointer,
        operation: change.operationId,
        path: change.valuePath,
      }),
    );
  return { shared: changes(true), whole: changes(false) };
}

describe('a body written in each operation that merges a definition through allOf', () => {
  it("reads the definition's properties once per version, not once per operation", () => {
    // Each body merges D and wraps it too; D's fields are made required. The body's view copied D's
    // properties, and each of D's names was checked to be the body's own, per operation: 400
    // operations over 10,000 fields took 12 s. Reads of D's properties count the looks.
    const operations = 50;
    let reads = 0;
    const counted = new Proxy(fields(), {
      get(target, key, receiver) {
        if (typeof key === 'string' && key.startsWith('p')) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const body = (): Json => ({
      allOf: [{ $ref: '#/definitions/D' }],
      properties: { wrap: { $ref: '#/definitions/D' }, note: { type: 'string' } },
    });
    const before = swagger(operations, body, { D: { type: 'object', properties: counted } });
    const after = swagger(operations, body, {
      D: { type: 'object', properties: fields(), required: Object.keys(fields()) },
    });
    const changes = [...expandEntries(diffSwaggerValues(before, after))];
    // Each operation: D's fields required where the body merges them and where it wraps D.
    expect(changes.filter((change) => change.rule.id === 'BRK-OPTIONAL-TO-REQUIRED')).toHaveLength(
      operations * FIELDS * 2,
    );
    expect(reads).toBeLessThan(5 * FIELDS);
  });

  it('merges a member allOf as deep as a view does from the body, one level less than from the member', () => {
    // L0 merges L1 through allOf, ..., L7 merges L8, whose field is made required. The view of L0
    // merges L8 (8 levels below L0); the body's, which merges L0, stops a level higher: the body
    // has no such field, as when each of its properties is compared where it is.
    const chain = (required: boolean): Json => {
      const definitions: Json = {};
      for (let level = 0; level < 8; level++)
        definitions[`L${level}`] = { allOf: [{ $ref: `#/definitions/L${level + 1}` }] };
      definitions.L8 = {
        type: 'object',
        properties: { deep: { type: 'string' } },
        ...(required ? { required: ['deep'] } : {}),
      };
      definitions.D = { type: 'object', properties: fields(), ...(required ? { required: ['p1'] } : {}) };
      return definitions;
    };
    const body = (): Json => ({ allOf: [{ $ref: '#/definitions/L0' }, { $ref: '#/definitions/D' }] });
    const { shared, whole } = bothWays(swagger(2, body, chain(false)), swagger(2, body, chain(true)));
    expect(whole.map(({ rule, path }) => `${rule} ${path}`)).toEqual([
      'BRK-OPTIONAL-TO-REQUIRED operation/Post0/parameter/body/schema/p1',
      'BRK-OPTIONAL-TO-REQUIRED operation/Post1/parameter/body/schema/p1',
      // L8's edit, which no compared schema has.
      'CHG-OTHER undefined',
    ]);
    expect(shared).toEqual(whole);
  });

  it("merges a member's allOf in the order the body's view does, which stops a level sooner", () => {
    // L0 merges L1 and Z; L1 merges L2, ..., L7 merges Y; Z merges Y too. L0's view merges Y through
    // the chain (8 levels below L0), then Z: y before z. The body's view stops the chain at L7, a
    // level sooner, and merges Y through Z: z before y. Same schemas merged, not in the same order.
    const definitions = (required: boolean): Json => {
      const chain: Json = { L0: { allOf: [{ $ref: '#/definitions/L1' }, { $ref: '#/definitions/Z' }] } };
      for (let level = 1; level < 7; level++)
        chain[`L${level}`] = { allOf: [{ $ref: `#/definitions/L${level + 1}` }] };
      chain.L7 = { allOf: [{ $ref: '#/definitions/Y' }] };
      chain.Y = { properties: { y: { type: 'string' } }, ...(required ? { required: ['y'] } : {}) };
      chain.Z = {
        properties: { z: { type: 'string' } },
        allOf: [{ $ref: '#/definitions/Y' }],
        ...(required ? { required: ['z'] } : {}),
      };
      return chain;
    };
    const body = (): Json => ({ allOf: [{ $ref: '#/definitions/L0' }] });
    const { shared, whole } = bothWays(
      swagger(1, body, definitions(false)),
      swagger(1, body, definitions(true)),
    );
    expect(whole.map(({ rule, path }) => `${rule} ${path}`)).toEqual([
      'BRK-OPTIONAL-TO-REQUIRED operation/Post0/parameter/body/schema/z',
      'BRK-OPTIONAL-TO-REQUIRED operation/Post0/parameter/body/schema/y',
    ]);
    expect(shared).toEqual(whole);
  });

  it("compares each field where it is when two of its layers have it: the first written is the view's", () => {
    // The body writes p1, which D has too; A and C both have x. D's p1 and p2 and A's x are made
    // required, the body's p1 an integer and C's x a boolean: the body's p1 is its own, required as
    // D lists it, and its x is A's.
    const definitions = (required: boolean): Json => ({
      D: { properties: fields(), ...(required ? { required: ['p1', 'p2'] } : {}) },
      A: { properties: { x: { type: 'string' } }, ...(required ? { required: ['x'] } : {}) },
      C: { properties: { x: { type: required ? 'boolean' : 'integer' }, c: { type: 'string' } } },
    });
    const body = (required: boolean): Json => ({
      allOf: [{ $ref: '#/definitions/D' }, { $ref: '#/definitions/A' }, { $ref: '#/definitions/C' }],
      properties: { p1: { type: required ? 'integer' : 'string' } },
    });
    const { shared, whole } = bothWays(
      swagger(1, () => body(false), definitions(false)),
      swagger(1, () => body(true), definitions(true)),
    );
    expect(whole.map(({ rule, pointer }) => `${rule} ${pointer}`)).toEqual([
      'BRK-OPTIONAL-TO-REQUIRED /definitions/D/required/0',
      'BRK-INPUT-TYPE /paths/~1items0/post/parameters/0/schema/properties/p1/type',
      'BRK-OPTIONAL-TO-REQUIRED /definitions/D/required/1',
      'BRK-OPTIONAL-TO-REQUIRED /definitions/A/required/0',
    ]);
    expect(shared).toEqual(whole);
  });

  it('ends on an allOf that leads back to its own schema, as comparing in place does', () => {
    // A member whose view merges the schema itself has the schema's properties at the same places,
    // so it passed as a run of the schema's own: sharing its compared properties compared them
    // again, without end (a stack overflow, where the session's start found the one change).
    const withAllOfLoop = (type: string, loop: Json): Json =>
      swagger(1, () => ({ $ref: '#/definitions/Item' }), {
        ...loop,
        Item: { allOf: [{ $ref: '#/definitions/Other' }], properties: { a: { type } } },
      });
    const self = (type: string) =>
      swagger(1, () => ({ $ref: '#/definitions/Item' }), {
        Item: { allOf: [{ $ref: '#/definitions/Item' }], properties: { a: { type } } },
      });
    const mutual = (type: string) =>
      withAllOfLoop(type, { Other: { allOf: [{ $ref: '#/definitions/Item' }] } });
    for (const versions of [self, mutual]) {
      const { shared, whole } = bothWays(versions('string'), versions('integer'));
      expect(shared.map((change) => `${change.rule} ${change.pointer}`)).toEqual([
        'BRK-INPUT-TYPE /definitions/Item/properties/a/type',
      ]);
      expect(shared).toEqual(whole);
    }
  });
});

describe('a body written in place whose only fields are those of the definition it merges', () => {
  it("is an object, as its view says: writing 'type: object' on it is no change", () => {
    // Neither the body nor its members declare a type; D's one field makes the body an object,
    // whatever the other member (a note, no field) says.
    const body = (typed: boolean) => (): Json => ({
      ...(typed ? { type: 'object' } : {}),
      allOf: [{ $ref: '#/definitions/D' }, { description: 'A D.' }],
    });
    const definitions = { D: { properties: { p0: { type: 'string' } } } };
    const { shared, whole } = bothWays(
      swagger(2, body(false), definitions),
      swagger(2, body(true), definitions),
    );
    expect(shared).toEqual([]);
    expect(whole).toEqual([]);
  });
});
