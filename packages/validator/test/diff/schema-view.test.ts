import { describe, expect, it } from '@jest/globals';
import { hasRequiredFields, isFilledForFlows, viewSchema } from '../../src/diff/schema-view.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import type { Json } from './diff-fixture.js';

/** A swagger that holds only these definitions, for schemas that `$ref` them. */
function modelWith(definitions: Json): SwaggerModel {
  return new SwaggerModel({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, definitions });
}

describe('viewSchema merges allOf members under what the schema itself says', () => {
  const model = modelWith({
    Base: {
      type: 'object',
      format: 'base-format',
      enum: ['x', 'y', 'z'],
      items: { type: 'integer' },
      properties: { id: { type: 'string' } },
      required: ['id'],
    },
  });

  it("keeps the schema's own type, format, enum and items over a member's", () => {
    const view = viewSchema(
      model,
      {
        type: 'array',
        format: 'own-format',
        enum: ['x'],
        items: { type: 'string' },
        allOf: [{ $ref: '#/definitions/Base' }],
      },
      '/s',
    )!;
    expect(view.type).toBe('array');
    expect(view.format).toBe('own-format');
    expect(view.enum).toEqual(['x']);
    expect(view.items).toEqual({ value: { type: 'string' }, pointer: '/s/items' });
    expect([...view.properties.keys()]).toEqual(['id']);
  });

  it("takes a member's type, format, enum and items where the schema has none", () => {
    const view = viewSchema(model, { allOf: [{ $ref: '#/definitions/Base' }] }, '/s')!;
    expect(view.type).toBe('object');
    expect(view.format).toBe('base-format');
    expect(view.enum).toEqual(['x', 'y', 'z']);
    expect(view.items).toEqual({ value: { type: 'integer' }, pointer: '/definitions/Base/items' });
  });

  it('skips a member that is no object or whose $ref points to nothing', () => {
    const view = viewSchema(
      model,
      { properties: { note: { type: 'string' } }, allOf: ['Base', { $ref: '#/definitions/Missing' }] },
      '/s',
    )!;
    expect([...view.properties.keys()]).toEqual(['note']);
    expect([...view.merged]).toEqual(['/s']);
  });

  it('places a required name listed twice at its first listing, and ignores names that are no string', () => {
    const view = viewSchema(
      model,
      { properties: { title: { type: 'string' } }, required: [7, 'title', 'title'] },
      '/s',
    )!;
    expect([...view.required]).toEqual(['title']);
    expect(view.requiredAt.get('title')).toBe('/s/required/1');
  });
});

describe('isFilledForFlows: a required input that existing flows need not send', () => {
  const model = modelWith({
    Ticket: {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, created: { type: 'string', default: 'now' } },
      required: ['id', 'created'],
    },
    // Each node requires its parent, which is a node too: no level is filled, however deep.
    Node: {
      type: 'object',
      properties: { parent: { $ref: '#/definitions/Node' } },
      required: ['parent'],
    },
  });

  it('is filled when the service fills it (readOnly) or it has a default', () => {
    expect(isFilledForFlows(model, { type: 'string', readOnly: true }, '/s')).toBe(true);
    expect(isFilledForFlows(model, { type: 'string', default: '' }, '/s')).toBe(true);
    expect(isFilledForFlows(model, { type: 'string', readOnly: 'true' }, '/s')).toBe(false);
    expect(isFilledForFlows(model, { type: 'string' }, '/s')).toBe(false);
  });

  it('is filled when every required field of an object is filled', () => {
    expect(isFilledForFlows(model, { $ref: '#/definitions/Ticket' }, '/s')).toBe(true);
  });

  it('is not filled when it cannot be followed: a $ref to nothing, or no object', () => {
    expect(isFilledForFlows(model, { $ref: '#/definitions/Missing' }, '/s')).toBe(false);
    expect(isFilledForFlows(model, 'string', '/s')).toBe(false);
    expect(isFilledForFlows(model, null, '/s')).toBe(false);
  });

  it('is not filled when its required fields require themselves, down to the depth it looks', () => {
    expect(isFilledForFlows(model, { $ref: '#/definitions/Node' }, '/s')).toBe(false);
  });
});

describe('hasRequiredFields', () => {
  const model = modelWith({ Task: { type: 'object', required: ['title'] } });

  it('tells a schema that lists required fields, through its $ref, from one that cannot be followed', () => {
    expect(hasRequiredFields(model, { $ref: '#/definitions/Task' }, '/s')).toBe(true);
    expect(hasRequiredFields(model, { $ref: '#/definitions/Missing' }, '/s')).toBe(false);
    expect(hasRequiredFields(model, { type: 'object' }, '/t')).toBe(false);
  });
});
