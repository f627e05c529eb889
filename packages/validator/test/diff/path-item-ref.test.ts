import { describe, expect, it } from '@jest/globals';
import { diffSwaggers, lineOf, type Json } from './diff-fixture.js';
import { addWebhook, validSwagger } from '../helpers/valid-connector.js';

// A path item written as a `$ref` ("/tasks/{taskId}": { "$ref": "#/x-paths/task" }) had no
// operations for diff: GetTask read as deleted (breaking), though it was only written elsewhere.
// diff now follows such a `$ref` and compares the operations it leads to; one it cannot follow
// (another file, nothing, a loop) is told as not compared, and the operations of the other version
// at its path are neither deleted nor added.

const TASK = '/tasks/{taskId}';

/** The valid swagger with GetTask's path item moved under x-paths and written as a `$ref` to it. */
function withRefPathItem(ref = '#/x-paths/task'): Json {
  const swagger = validSwagger();
  swagger['x-paths'] = { task: swagger.paths[TASK] };
  swagger.paths[TASK] = { $ref: ref };
  return swagger;
}

function told(result: ReturnType<typeof diffSwaggers>) {
  return result.changes.map(({ ruleId, side, pointer, line, message, operationId }) => ({
    ruleId,
    side,
    pointer,
    line,
    message,
    ...(operationId === undefined ? {} : { operationId }),
  }));
}

describe('a path item written as a $ref that can be followed', () => {
  it('compares the operations it leads to: an edit there is told for its operation', () => {
    const after = withRefPathItem();
    after['x-paths'].task.get.summary = 'Get one task';
    const result = diffSwaggers(withRefPathItem(), after);
    expect(told(result)).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-TEXT-EDITED',
        // The edited summary, where the operation is written.
        pointer: '/x-paths/task/get/summary',
        operationId: 'GetTask',
      }),
    ]);
  });

  it('finds a change in an operation behind it, located where the operation is written', () => {
    const after = withRefPathItem();
    after['x-paths'].task.get.parameters.push({
      name: 'expand',
      in: 'query',
      type: 'string',
      required: true,
    });
    const result = diffSwaggers(withRefPathItem(), after);
    expect(told(result)).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-REQ-PARAM-ADDED',
        side: 'new',
        pointer: '/x-paths/task/get/parameters/1',
        line: lineOf(after, '"expand"') - 1,
        operationId: 'GetTask',
      }),
    ]);
  });

  it('moving a path item behind a $ref deletes no operation; the $ref itself is told', () => {
    const after = withRefPathItem();
    const result = diffSwaggers(validSwagger(), after);
    expect(told(result)).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        pointer: '/paths/~1tasks~1{taskId}/$ref',
        line: lineOf(after, '"$ref": "#/x-paths/task"'),
        message:
          "Other properties have been changed. The path item '/tasks/{taskId}' is written as a $ref to '#/x-paths/task' now.",
      },
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('a path item written in place again is told once, not with every x-paths entry', () => {
    const result = diffSwaggers(withRefPathItem(), validSwagger());
    expect(result.changes.map((change) => change.message)).toEqual([
      "Other properties have been changed. The path item '/tasks/{taskId}' is written in place now, not as a $ref to '#/x-paths/task'.",
    ]);
  });

  it("compares a webhook's notification content written on the path item it leads to", () => {
    const withHooks = (): Json => {
      const swagger = validSwagger();
      addWebhook(swagger);
      swagger['x-paths'] = { hooks: swagger.paths['/hooks'] };
      swagger.paths['/hooks'] = { $ref: '#/x-paths/hooks' };
      return swagger;
    };
    const after = withHooks();
    after['x-paths'].hooks['x-ms-notification-content'].schema = { type: 'string' };
    const result = diffSwaggers(withHooks(), after);
    expect(result.changes.map((change) => [change.ruleId, change.pointer])).toContainEqual([
      'BRK-OUTPUT-TYPE',
      '/x-paths/hooks/x-ms-notification-content/schema/type',
    ]);
  });

  it('deleting the operation behind it is breaking, told in the base version where it was', () => {
    const after = withRefPathItem();
    delete after['x-paths'].task.get;
    after['x-paths'].task.post = { operationId: 'Other', responses: { 200: { description: 'OK' } } };
    const result = diffSwaggers(withRefPathItem(), after);
    const deleted = result.changes.find((change) => change.ruleId === 'BRK-OP-DELETED');
    expect(deleted).toMatchObject({ side: 'old', pointer: '/x-paths/task/get', operationId: 'GetTask' });
  });
});

describe('a path item written as a $ref that cannot be followed', () => {
  it.each([
    [
      'to another file',
      'other.json#/paths/task',
      "its $ref 'other.json#/paths/task' is to another file, which diff does not read",
    ],
    ['to nothing', '#/x-paths/missing', "its $ref '#/x-paths/missing' points to nothing"],
  ])('%s, in the new version: not compared, and GetTask not told deleted', (_name, ref, why) => {
    const after = validSwagger();
    after.paths[TASK] = { $ref: ref };
    const result = diffSwaggers(validSwagger(), after);
    expect(told(result)).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        pointer: '/paths/~1tasks~1{taskId}/$ref',
        line: lineOf(after, `"$ref": "${ref}"`),
        message: `Other properties have been changed. The path item '/tasks/{taskId}' was not compared: ${why}.`,
      },
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('round a loop of $refs, in the new version', () => {
    const after = validSwagger();
    after['x-paths'] = { a: { $ref: '#/x-paths/b' }, b: { $ref: '#/x-paths/a' } };
    after.paths[TASK] = { $ref: '#/x-paths/a' };
    const messages = diffSwaggers(validSwagger(), after).changes.map((change) => change.message);
    expect(messages).toContain(
      "Other properties have been changed. The path item '/tasks/{taskId}' was not compared: its $ref '#/x-paths/a' leads round a loop of $refs.",
    );
    expect(messages.some((message) => message.includes('deleted'))).toBe(false);
  });

  it('in the base version: the operations of the new version there are not told added', () => {
    const before = validSwagger();
    before.paths[TASK] = { $ref: 'other.json#/paths/task' };
    const after = validSwagger();
    expect(told(diffSwaggers(before, after))).toEqual([
      {
        ruleId: 'CHG-OTHER',
        side: 'new',
        pointer: '/paths/~1tasks~1{taskId}',
        line: lineOf(after, `"${TASK}"`),
        message:
          "Other properties have been changed. The path item '/tasks/{taskId}' was not compared: in the base version, its $ref 'other.json#/paths/task' is to another file, which diff does not read.",
      },
    ]);
  });

  it('the same in both versions is no change; another one is told', () => {
    const swagger = validSwagger();
    swagger.paths[TASK] = { $ref: 'other.json#/paths/task' };
    expect(diffSwaggers(swagger, structuredClone(swagger)).classification).toBe('no-change');
    const after = structuredClone(swagger);
    after.paths[TASK] = { $ref: 'other.json#/paths/tasks' };
    expect(diffSwaggers(swagger, after).changes.map((change) => change.message)).toEqual([
      "Other properties have been changed. The path item '/tasks/{taskId}' was not compared: its $ref 'other.json#/paths/tasks' is to another file, which diff does not read.",
    ]);
  });
});
