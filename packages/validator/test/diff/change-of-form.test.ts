import { describe, expect, it } from '@jest/globals';
import { CHANGE_RULE_DOCS } from '../../src/diff/change-rule-docs.js';
import { diffEdited, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

// CHG-OTHER's entry said that no edit reads as "no change"; a refactor that changes nothing a flow
// sees does, rightly. The entry names the changes of form it lists nothing for: each is checked here.

const GET_TASK = '/tasks/{taskId}';

const forms: [string, (swagger: Json) => void][] = [
  [
    'the order of paths',
    (swagger) => (swagger.paths = Object.fromEntries(Object.entries(swagger.paths).reverse())),
  ],
  [
    'the order of keys',
    (swagger) => {
      const operation = swagger.paths[GET_TASK].get;
      swagger.paths[GET_TASK].get = Object.fromEntries(Object.entries(operation).reverse());
    },
  ],
  [
    'the order of definitions',
    // Of a base version with two (see below).
    (swagger) => (swagger.definitions = Object.fromEntries(Object.entries(swagger.definitions).reverse())),
  ],
  [
    'a definition renamed with the $refs to it',
    (swagger) => {
      swagger.definitions.TaskItem = swagger.definitions.Task;
      delete swagger.definitions.Task;
      const text = JSON.stringify(swagger.paths).replaceAll('#/definitions/Task"', '#/definitions/TaskItem"');
      swagger.paths = JSON.parse(text);
    },
  ],
  [
    'a parameter moved into #/parameters',
    (swagger) => {
      const operation = swagger.paths[GET_TASK].get;
      swagger.parameters = { taskId: operation.parameters[0] };
      operation.parameters = [{ $ref: '#/parameters/taskId' }];
    },
  ],
  [
    'a response schema inlined',
    (swagger) =>
      (swagger.paths[GET_TASK].get.responses['200'].schema = structuredClone(swagger.definitions.Task)),
  ],
  [
    'a parameter moved from its operation to its path item',
    (swagger) => {
      const pathItem = swagger.paths[GET_TASK];
      pathItem.parameters = pathItem.get.parameters;
      delete pathItem.get.parameters;
    },
  ],
];

describe('a change of form alone is no change', () => {
  it.each(forms)('%s', (name, edit) => {
    // The definitions' order is compared with a base version that has both, in the other order.
    const start = validSwagger();
    if (name === 'the order of definitions') {
      start.definitions.Owner = { type: 'object', properties: { name: { type: 'string' } } };
      start.definitions.Task.properties.owner = { $ref: '#/definitions/Owner' };
    }
    const edited = structuredClone(start);
    edit(edited);
    expect(JSON.stringify(edited)).not.toBe(JSON.stringify(start));
    expect(diffEdited(edit, start)).toEqual({ changes: [], classification: 'no-change' });
  });

  it("is what CHG-OTHER's entry says, naming each of them", () => {
    const said = CHANGE_RULE_DOCS.other.description;
    expect(said).toContain('A change of form alone is no change');
    for (const named of [
      'order of keys',
      'of paths',
      'a definition renamed',
      '#/parameters',
      'inlined',
      'path item',
    ]) {
      expect(said).toContain(named);
    }
  });
});
