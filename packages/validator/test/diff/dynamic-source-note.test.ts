import { describe, expect, it } from '@jest/globals';
import { diffEdited, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

// A changed x-ms-dynamic-* source was told as "Changed: x-ms-dynamic-values." alone: a maintainer
// could not tell why it is no breaking change, nor what to check.

const PICKER =
  "Changed: x-ms-dynamic-values. x-ms-dynamic-values only decides the values the designer offers: flows keep sending the values they were saved with, so check that the service still takes the values the base version's source listed.";
const FIELDS =
  "Changed: x-ms-dynamic-schema. x-ms-dynamic-schema decides the fields the designer fetches: flows keep the fields they were saved with, so check that the new source gives the base version's fields (one it no longer gives breaks the flows that use it, and no comparison of the swaggers can see that).";

/** The swagger with ListTasks' `status` filled from GetTask's answer. */
function withDynamicValues(): Json {
  const swagger = validSwagger();
  swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'] = {
    operationId: 'GetTask',
    'value-path': 'status',
  };
  return swagger;
}

/** The swagger with GetTask's answer read from ListTasks' schema. */
function withDynamicSchema(): Json {
  const swagger = validSwagger();
  swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = {
    type: 'object',
    'x-ms-dynamic-schema': { operationId: 'ListTasks', 'value-path': 'schema' },
  };
  return swagger;
}

const told = (edit: (swagger: Json) => void, start: Json) =>
  diffEdited(edit, start).changes.map(({ ruleId, impact, message }) => ({ ruleId, impact, message }));

describe('a changed x-ms-dynamic-* source says why flows keep working and what to check', () => {
  it.each([
    [
      'another source operation',
      (parameter: Json) => (parameter['x-ms-dynamic-values'].operationId = 'ListTasks'),
    ],
    ['another value-path', (parameter: Json) => (parameter['x-ms-dynamic-values']['value-path'] = 'title')],
    ['the extension removed', (parameter: Json) => delete parameter['x-ms-dynamic-values']],
  ])('x-ms-dynamic-values of an input: %s', (_, edit) => {
    const changes = told((swagger) => edit(swagger.paths['/tasks'].get.parameters[0]), withDynamicValues());
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'major',
        message: `Other properties have been changed. ${PICKER}`,
      },
    ]);
  });

  it('x-ms-dynamic-schema of an output: another source operation', () => {
    const changes = told((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].schema['x-ms-dynamic-schema'].operationId =
        'CreateTask';
    }, withDynamicSchema());
    expect(changes).toEqual([
      { ruleId: 'CHG-OTHER', impact: 'major', message: expect.stringContaining(FIELDS) },
    ]);
  });

  it.each([
    ['x-ms-dynamic-list', PICKER],
    ['x-ms-dynamic-tree', PICKER],
    ['x-ms-dynamic-properties', FIELDS],
  ])('%s of an input: another source operation', (key, note) => {
    const start = validSwagger();
    start.paths['/tasks'].get.parameters[0][key] = { operationId: 'GetTask' };
    const changes = told(
      (swagger) => (swagger.paths['/tasks'].get.parameters[0][key].operationId = 'ListTasks'),
      start,
    );
    const named = note.includes('x-ms-dynamic-values') ? 'x-ms-dynamic-values' : 'x-ms-dynamic-schema';
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'major',
        message: `Other properties have been changed. ${note.replaceAll(named, key)}`,
      },
    ]);
  });

  it('says both notes when a source of values and a source of fields changed together', () => {
    const start = withDynamicValues();
    start.paths['/tasks'].get.parameters[0]['x-ms-dynamic-schema'] = { operationId: 'GetTask' };
    const changes = told((swagger) => {
      const parameter = swagger.paths['/tasks'].get.parameters[0];
      parameter['x-ms-dynamic-values'].operationId = 'ListTasks';
      parameter['x-ms-dynamic-schema'].operationId = 'ListTasks';
    }, start);
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'major',
        message: expect.stringMatching(
          /Changed: x-ms-dynamic-schema, x-ms-dynamic-values\. x-ms-dynamic-values only decides the values .* x-ms-dynamic-schema decides the fields /,
        ),
      },
    ]);
  });

  it('says nothing more of another key', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get.parameters[0].pattern = '^[a-z]+$'));
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: pattern (from none to '^[a-z]+$').",
    ]);
  });
});

// The fix of a broken dropdown (its base target operation did not exist) was a major update, with the
// advice to check "the values the base version's source listed": it had listed none.
describe('a dynamic call whose base target did not exist', () => {
  const BROKEN = (key: string) =>
    `The base version's ${key} called 'GetTaskz', which is no operation of that version: the designer could get nothing from it, so no flow holds what it gave, and changing it breaks none.`;
  const brokenValues = (): Json => {
    const swagger = withDynamicValues();
    swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'].operationId = 'GetTaskz';
    return swagger;
  };

  it('is a minor change once fixed, with advice that fits', () => {
    const changes = told(
      (swagger) => (swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values'].operationId = 'GetTask'),
      brokenValues(),
    );
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'minor',
        message: `Other properties have been changed. Changed: x-ms-dynamic-values. ${BROKEN('x-ms-dynamic-values')}`,
      },
    ]);
  });

  it('of a schema too', () => {
    const start = withDynamicSchema();
    start.paths['/tasks/{taskId}'].get.responses['200'].schema['x-ms-dynamic-schema'].operationId =
      'GetTaskz';
    const changes = told((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].schema['x-ms-dynamic-schema'].operationId =
        'ListTasks';
    }, start);
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'minor',
        message: expect.stringContaining(BROKEN('x-ms-dynamic-schema')),
      },
    ]);
  });

  it.each([
    ['x-ms-dynamic-list', { operationId: 'GetTaskz' }, (call: Json) => (call.operationId = 'GetTask')],
    ['x-ms-dynamic-properties', { operationId: 'GetTaskz' }, (call: Json) => (call.operationId = 'GetTask')],
    [
      'x-ms-dynamic-tree',
      { open: { operationId: 'GetTaskz' }, browse: { operationId: 'GetTask' } },
      (call: Json) => (call.open.operationId = 'GetTask'),
    ],
    [
      'x-ms-dynamic-tree',
      { open: { operationId: 'GetTask' }, browse: { operationId: 'GetTaskz' } },
      (call: Json) => (call.browse.operationId = 'GetTask'),
    ],
  ])('of an input %s (%j) too', (key, call, fix) => {
    const start = validSwagger();
    start.paths['/tasks'].get.parameters[0][key] = call;
    const changes = told((swagger) => fix(swagger.paths['/tasks'].get.parameters[0][key]), start);
    expect(changes).toEqual([
      { ruleId: 'CHG-OTHER', impact: 'minor', message: expect.stringContaining(BROKEN(key)) },
    ]);
  });

  it('reads the base version for the target: a call to an operation the new version deleted is no fix', () => {
    const changes = diffEdited((swagger) => {
      delete swagger.paths['/tasks/{taskId}'];
      swagger.paths['/tasks'].get.parameters[0]['x-ms-dynamic-values']['value-path'] = 'title';
    }, withDynamicValues()).changes.filter((change) => change.pointer === '/paths/~1tasks/get/parameters/0');
    expect(changes.map(({ ruleId, impact, message }) => ({ ruleId, impact, message }))).toEqual([
      { ruleId: 'CHG-OTHER', impact: 'major', message: `Other properties have been changed. ${PICKER}` },
    ]);
  });

  it('leaves the change major when another key changed with it', () => {
    const changes = told((swagger) => {
      const parameter = swagger.paths['/tasks'].get.parameters[0];
      parameter['x-ms-dynamic-values'].operationId = 'GetTask';
      parameter.pattern = '^[a-z]+$';
    }, brokenValues());
    expect(changes).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'major',
        message: `Other properties have been changed. Changed: pattern (from none to '^[a-z]+$'), x-ms-dynamic-values. ${BROKEN('x-ms-dynamic-values')}`,
      },
    ]);
  });
});
