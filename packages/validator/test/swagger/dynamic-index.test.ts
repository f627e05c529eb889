import { describe, expect, it } from '@jest/globals';
import { dynamicCalls } from '../../src/rules/operations/dynamic-index.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

const lookup = { 'x-ms-dynamic-values': { operationId: 'ListThings' } };
const dynamicSchema = { 'x-ms-dynamic-schema': { operationId: 'ListThings' } };
/** Each dynamic call's holder, with the operationIds of the operations that use it. */
function usersByHolder(model: SwaggerModel): [string, (string | undefined)[]][] {
  return dynamicCalls(model).map((call) => [call.holderPointer, call.users.map((user) => user.operationId)]);
}

const bodyWithLookup = {
  name: 'body',
  in: 'body',
  schema: { type: 'object', properties: { thing: { type: 'string', ...lookup } } },
};

describe('dynamicCalls', () => {
  it('gives a call written in a schema the operation that holds it', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': { get: { operationId: 'ListThings', responses: {} } },
        // Escaped segments (~1, ~0) must be decoded to find the path.
        '/a/{b}~c': {
          get: { operationId: 'GetA', responses: {} },
          post: { operationId: 'PostA', parameters: [bodyWithLookup], responses: {} },
        },
        // A path-level parameter belongs to the first operation of its path.
        '/shared': {
          parameters: [bodyWithLookup],
          put: { operationId: 'PutShared', responses: {} },
          patch: { operationId: 'PatchShared', responses: {} },
        },
      },
      definitions: { Thing: { type: 'object', properties: { kind: { type: 'string', ...lookup } } } },
    });
    const sources = dynamicCalls(model).map((call) => [
      call.holderPointer,
      call.source?.operation.operationId,
    ]);
    expect(sources).toEqual([
      ['/definitions/Thing/properties/kind', undefined],
      ['/paths/~1a~1{b}~0c/post/parameters/0/schema/properties/thing', 'PostA'],
      ['/paths/~1shared/parameters/0/schema/properties/thing', 'PutShared'],
    ]);
  });

  it('gives each schema its own operation when several follow one another', () => {
    const twoLookups = {
      name: 'body',
      in: 'body',
      schema: { type: 'object', properties: { one: { ...lookup }, two: { ...lookup } } },
    };
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': { get: { operationId: 'ListThings', responses: {} } },
        // The path of the next key starts with this one's text; so do the methods' names.
        '/a': { post: { operationId: 'PostA', parameters: [twoLookups], responses: {} } },
        '/a~b': {
          post: { operationId: 'PostAB', parameters: [twoLookups], responses: {} },
          put: { operationId: 'PutAB', parameters: [bodyWithLookup], responses: {} },
        },
      },
      definitions: { Thing: { type: 'object', properties: { kind: { type: 'string', ...lookup } } } },
    });
    const sources = dynamicCalls(model).map((call) => [
      call.holderPointer,
      call.source?.operation.operationId,
    ]);
    expect(sources).toEqual([
      ['/definitions/Thing/properties/kind', undefined],
      ['/paths/~1a/post/parameters/0/schema/properties/one', 'PostA'],
      ['/paths/~1a/post/parameters/0/schema/properties/two', 'PostA'],
      // In the structure walk's order.
      ['/paths/~1a~0b/put/parameters/0/schema/properties/thing', 'PutAB'],
      ['/paths/~1a~0b/post/parameters/0/schema/properties/one', 'PostAB'],
      ['/paths/~1a~0b/post/parameters/0/schema/properties/two', 'PostAB'],
    ]);
  });

  it("gives a schema in the document's first operation that operation", () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': {
          get: {
            operationId: 'ListThings',
            responses: { '200': { description: 'OK', schema: { type: 'object', ...dynamicSchema } } },
          },
          post: { operationId: 'PostThing', parameters: [bodyWithLookup], responses: {} },
        },
      },
    });
    const users = usersByHolder(model);
    expect(users).toEqual([
      ['/paths/~1things/get/responses/200/schema', ['ListThings']],
      ['/paths/~1things/post/parameters/0/schema/properties/thing', ['PostThing']],
    ]);
  });

  it('gives a shared holder each operation that shows it, in document order', () => {
    const trigger = (operationId: string) => ({ operationId, 'x-ms-trigger': 'single', responses: {} });
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: {
        // Listed by two operations, one of them twice: its user once.
        kind: { name: 'kind', in: 'query', type: 'string', ...lookup },
        // A body whose schema holds the call.
        payload: bodyWithLookup,
      },
      paths: {
        '/things': {
          get: { operationId: 'ListThings', parameters: [{ $ref: '#/parameters/kind' }], responses: {} },
        },
        '/shared': {
          parameters: [{ name: 'q', in: 'query', type: 'string', ...lookup }],
          put: {
            operationId: 'PutShared',
            parameters: [{ $ref: '#/parameters/kind' }, { $ref: '#/parameters/kind' }],
            responses: {},
          },
          patch: {
            operationId: 'PatchShared',
            parameters: [{ $ref: '#/parameters/payload' }],
            responses: {},
          },
        },
        '/hooks': {
          // A webhook's payload is its triggers' output: a dropdown there is never opened.
          'x-ms-notification-content': {
            schema: { type: 'object', properties: { id: { ...lookup }, extra: { ...dynamicSchema } } },
          },
          post: trigger('OnCreated'),
          put: trigger('OnChanged'),
          get: { operationId: 'GetHook', responses: {} },
        },
      },
    });
    const users = usersByHolder(model);
    expect(users).toEqual([
      ['/parameters/kind', ['ListThings', 'PutShared']],
      ['/paths/~1shared/parameters/0', ['PutShared', 'PatchShared']],
      ['/parameters/payload/schema/properties/thing', ['PatchShared']],
      ['/paths/~1hooks/x-ms-notification-content/schema/properties/id', []],
      ['/paths/~1hooks/x-ms-notification-content/schema/properties/extra', ['OnChanged', 'OnCreated']],
    ]);
  });

  it("leaves an internal operation out of a path item's body schema users beside a visible one", () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': { get: { operationId: 'ListThings', responses: {} } },
        '/shared': {
          parameters: [bodyWithLookup],
          put: { operationId: 'PutShared', 'x-ms-visibility': 'internal', responses: {} },
          patch: { operationId: 'PatchShared', responses: {} },
        },
      },
    });
    const users = usersByHolder(model);
    expect(users).toEqual([['/paths/~1shared/parameters/0/schema/properties/thing', ['PatchShared']]]);
  });

  it('gives a holder in definitions the operations whose $refs reach it, a dropdown those that send it', () => {
    const body = (schema: unknown) => [{ name: 'body', in: 'body', schema }];
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: { wrapped: { name: 'body', in: 'body', schema: { $ref: '#/definitions/Wrapper' } } },
      paths: {
        '/things': {
          get: {
            operationId: 'ListThings',
            responses: { '200': { description: 'OK', schema: { items: { $ref: '#/definitions/Thing' } } } },
          },
          // Through another definition, a #/parameters body, and a cycle.
          put: { operationId: 'PutThings', parameters: [{ $ref: '#/parameters/wrapped' }], responses: {} },
          post: {
            operationId: 'PostThing',
            parameters: body({ $ref: '#/definitions/Thing' }),
            responses: {},
          },
        },
        '/other': {
          post: {
            operationId: 'PostOther',
            parameters: body({ properties: { all: { allOf: [{ $ref: '#/definitions/Thing' }] } } }),
            responses: {},
          },
        },
      },
      definitions: {
        Thing: {
          type: 'object',
          properties: { kind: { type: 'string', ...lookup }, extra: { ...dynamicSchema } },
        },
        Wrapper: {
          properties: { thing: { $ref: '#/definitions/Thing' }, next: { $ref: '#/definitions/Wrapper' } },
        },
        Unused: { properties: { kind: { ...lookup } } },
      },
    });
    const users = dynamicCalls(model).map((call) => [
      call.holderPointer,
      call.users.map((user) => user.operationId),
      call.users.map((user) => call.listing?.(user)?.pointer),
    ]);
    expect(users).toEqual([
      [
        '/definitions/Thing/properties/kind',
        ['PutThings', 'PostThing', 'PostOther'],
        [
          '/paths/~1things/put/parameters/0',
          '/paths/~1things/post/parameters/0/schema',
          '/paths/~1other/post/parameters/0/schema/properties/all/allOf/0',
        ],
      ],
      [
        '/definitions/Thing/properties/extra',
        ['ListThings', 'PutThings', 'PostThing', 'PostOther'],
        [
          '/paths/~1things/get/responses/200/schema/items',
          '/paths/~1things/put/parameters/0',
          '/paths/~1things/post/parameters/0/schema',
          '/paths/~1other/post/parameters/0/schema/properties/all/allOf/0',
        ],
      ],
      ['/definitions/Unused/properties/kind', [], []],
    ]);
  });

  it('gives each definition its own users, after one whose name starts its name, and where it is the holder itself', () => {
    const body = (ref: string) => [{ name: 'body', in: 'body', schema: { $ref: ref } }];
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': {
          get: { operationId: 'ListThings', responses: {} },
          post: { operationId: 'PostThing', parameters: body('#/definitions/Thing'), responses: {} },
          put: { operationId: 'PutThings', parameters: body('#/definitions/ThingList'), responses: {} },
        },
      },
      definitions: {
        Thing: { type: 'object', properties: { kind: { type: 'string', ...lookup } } },
        ThingList: {
          type: 'object',
          properties: { kind: { type: 'string', ...lookup }, first: { $ref: '#/definitions/Kind' } },
        },
        // The dropdown written on the definition itself.
        Kind: { type: 'string', ...lookup },
      },
    });
    const users = usersByHolder(model);
    expect(users).toEqual([
      ['/definitions/Thing/properties/kind', ['PostThing']],
      ['/definitions/ThingList/properties/kind', ['PutThings']],
      ['/definitions/Kind', ['PutThings']],
    ]);
  });

  it('gives a definition named by the empty string the operations whose $refs reach it', () => {
    // `#/definitions/` leads to the definition of key '', whose pointer has an empty segment.
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things': {
          get: { operationId: 'ListThings', responses: {} },
          post: {
            operationId: 'PostThing',
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/' } }],
            responses: {},
          },
        },
      },
      definitions: { '': { type: 'object', properties: { kind: { type: 'string', ...lookup } } } },
    });
    const users = usersByHolder(model);
    expect(users).toEqual([['/definitions//properties/kind', ['PostThing']]]);
  });
});
