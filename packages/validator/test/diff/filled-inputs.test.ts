import { describe, expect, it } from '@jest/globals';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';
import { isFilledForFlows } from '../../src/diff/schema-view.js';
import { diffSwaggers, type Json } from './diff-fixture.js';
import { dagSwagger } from '../helpers/reference-graph.js';

/**
 * Levels D0…D7 of `fields` required fields each, all referencing the next level; D7's one required
 * field has a default, so every level is filled for flows that do not send it. Telling so looked at
 * each path to the bottom: fields^7 of them (8 fields: 38 s in `diff`; 30 fields: days).
 */
function filledLevels(fields: number): Json {
  const swagger = dagSwagger(1);
  swagger.definitions = {};
  for (let level = 0; level < 8; level++) {
    const names = level < 7 ? Array.from({ length: fields }, (_, index) => `p${index}`) : ['leaf'];
    const properties: Json = {};
    for (const name of names) {
      properties[name] =
        level < 7 ? { $ref: `#/definitions/D${level + 1}` } : { type: 'string', default: 'x' };
    }
    swagger.definitions[`D${level}`] = { type: 'object', properties, required: names };
  }
  return swagger;
}

/** A real model that counts the `$ref` resolutions asked of it. */
class CountingModel extends SwaggerModel {
  resolutions = 0;
  override resolve(value: unknown, pointer: string) {
    this.resolutions++;
    return super.resolve(value, pointer);
  }
}

describe('required inputs filled for flows, through definitions reused at every level', () => {
  it('looks at each level once, not once per path to it (4 fields: 60,074 resolutions before)', () => {
    const model = new CountingModel(filledLevels(4), true);
    expect(isFilledForFlows(model, { $ref: '#/definitions/D0' }, '/paths/~1x/post/parameters/0/schema')).toBe(
      true,
    );
    // One look per level and field (8 × 4 schemas and their $refs), not 4^7 paths.
    expect(model.resolutions).toBeLessThan(100);
  });

  it('still tells a level that is not filled: a required field without a default at the bottom', () => {
    const swagger = filledLevels(4);
    delete swagger.definitions.D7.properties.leaf.default;
    const model = new SwaggerModel(swagger, true);
    expect(isFilledForFlows(model, { $ref: '#/definitions/D0' }, '/x')).toBe(false);
    expect(
      isFilledForFlows(model, swagger.definitions.D7.properties.leaf, '/definitions/D7/properties/leaf'),
    ).toBe(false);
  });

  it('diffs a field made required on 30 fields a level: no break, as every field below is filled', () => {
    const before = filledLevels(30);
    before.definitions.D0.properties.extra = { $ref: '#/definitions/D1' };
    const after = structuredClone(before);
    after.definitions.D0.required.push('extra');
    const result = diffSwaggers(before, after);
    expect(result.changes.map(({ ruleId, message, valuePath }) => ({ ruleId, message, valuePath }))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        message: "Other properties have been changed. Changed: required (added 'extra').",
        valuePath: 'operation/Op/parameter/body/schema',
      },
    ]);
  });
});
