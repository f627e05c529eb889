import { describe, expect, it } from '@jest/globals';
import { diffConnectors, type ConnectorJson } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// An operation that enters or leaves apiProperties.json's scriptOperations starts or stops going
// through script.csx: the change names it (walkthrough s36, F-CHG-2).

function withScriptOperations(operations: unknown): Required<ConnectorJson> {
  const apiProperties = validApiProperties();
  if (operations !== undefined)
    (apiProperties.properties as Record<string, unknown>).scriptOperations = operations;
  return { swagger: validSwagger(), apiProperties };
}

function messagesOf(before: unknown, after: unknown): string[] {
  const changes = diffConnectors(withScriptOperations(before), withScriptOperations(after)).changes;
  expect(changes.every((change) => change.ruleId === 'CHG-OTHER')).toBe(true);
  return changes.map((change) => change.message);
}

const OTHER = 'Other properties have been changed.';

describe('CHG-OTHER of scriptOperations: the operations that entered or left the script', () => {
  it('names an operation added', () => {
    expect(messagesOf(['ListTasks'], ['ListTasks', 'CurrentUserInfo'])).toEqual([
      `${OTHER} Changed: scriptOperations, 'CurrentUserInfo' added.`,
    ]);
  });

  it('names a renamed operation as added and removed', () => {
    expect(messagesOf(['GetEventTypes', 'ListTasks'], ['ListEventTypes', 'ListTasks'])).toEqual([
      `${OTHER} Changed: scriptOperations, 'ListEventTypes' added, 'GetEventTypes' removed.`,
    ]);
  });

  it('counts a missing list as an empty one, and tells a new order apart', () => {
    expect(messagesOf(undefined, ['ListTasks'])).toEqual([
      `${OTHER} Changed: scriptOperations, 'ListTasks' added.`,
    ]);
    expect(messagesOf(['ListTasks'], undefined)).toEqual([
      `${OTHER} Changed: scriptOperations, 'ListTasks' removed.`,
    ]);
    expect(messagesOf(['A', 'B'], ['B', 'A'])).toEqual([`${OTHER} Changed: scriptOperations (their order).`]);
  });

  it('names only the key when one side is not a list', () => {
    expect(messagesOf('ListTasks', ['ListTasks'])).toEqual([`${OTHER} Changed: scriptOperations.`]);
  });
});
