import { describe, expect, it } from '@jest/globals';
import { sameScriptOperations, scriptOperationIds, scriptOperationsOf } from '../src/script-operations.js';

describe('scriptOperationsOf', () => {
  it('reads either form, located by its path and pointer', () => {
    expect(scriptOperationsOf({ scriptOperations: ['A'] })).toEqual({
      key: 'scriptOperations',
      path: ['properties', 'scriptOperations'],
      pointer: '/properties/scriptOperations',
      value: ['A'],
    });
    expect(scriptOperationsOf({ script: { language: 'CSharpScript', operationIds: ['B'] } })).toEqual({
      key: 'script.operationIds',
      path: ['properties', 'script', 'operationIds'],
      pointer: '/properties/script/operationIds',
      value: ['B'],
    });
  });

  it('reads scriptOperations when both are written, and keeps the other as the one left unread', () => {
    const list = scriptOperationsOf({ scriptOperations: ['A'], script: { operationIds: ['B'] } });
    expect([list?.key, list?.unread?.key]).toEqual(['scriptOperations', 'script.operationIds']);
  });

  it('finds no list in a script without operationIds, nor in one that is no object', () => {
    expect(scriptOperationsOf({ script: { language: 'CSharpScript' } })).toBeUndefined();
    expect(scriptOperationsOf({ script: ['A'] })).toBeUndefined();
    expect(scriptOperationIds(scriptOperationsOf({ scriptOperations: [] }))).toBeUndefined();
  });

  it('takes the names of a list, and none of its entries that are no string', () => {
    const ids = scriptOperationIds(
      scriptOperationsOf({ scriptOperations: ['GetTask', 7, null, 'ListTasks'] }),
    );
    expect(ids).toEqual(new Set(['GetTask', 'ListTasks']));
  });
});

describe('sameScriptOperations', () => {
  it('compares the names in any order', () => {
    expect(sameScriptOperations(['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameScriptOperations(['A'], ['A', 'B'])).toBe(false);
    expect(sameScriptOperations('A', [])).toBe(true);
  });
});
