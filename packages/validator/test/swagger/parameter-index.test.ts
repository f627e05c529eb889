import { describe, expect, it } from '@jest/globals';
import { writtenParameters } from '../../src/rules/operations/parameter-index.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

describe('writtenParameters', () => {
  it('lists each parameter object once, at its definition, with its visibility', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: {
        Top: { name: 'top', in: 'query', type: 'integer' },
        'a~b': { name: 'tilde', in: 'query', type: 'string' },
        Unused: { name: 'unused', in: 'query', type: 'string' },
      },
      paths: {
        '/sites/{site}': {
          parameters: [{ name: 'site', in: 'path', required: true, type: 'string' }],
          get: {
            operationId: 'Hidden',
            'x-ms-visibility': 'internal',
            parameters: [{ $ref: '#/parameters/Top' }, { $ref: '#/parameters/a~0b' }],
          },
          put: {
            operationId: 'Shown',
            // The same definition through a pointer that is not RFC 6901 (a stray '~'): reported there too, as before.
            parameters: [{ $ref: '#/parameters/Top' }, { $ref: '#/parameters/a~b' }, 'not an object'],
          },
        },
      },
    });
    const listed = writtenParameters(model).map((p) => ({
      pointer: p.pointer,
      name: p.name,
      visible: p.visible,
    }));
    expect(listed).toEqual([
      { pointer: '/parameters/Top', name: 'top', visible: true },
      { pointer: '/parameters/a~0b', name: 'tilde', visible: false },
      { pointer: '/parameters/Unused', name: 'unused', visible: false },
      { pointer: '/paths/~1sites~1{site}/parameters/0', name: 'site', visible: true },
      { pointer: '/parameters/a~b', name: 'tilde', visible: true },
    ]);
  });

  it('lists a parameter written in an operation once when a $ref leads to it, whichever comes first', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/b': { get: { operationId: 'UsesIt', parameters: [{ $ref: '#/paths/~1c/get/parameters/0' }] } },
        '/c': {
          get: { operationId: 'WritesIt', parameters: [{ name: 'site', in: 'query', type: 'string' }] },
          put: { operationId: 'AlsoUsesIt', parameters: [{ $ref: '#/paths/~1c/get/parameters/0' }] },
        },
        '/d': { get: { operationId: 'Other', parameters: [{ name: 'top', in: 'query', type: 'integer' }] } },
      },
    });
    const listed = writtenParameters(model).map((p) => p.pointer);
    expect(listed).toEqual(['/paths/~1c/get/parameters/0', '/paths/~1d/get/parameters/0']);
  });

  it('lists a parameter without a name but not an empty one, with the name and location read from it', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: { Global: { in: 'header', type: 'string' } },
      paths: {
        '/a': {
          get: {
            parameters: [{}, { in: 'query', type: 'string' }, { name: 'top', in: 'query', type: 'integer' }],
          },
        },
      },
    });
    const listed = writtenParameters(model).map((p) => [p.pointer, p.name, p.in]);
    expect(listed).toEqual([
      ['/parameters/Global', undefined, 'header'],
      ['/paths/~1a/get/parameters/1', undefined, 'query'],
      ['/paths/~1a/get/parameters/2', 'top', 'query'],
    ]);
  });
});
