import { describe, expect, it } from '@jest/globals';
import { changeProgress } from '../../src/diff/change-progress.js';
import { diffEdited } from './diff-fixture.js';

describe('changeProgress', () => {
  const deleteGetTask = (swagger: Record<string, any>) => delete swagger.paths['/tasks/{taskId}'].get;

  it('takes a change that says the same of the same operation for the same one, wherever its line', () => {
    const earlier = diffEdited(deleteGetTask).changes;
    const later = diffEdited((swagger) => {
      deleteGetTask(swagger);
      // A path first in the file: every line after it moves down.
      swagger.paths = {
        '/notes': { get: { operationId: 'ListNotes', responses: { 200: {} } } },
        ...swagger.paths,
      };
    }).changes;
    expect(later.map((change) => change.ruleId)).toContain('CHG-OP-ADDED');
    expect(changeProgress([{ earlier, later }])).toEqual({
      breakingBefore: 1,
      resolved: 0,
      introduced: 0,
      warningsFixed: 0,
      warningsAdded: 0,
    });
  });

  it('counts a change of another operation as one resolved and one introduced', () => {
    const earlier = diffEdited(deleteGetTask).changes;
    const later = diffEdited((swagger) => delete swagger.paths['/tasks'].post).changes;
    expect(changeProgress([{ earlier, later }])).toMatchObject({
      breakingBefore: 1,
      resolved: 1,
      introduced: 1,
    });
  });
});
