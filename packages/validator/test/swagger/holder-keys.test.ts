import { describe, expect, it } from '@jest/globals';
import { structureOf, writtenSchemasOf } from '../../src/rules/swagger/structure.js';
import { HolderKey } from '../../src/rules/operations/holder-key-bits.js';
import { holderKeysOf } from '../../src/rules/operations/holder-keys.js';
import { bitOfKey, SCHEMA_HOLDER_KEY_BITS } from '../../src/rules/operations/holder-key-bits.js';
import { writtenParameters } from '../../src/rules/operations/parameter-index.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { MAX_SCHEMA_WALK_DEPTH } from '../../src/swagger/schema-walk.js';

/** The names of the bits set in a holder's notes, for readable expectations. */
function named(bits: number): string[] {
  return Object.entries(HolderKey)
    .filter(([, bit]) => (bits & bit) !== 0)
    .map(([name]) => name);
}

describe('HolderKey', () => {
  it('keeps every bit a schema key can earn within the bits the structure walk stores', () => {
    // A bit above them would be shifted out of the walk's 32-bit notes and silently lost.
    const parameterOnly = new Set<number>([
      HolderKey.urlEncoding,
      HolderKey.allowEmptyValue,
      HolderKey.collectionFormat,
    ]);
    for (const bit of Object.values(HolderKey)) {
      if (parameterOnly.has(bit)) expect(bit).toBeGreaterThanOrEqual(1 << SCHEMA_HOLDER_KEY_BITS);
      else expect(bit).toBeLessThan(1 << SCHEMA_HOLDER_KEY_BITS);
    }
    expect([...parameterOnly].map((bit) => bitOfKey(keyOf(bit)))).toEqual([0, 0, 0]);
  });
});

/** The key whose parameter-only bit this is. */
function keyOf(bit: number): string {
  return (
    { [HolderKey.urlEncoding]: 'x-ms-url-encoding', [HolderKey.allowEmptyValue]: 'allowEmptyValue' }[bit] ??
    'collectionFormat'
  );
}

describe('holderKeysOf', () => {
  it('notes the keys each written parameter and schema has, in the lists’ order', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      parameters: {
        Top: { name: 'top', in: 'query', type: 'integer', default: 10, 'x-ms-visibility': 'internal' },
      },
      paths: {
        '/things': {
          get: {
            parameters: [
              { $ref: '#/parameters/Top' },
              { name: 'kind', in: 'query', type: 'string', enum: ['a'], 'x-ms-enum-values': [] },
              { name: 'site', in: 'query', type: 'string', 'x-ms-dynamic-tree': {} },
              {
                name: 'body',
                in: 'body',
                schema: {
                  // Keys of the same lengths as noted ones are not taken for them.
                  properties: { when: { type: 'string', format: 'date', 'x-ms-dynamic-lists': {} } },
                  'x-ms-dynamic-properties': {},
                  propertiez: {},
                },
              },
            ],
            responses: {},
          },
        },
      },
      definitions: {
        Plain: { type: 'object', description: 'no noted key', title: 'Plain', 'x-ms-summary': 'x' },
        Listed: {
          type: 'string',
          'x-ms-dynamic-list': {},
          'x-ms-dynamic-values': {},
          'x-ms-dynamic-schema': {},
        },
      },
    });
    const keys = holderKeysOf(model);
    const parameters = writtenParameters(model).map((parameter, index) => [
      parameter.name,
      named(keys.parameters[index]!),
    ]);
    expect(parameters).toEqual([
      ['top', ['default', 'visibility']],
      ['kind', ['enum', 'enumValues']],
      ['site', ['dynamic']],
      ['body', []],
    ]);
    const schemas = writtenSchemasOf(model).map((schema, index) => [
      schema.pointer,
      named(keys.schemas[index]!),
    ]);
    expect(schemas).toEqual([
      ['/definitions/Plain', []],
      ['/definitions/Listed', ['dynamic']],
      ['/paths/~1things/get/parameters/3/schema', ['dynamic', 'properties']],
      ['/paths/~1things/get/parameters/3/schema/properties/when', ['format']],
    ]);
  });

  it('notes a file type and a true notification URL by their values', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {},
      definitions: {
        File: { type: 'file' },
        Text: { type: 'string', 'x-ms-notification-url': true },
        Unmarked: { type: ['file', 'string'], 'x-ms-notification-url': 'true' },
        // A file type as meant: in other case, or a list of one type besides null.
        Meant: { type: 'File' },
        Listed: { type: ['file', 'null'] },
      },
    });
    expect([...holderKeysOf(model).schemas].map(named)).toEqual([
      ['fileType'],
      ['notificationUrl'],
      [],
      ['fileType'],
      ['fileType'],
    ]);
  });

  it('notes the parameter-only keys on parameters, never on schemas', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {
        '/things/{id}': {
          get: {
            parameters: [
              { name: 'id', in: 'path', type: 'string', 'x-ms-url-encoding': 'single' },
              { name: 'tags', in: 'query', type: 'array', collectionFormat: 'csv', allowEmptyValue: true },
              {
                name: 'body',
                in: 'body',
                schema: { 'x-ms-url-encoding': 'single', collectionFormat: 'csv', allowEmptyValue: true },
              },
            ],
            responses: {},
          },
        },
      },
    });
    const keys = holderKeysOf(model);
    expect([...keys.parameters].map(named)).toEqual([
      ['urlEncoding'],
      ['allowEmptyValue', 'collectionFormat'],
      [],
    ]);
    expect([...keys.schemas].map(named)).toEqual([[]]);
  });

  it('reads only own keys, as `has` does', () => {
    const inherited = Object.create({ default: 1, enum: [] }) as Record<string, unknown>;
    inherited.type = 'string';
    const model = new SwaggerModel({ swagger: '2.0', paths: {}, definitions: { Inherited: inherited } });
    expect(named(holderKeysOf(model).schemas[0]!)).toEqual([]);
  });

  it('notes a key whatever its value’s type, and a file type beside a misspelled key', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {},
      definitions: {
        Odd: { properties: [], format: 7, enum: 'a', default: null, 'x-ms-visibility': 1 },
        File: { type: 'file', Type: 'string' },
      },
    });
    expect([...holderKeysOf(model).schemas].map(named)).toEqual([
      ['default', 'enum', 'format', 'visibility', 'properties'],
      ['fileType'],
    ]);
  });

  it('keeps each schema’s bits at its index when schemas nested too deep are left out', () => {
    // A chain of `items` one level deeper than the schema walks go, each level with a format.
    let deepest: Record<string, unknown> = { format: 'date' };
    for (let depth = 0; depth <= MAX_SCHEMA_WALK_DEPTH; depth++) deepest = { format: 'date', items: deepest };
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {},
      definitions: { Deep: deepest, After: { enum: ['a'] } },
    });
    const written = writtenSchemasOf(model);
    expect(structureOf(model).schemas.length).toBe(written.length + 1);
    const bits = holderKeysOf(model).schemas;
    expect(bits.length).toBe(written.length);
    expect(named(bits[written.length - 2]!)).toEqual(['format']);
    expect(written[written.length - 1]!.pointer).toBe('/definitions/After');
    expect(named(bits[written.length - 1]!)).toEqual(['enum']);
  });

  it('lists the schemas of each key in order, the same as testing every schema’s bits', () => {
    const model = new SwaggerModel({
      swagger: '2.0',
      paths: {},
      definitions: {
        A: { type: 'string', format: 'date', default: 'x', 'x-ms-visibility': 'internal' },
        B: { type: 'object', properties: { c: { type: 'file' }, d: { enum: ['a'], format: 'uuid' } } },
        E: { type: 'string', 'x-ms-notification-url': true, 'x-ms-dynamic-values': {} },
        F: { 'x-ms-enum-values': [], format: 'int32' },
      },
    });
    const keys = holderKeysOf(model);
    const pointers = writtenSchemasOf(model).map((schema) => schema.pointer);
    const listed = (bit: number): string[] => [...keys.schemasWith(bit)].map((index) => pointers[index]!);
    expect(listed(HolderKey.format)).toEqual([
      '/definitions/A',
      '/definitions/B/properties/d',
      '/definitions/F',
    ]);
    expect(listed(HolderKey.fileType)).toEqual(['/definitions/B/properties/c']);
    expect(listed(HolderKey.collectionFormat)).toEqual([]);
    for (const bit of Object.values(HolderKey)) {
      const tested = pointers.filter((_, index) => (keys.schemas[index]! & bit) !== 0);
      expect([bit, listed(bit)]).toEqual([bit, tested]);
    }
  });
});
