import { describe, expect, it } from '@jest/globals';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { OperationKey } from '../../src/swagger/operation-keys.js';

/** A swagger whose path needs escaping, with inherited, overridden, referenced and broken entries. */
function model(): SwaggerModel {
  return new SwaggerModel({
    swagger: '2.0',
    parameters: { Top: { name: 'top', in: 'query', type: 'integer' } },
    responses: { NotFound: { description: 'Not found' } },
    paths: {
      '/sites/{site}/a~b': {
        parameters: [
          { name: 'site', in: 'path', required: true, type: 'string' },
          { name: 'mode', in: 'query', type: 'string' },
        ],
        get: {
          operationId: 'GetThing',
          'x-ms-visibility': 'internal',
          parameters: [{ $ref: '#/parameters/Top' }, { name: 'mode', in: 'query', type: 'integer' }],
          responses: {
            '200': { description: 'OK' },
            '404': { $ref: '#/responses/NotFound' },
            '500': { $ref: '#/responses/Missing' },
          },
        },
        post: { parameters: ['not an object'], responses: {} },
      },
    },
  });
}

describe('SwaggerModel.operations', () => {
  it('names each operation, parameter and response where it is written, escaped, and its definition after $refs', () => {
    const [get, post] = model().operations;
    expect({
      pointer: get!.pointer,
      pathItemPointer: get!.pathItemPointer,
      operationId: get!.operationId,
      isInternal: get!.isInternal,
    }).toEqual({
      pointer: '/paths/~1sites~1{site}~1a~0b/get',
      pathItemPointer: '/paths/~1sites~1{site}~1a~0b',
      operationId: 'GetThing',
      isInternal: true,
    });
    expect(
      get!.parameters.map(({ pointer, definitionPointer, name, level, isInternal }) => ({
        pointer,
        definitionPointer,
        name,
        level,
        isInternal,
      })),
    ).toEqual([
      {
        pointer: '/paths/~1sites~1{site}~1a~0b/parameters/0',
        definitionPointer: '/paths/~1sites~1{site}~1a~0b/parameters/0',
        name: 'site',
        level: 'path',
        isInternal: true,
      },
      {
        pointer: '/paths/~1sites~1{site}~1a~0b/get/parameters/0',
        definitionPointer: '/parameters/Top',
        name: 'top',
        level: 'operation',
        isInternal: true,
      },
      {
        pointer: '/paths/~1sites~1{site}~1a~0b/get/parameters/1',
        definitionPointer: '/paths/~1sites~1{site}~1a~0b/get/parameters/1',
        name: 'mode',
        level: 'operation',
        isInternal: true,
      },
    ]);
    expect(
      get!.responses.map(({ code, pointer, definitionPointer }) => [code, pointer, definitionPointer]),
    ).toEqual([
      [
        '200',
        '/paths/~1sites~1{site}~1a~0b/get/responses/200',
        '/paths/~1sites~1{site}~1a~0b/get/responses/200',
      ],
      ['404', '/paths/~1sites~1{site}~1a~0b/get/responses/404', '/responses/NotFound'],
      [
        '500',
        '/paths/~1sites~1{site}~1a~0b/get/responses/500',
        '/paths/~1sites~1{site}~1a~0b/get/responses/500',
      ],
    ]);
    // A path parameter inherited by an operation that is not internal stays visible there.
    expect(
      post!.parameters.map(({ pointer, value, isInternal }) => ({ pointer, value, isInternal })),
    ).toEqual([
      { pointer: '/paths/~1sites~1{site}~1a~0b/parameters/0', value: expect.anything(), isInternal: false },
      { pointer: '/paths/~1sites~1{site}~1a~0b/parameters/1', value: expect.anything(), isInternal: false },
      { pointer: '/paths/~1sites~1{site}~1a~0b/post/parameters/0', value: {}, isInternal: false },
    ]);
  });
});

describe('SwaggerModel.operations', () => {
  it('lists the methods of a path item in the order get, put, post, delete, options, head, patch, whatever order they are written in', () => {
    const listed = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/b': {
          patch: { operationId: 'PatchB' },
          'x-ms-notification-content': {},
          head: { operationId: 'HeadB' },
          parameters: [],
          delete: { operationId: 'DeleteB' },
          get: { operationId: 'GetB' },
          // Not an operation: a method whose value is no object, and a key that is no method.
          put: 'not an object',
          GET: { operationId: 'Uppercase' },
          options: { operationId: 'OptionsB' },
          post: { operationId: 'PostB' },
        },
        '/a': { parameters: [{ name: 'x', in: 'query', type: 'string' }] },
        '/c': { put: { operationId: 'PutC' } },
      },
    }).operations.map((operation) => `${operation.method} ${operation.path} ${operation.operationId}`);
    expect(listed).toEqual([
      'get /b GetB',
      'post /b PostB',
      'delete /b DeleteB',
      'options /b OptionsB',
      'head /b HeadB',
      'patch /b PatchB',
      'put /c PutC',
    ]);
  });
});

describe('OperationInfo.keys', () => {
  it('notes which of the keys most operations lack each operation has, whatever their values', () => {
    const [plain, full] = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/a': {
          get: { operationId: 'Plain', summary: 'Plain', responses: {} },
          post: {
            schemes: ['https'],
            consumes: [],
            produces: 'not a list',
            security: [],
            'x-ms-api-annotation': {},
            'x-ms-pageable': null,
            'x-ms-capabilities': {},
            'x-ms-notification': {},
            'x-ms-operation-context': {},
            'x-ms-trigger-metadata': {},
            'x-ms-visibility': 'internal',
            'x-ms-trigger': 'single',
            deprecated: false,
            'x-ms-agentic-protocol': 'mcp-streamable-1.0',
            // Keys of the same lengths as noted ones are not taken for them.
            'x-ms-visibilityy': 'internal',
            consumez: [],
          },
        },
      },
    }).operations;
    const named = (keys: number) =>
      Object.entries(OperationKey)
        .filter(([, bit]) => (keys & bit) !== 0)
        .map(([name]) => name);
    expect(named(plain!.keys)).toEqual([]);
    expect(named(full!.keys)).toEqual(Object.keys(OperationKey));
    expect([full!.isInternal, full!.isTrigger, full!.isDeprecated]).toEqual([true, true, false]);
    expect([plain!.isMcp, full!.isMcp]).toEqual([false, true]);
  });
});

describe('OperationInfo.listsParameterRefs', () => {
  it('says whether the operation’s own or its path item’s parameters list has a $ref entry', () => {
    const listed = new SwaggerModel({
      swagger: '2.0',
      parameters: { Top: { name: 'top', in: 'query', type: 'integer' } },
      paths: {
        '/own': {
          get: { parameters: [{ name: 'a', in: 'query', type: 'string' }, { $ref: '#/parameters/Missing' }] },
          post: { parameters: [{ name: 'a', in: 'query', type: 'string' }, 'not an object'] },
        },
        '/shared': {
          parameters: [{ $ref: '#/parameters/Top' }],
          get: {},
          put: { parameters: [{ name: 'top', in: 'query', type: 'string' }] },
        },
        '/odd': { get: { parameters: [{ $ref: 7 }] } },
      },
    }).operations.map((operation) => `${operation.method} ${operation.path} ${operation.listsParameterRefs}`);
    expect(listed).toEqual([
      'get /own true',
      'post /own false',
      'get /shared true',
      'put /shared true',
      'get /odd false',
    ]);
  });
});
