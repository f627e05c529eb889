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
});
