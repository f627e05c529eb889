import { describe, expect, it } from '@jest/globals';
import { isEmptySchema } from '../../src/swagger/empty-schema.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

const definitions = {
  Bare: { type: 'object' },
  Described: { type: 'object', description: 'd', title: 't', 'x-ms-summary': 's' },
  Shaped: { type: 'object', properties: { id: { type: 'string' } } },
  ToBare: { $ref: '#/definitions/Bare' },
  ToShaped: { $ref: '#/definitions/Shaped' },
  LoopA: { $ref: '#/definitions/LoopB' },
  LoopB: { $ref: '#/definitions/LoopA' },
};

function empty(schema: unknown): boolean {
  return isEmptySchema(new SwaggerModel({ swagger: '2.0', definitions }), schema);
}

describe('isEmptySchema', () => {
  it.each([
    ['{}', {}],
    ['a bare object', { type: 'object' }],
    ['an object with descriptive keys only', { description: 'd', title: 't', 'x-ms-summary': 's' }],
    ['a $ref to a bare object', { $ref: '#/definitions/Bare' }],
    ['a $ref to descriptive keys only', { $ref: '#/definitions/Described' }],
    ['a two-hop $ref to a bare object', { $ref: '#/definitions/ToBare' }],
    ['a $ref whose siblings are ignored', { $ref: '#/definitions/Bare', properties: { a: {} } }],
  ])('is true for %s', (_name, schema) => {
    expect(empty(schema)).toBe(true);
  });

  it.each([
    ['a typed scalar', { type: 'string' }],
    ['an object with properties', { type: 'object', properties: {} }],
    ['a dynamic schema', { 'x-ms-dynamic-schema': { operationId: 'GetTask' } }],
    ['a descriptive key after a shaping one', { items: {}, description: 'd' }],
    ['a $ref to a shaped object', { $ref: '#/definitions/ToShaped' }],
    ['a broken $ref', { $ref: '#/definitions/Missing' }],
    ['a circular $ref', { $ref: '#/definitions/LoopA' }],
    ['a $ref that is not text', { $ref: 5 }],
    ['an array', []],
    ['null', null],
    ['text', 'object'],
  ])('is false for %s', (_name, schema) => {
    expect(empty(schema)).toBe(false);
  });
});
