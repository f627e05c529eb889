import { describe, expect, it } from '@jest/globals';
import { dynamicCalls } from '../../src/rules/operations/dynamic-index.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

const lookup = { 'x-ms-dynamic-values': { operationId: 'ListThings' } };
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
          'x-ms-notification-content': { schema: { type: 'object', properties: { id: { ...lookup } } } },
          post: trigger('OnCreated'),
          put: trigger('OnChanged'),
          get: { operationId: 'GetHook', responses: {} },
        },
      },
    });
    const users = dynamicCalls(model).map((call) => [
      call.holderPointer,
      call.users.map((user) => user.operationId),
    ]);
    expect(users).toEqual([
      ['/parameters/kind', ['ListThings', 'PutShared']],
      ['/paths/~1shared/parameters/0', ['PutShared', 'PatchShared']],
      ['/parameters/payload/schema/properties/thing', ['PatchShared']],
      ['/paths/~1hooks/x-ms-notification-content/schema/properties/id', ['OnChanged', 'OnCreated']],
    ]);
  });
});
