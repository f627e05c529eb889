import { describe, expect, it } from '@jest/globals';
import Ajv from 'ajv';
import { API_PROPERTIES_SCHEMA } from '../../../src/rules/api-properties/schema.js';
import { formatsUsedBy } from '../../../src/rules/json-schema/compile-schema.js';
import { SETTINGS_SCHEMA } from '../../../src/rules/settings/schema.js';
import { fileSchemaValidator } from './file-schema-validator.js';

// The validators are compiled ahead of time (standalone-validators.ts), which checks each schema
// against the meta-schema of its Ajv options; these tests hold them to draft-07 itself.
describe.each([
  ['apiProperties.json', API_PROPERTIES_SCHEMA],
  ['settings.json', SETTINGS_SCHEMA],
])('the %s schema', (_name, schema) => {
  it('is a valid JSON Schema (draft-07)', () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
  });

  it('compiles with the formats it names', () => {
    expect(formatsUsedBy(schema)).toEqual(['uri']);
    expect(() => fileSchemaValidator(schema)({})).not.toThrow();
  });
});

describe('formatsUsedBy', () => {
  it('finds format keywords at any depth, not properties named format', () => {
    const schema = {
      type: 'object',
      properties: {
        format: { type: 'string', format: 'date-time' },
        links: { type: 'array', items: { type: 'string', format: 'uri' } },
        either: { anyOf: [{ format: 'email' }, { format: 'uri' }] },
      },
    };
    expect(formatsUsedBy(schema)).toEqual(['date-time', 'email', 'uri']);
  });
});

describe('a schema validator', () => {
  it('checks a format it was given, and reports every error', () => {
    const problems = fileSchemaValidator({
      type: 'object',
      properties: { url: { type: 'string', format: 'uri' }, count: { type: 'integer' } },
    })({ url: 'not a uri', count: 'x' });
    expect(problems).toHaveLength(2);
  });

  it('quotes the value each error is about, read at its path whatever its key holds', () => {
    const problems = fileSchemaValidator({
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { list: { type: 'array', items: { type: 'integer', minimum: 2 } } },
        additionalProperties: { type: 'string', enum: ['a'] },
      },
    })({ 'x/y~z': { list: [1, 'two', 3.5], '~1': 'b', '': 7 } });
    expect(problems.map((problem) => [problem.pointer, problem.message])).toEqual([
      ['/x~1y~0z/~01', 'Value "b" is not defined in enum.'],
      ['/x~1y~0z/', 'Invalid type. Expected String but got Integer.'],
      ['/x~1y~0z/', 'Value 7 is not defined in enum.'],
      ['/x~1y~0z/list/0', 'Integer 1 is less than minimum value of 2.'],
      ['/x~1y~0z/list/1', 'Invalid type. Expected Integer but got String.'],
      ['/x~1y~0z/list/2', 'Invalid type. Expected Integer but got Float.'],
    ]);
  });

  it('reads a value an object inherits as Ajv does (a tolerant parse assigns a "__proto__" key)', () => {
    const parameters: unknown = Object.create({ inherited: { type: 5 } });
    const problems = fileSchemaValidator({
      type: 'object',
      additionalProperties: { type: 'object', properties: { type: { type: 'string' } } },
    })(parameters);
    expect(problems.map((problem) => [problem.pointer, problem.message])).toEqual([
      ['/inherited/type', 'Invalid type. Expected String but got Integer.'],
    ]);
  });
});
