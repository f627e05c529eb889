import { describe, expect, it } from '@jest/globals';
import { valueAtPointer } from '../../src/json/pointer.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

/** Sections of every kind a reference can meet: objects, an array, a string, null. */
const ROOT = {
  swagger: '2.0',
  definitions: {
    Pet: { type: 'object', properties: { name: { type: 'string' } } },
    'a/b': { type: 'integer' },
    'c~d': { type: 'number' },
    '': { type: 'boolean' },
    Nothing: null,
  },
  parameters: { Top: { name: 'top', in: 'query' } },
  responses: { NotFound: { description: 'Not found' } },
  // Named like a section references name, with more after it: not that section.
  definitionsCopy: { Pet: { type: 'string' } },
  tags: [{ name: 'first' }],
  info: null,
};

describe('SwaggerModel.resolveRef', () => {
  it('finds what the pointer names, escaped or not, and nothing that is only on the prototype', () => {
    const refs = [
      '#/definitions/Pet',
      '#/definitions/Pet/properties/name',
      '#/definitions/a~1b',
      '#/definitions/c~0d',
      '#/definitions/',
      '#/definitions/Nothing',
      '#/definitions/Missing',
      '#/definitions/constructor',
      '#/definitions/__proto__',
      '#/definitions',
      '#/parameters/Top',
      '#/responses/NotFound',
      '#/definitionsCopy/Pet',
      '#/definition/Pet',
      '#/response/NotFound',
      '#/tags/0',
      '#/tags/1',
      '#/swagger/length',
      '#/info/x',
      '#/toString/x',
      '#/nowhere/Pet',
      '#/',
      '#',
    ];
    const model = new SwaggerModel(ROOT);
    const found = refs.map((ref) => model.resolveRef(ref));
    const expected = refs.map((ref) => {
      const pointer = ref.slice(1);
      const value = valueAtPointer(ROOT, pointer);
      return value === undefined && !(ref === '#/definitions/Nothing') ? undefined : { value, pointer };
    });
    expect(found).toEqual(expected);
    expect(found.filter((target) => target !== undefined)).toHaveLength(12);
  });

  it('answers nothing for references that are not local pointers', () => {
    const model = new SwaggerModel(ROOT);
    for (const ref of ['definitions/Pet', 'other.json#/definitions/Pet', '#definitions/Pet', '']) {
      expect(model.resolveRef(ref)).toBeUndefined();
    }
  });
});
