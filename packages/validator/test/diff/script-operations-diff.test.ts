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

  // No list, or an empty one, is every operation (PROP-SCRIPTOPS, CSX-OPIDS): a list written where
  // there was none takes every other operation out of the script, it adds none.
  it('reads a missing or empty list as every operation, and tells a new order apart', () => {
    expect(messagesOf(undefined, ['ListTasks'])).toEqual([
      `${OTHER} Changed: scriptOperations: the script now runs for 'ListTasks' only, where it ran for every operation.`,
    ]);
    expect(messagesOf(['ListTasks'], undefined)).toEqual([
      `${OTHER} Changed: scriptOperations: the script now runs for every operation, where it ran for 'ListTasks' only.`,
    ]);
    expect(messagesOf([], ['ListTasks'])).toEqual([
      `${OTHER} Changed: scriptOperations: the script now runs for 'ListTasks' only, where it ran for every operation.`,
    ]);
    expect(messagesOf([], undefined)).toEqual([
      `${OTHER} Changed: scriptOperations (the script still runs for every operation).`,
    ]);
    expect(messagesOf(['A', 'B'], ['B', 'A'])).toEqual([`${OTHER} Changed: scriptOperations (their order).`]);
  });

  it('names only the key when one side is not a list', () => {
    expect(messagesOf('ListTasks', ['ListTasks'])).toEqual([`${OTHER} Changed: scriptOperations.`]);
  });
});

// Newer tooling writes the list as `script: { language, operationIds }` (certified Airmeet): the
// diff reads it as PROP-SCRIPTOPS and CSX-OPIDS do (scriptOperationsOf).
function withScriptForm(properties: Record<string, unknown>): Required<ConnectorJson> {
  const apiProperties = validApiProperties();
  Object.assign(apiProperties.properties as Record<string, unknown>, properties);
  return { swagger: validSwagger(), apiProperties };
}

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  return diffConnectors(withScriptForm(before), withScriptForm(after)).changes.map((change) => ({
    ruleId: change.ruleId,
    pointer: change.pointer,
    message: change.message,
  }));
}

const script = (operationIds: unknown, language = 'CSharpScript') => ({ script: { language, operationIds } });

describe('CHG-OTHER of script.operationIds, the newer form of the list', () => {
  it('names the operations that entered or left the script, at the list', () => {
    expect(changesOf(script(['ListTasks', 'GetTask']), script(['ListTasks', 'CurrentUserInfo']))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        pointer: '/properties/script/operationIds',
        message: `${OTHER} Changed: script.operationIds, 'CurrentUserInfo' added, 'GetTask' removed.`,
      },
    ]);
  });

  it('tells a list moved from one form to the other, with the operations it changed, once', () => {
    expect(
      changesOf({ scriptOperations: ['ListTasks'] }, script(['ListTasks'])).map((c) => c.message),
    ).toEqual([
      `${OTHER} Changed: scriptOperations written as script.operationIds now (the same operations).`,
    ]);
    expect(changesOf(script(['ListTasks']), { scriptOperations: ['GetTask'] }).map((c) => c.message)).toEqual(
      [
        `${OTHER} Changed: script.operationIds written as scriptOperations now, 'GetTask' added, 'ListTasks' removed.`,
      ],
    );
  });

  it('names an edit beside the list by its key, and the list left unread beside scriptOperations', () => {
    expect(changesOf(script(['ListTasks']), script(['ListTasks'], 'CSharp'))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        pointer: '/properties/script/language',
        message: `${OTHER} Changed: script.language.`,
      },
    ]);
    const both = (operationIds: string[]) => ({ scriptOperations: ['ListTasks'], ...script(operationIds) });
    expect(changesOf(both(['ListTasks']), both(['GetTask'])).map((c) => c.message)).toEqual([
      `${OTHER} Changed: script.operationIds, which connector-alm leaves unread beside scriptOperations (PROP-SCRIPTOPS).`,
    ]);
  });
});
