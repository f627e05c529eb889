import { describe, expect, it } from '@jest/globals';
import { diffEdited, diffSwaggers, lineOf, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

describe('BRK-OP-DELETED', () => {
  it('fires when an operation disappears, located in the old file', () => {
    const result = diffEdited((swagger) => delete swagger.paths['/tasks/{taskId}']);
    const [change] = withRule(result, 'BRK-OP-DELETED');
    expect(change).toMatchObject({
      breaking: true,
      severity: 'error',
      operationId: 'GetTask',
      file: 'old.swagger.json',
      side: 'old',
      pointer: '/paths/~1tasks~1{taskId}/get',
      line: lineOf(
        validSwagger(),
        '"get"',
        JSON.stringify(validSwagger(), null, 2).indexOf('"/tasks/{taskId}"'),
      ),
      valuePath: 'operation/GetTask',
    });
    expect(change!.message).toMatch(/^The operation has been deleted\. This change breaks existing flows\./);
    expect(result.classification).toBe('breaking');
  });

  it('reports a rename on the same method and path as one change that names the new id', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskById'),
    );
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(result.changes[0]).toMatchObject({ side: 'new', operationId: 'GetTask' });
    expect(result.changes[0]!.message).toMatch(/renamed to 'GetTaskById'/);
    // The real names, not placeholders: the old id's '_V2', and the replacement with this connector's
    // API name (no folder here: its title's, 'Contoso Tasks' made 'contosotasks') and the new id.
    expect(result.changes[0]!.advice).toBe(
      'Keep the old operationId. Or keep the operation under it, deprecated (\'deprecated: true\', "(deprecated)" after its summary and description, an \'x-ms-api-annotation\' family with revision 1), and add the new one on a path of its own: as \'GetTask_V2\' in the same family with revision 2, or under its new name, set as the deprecated one\'s annotation \'replacement\', {"api": "contosotasks", "operationId": "GetTaskById"}.',
    );
    expect(result.changes[0]!.message).toBe(
      `The operation has been deleted. This change breaks existing flows. It was renamed to 'GetTaskById' (same method and path). ${result.changes[0]!.advice}`,
    );
  });

  it('says so when only the letter case of the operationId changed, and advises keeping it', () => {
    // Read as any rename, the advice was to deprecate 'GetTask' and add 'getTask' as its replacement:
    // two operations whose ids differ in case only.
    const result = diffEdited((swagger) => (swagger.paths['/tasks/{taskId}'].get.operationId = 'getTask'));
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-OP-DELETED']);
    expect(result.changes[0]!.message).toBe(
      "The operation has been deleted. This change breaks existing flows. Only the letter case of its operationId changed, to 'getTask': flows name the operation by its exact operationId. Put back the old operationId.",
    );
    expect(result.changes[0]!.advice).toBe('Put back the old operationId.');
  });

  it('locates a rename on the new operationId, the line the maker changed', () => {
    // Writers often put operationId after the summary, description and parameters: the operation's
    // first line can be far from the edit, outside the pull request's diff where annotations show.
    const start = validSwagger();
    const get = start.paths['/tasks/{taskId}'].get;
    const { operationId, ...rest } = get;
    start.paths['/tasks/{taskId}'].get = { ...rest, operationId };
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks/{taskId}'].get.operationId = 'GetTaskById'),
      start,
    );
    const after = structuredClone(start);
    after.paths['/tasks/{taskId}'].get.operationId = 'GetTaskById';
    expect(result.changes[0]).toMatchObject({
      pointer: '/paths/~1tasks~1{taskId}/get/operationId',
      line: lineOf(after, '"operationId": "GetTaskById"'),
    });
  });

  it('recognises a rename even when the path parameter was renamed too', () => {
    const result = diffEdited((swagger) => {
      const item = swagger.paths['/tasks/{taskId}'];
      item.get.operationId = 'GetTaskById';
      item.get.parameters[0].name = 'id';
      swagger.paths['/tasks/{id}'] = item;
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(withRule(result, 'BRK-OP-DELETED')[0]!.message).toMatch(/renamed to 'GetTaskById'/);
    expect(withRule(result, 'CHG-OP-ADDED')).toEqual([]);
  });

  it('stays quiet when operations are only reordered or a new one is added', () => {
    const result = diffEdited((swagger) => {
      swagger.paths = Object.fromEntries(Object.entries(swagger.paths).reverse());
      swagger.paths['/tasks/{taskId}'].delete = {
        summary: 'Delete a task',
        description: 'Deletes a task.',
        operationId: 'DeleteTask',
        responses: { '204': { description: 'Deleted.' } },
      };
    });
    expect(withRule(result, 'BRK-OP-DELETED')).toEqual([]);
    expect(result.changes.map((change) => change.ruleId)).toEqual(['CHG-OP-ADDED']);
    expect(result.classification).toBe('major-update');
  });
});

describe('deprecation', () => {
  it('lists an operation no longer deprecated as a change of its deprecated key', () => {
    const start = validSwagger();
    start.paths['/tasks/{taskId}'].get.deprecated = true;
    const result = diffEdited((swagger) => delete swagger.paths['/tasks/{taskId}'].get.deprecated, start);
    expect(result.changes.map((change) => [change.ruleId, change.operationId, change.message])).toEqual([
      [
        'CHG-OTHER',
        'GetTask',
        expect.stringMatching(/^Other properties have been changed\. Changed: deprecated\b/),
      ],
    ]);
  });

  const deprecateRight = (swagger: Json): void => {
    const old = swagger.paths['/tasks/{taskId}'].get;
    old.deprecated = true;
    old['x-ms-visibility'] = 'internal';
    old['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    swagger.paths['/v2/tasks/{taskId}'] = {
      get: {
        ...structuredClone(old),
        deprecated: false,
        operationId: 'GetTask_V2',
        'x-ms-visibility': undefined,
        'x-ms-api-annotation': { family: 'GetTask', revision: 2 },
      },
    };
    delete swagger.paths['/v2/tasks/{taskId}'].get['x-ms-visibility'];
  };

  it('is not a deletion nor a visibility change when done with annotations and a _V2 replacement', () => {
    const result = diffEdited(deprecateRight);
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'CHG-OP-ADDED',
      'CHG-OP-DEPRECATED',
    ]);
    expect(result.classification).toBe('major-update');
  });

  it("accepts '_V3' of the family as the replacement of a deprecated '_V2', not of a deprecated '_V3'", () => {
    const versions = (deprecated: string, other: string) => (swagger: Json) => {
      const item = swagger.paths['/tasks/{taskId}'];
      item.get.operationId = deprecated;
      swagger.paths['/v3/tasks/{taskId}'] = {
        get: {
          ...structuredClone(item.get),
          operationId: other,
          'x-ms-api-annotation': { family: 'GetTask', revision: Number(other.slice(-1)) },
        },
      };
    };
    const deprecate = (swagger: Json): void => {
      const operation = swagger.paths['/tasks/{taskId}'].get;
      operation.deprecated = true;
      operation['x-ms-api-annotation'] = { family: 'GetTask', revision: 2 };
    };
    const start = validSwagger();
    versions('GetTask_V2', 'GetTask_V3')(start);
    const right = diffEdited(deprecate, start);
    expect(withRule(right, 'CHG-OP-DEPRECATED')).toHaveLength(1);
    expect(withRule(right, 'BRK-DEPRECATION-PROCESS')).toEqual([]);
    const older = validSwagger();
    versions('GetTask_V3', 'GetTask_V2')(older);
    expect(withRule(diffEdited(deprecate, older), 'BRK-DEPRECATION-PROCESS')).toHaveLength(1);
  });

  it('BRK-DEPRECATION-PROCESS fires on a family written for a new version that is not there', () => {
    const result = diffEdited((swagger) => {
      const operation = swagger.paths['/tasks/{taskId}'].get;
      operation.deprecated = true;
      operation['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    });
    const [change] = withRule(result, 'BRK-DEPRECATION-PROCESS');
    expect(change).toMatchObject({ severity: 'warning', breaking: false, operationId: 'GetTask' });
    expect(withRule(result, 'CHG-OP-DEPRECATED')).toEqual([]);
  });

  it("is located on the new 'deprecated', the line the maker edited, right or not", () => {
    const wrong = diffEdited((swagger) => {
      const operation = swagger.paths['/tasks/{taskId}'].get;
      operation.deprecated = true;
      operation['x-ms-api-annotation'] = { family: 'GetTask', revision: 1 };
    });
    expect(withRule(wrong, 'BRK-DEPRECATION-PROCESS')[0]!.pointer).toBe(
      '/paths/~1tasks~1{taskId}/get/deprecated',
    );
    expect(withRule(diffEdited(deprecateRight), 'CHG-OP-DEPRECATED')[0]!.pointer).toBe(
      '/paths/~1tasks~1{taskId}/get/deprecated',
    );
  });

  it('deleting the deprecated operation later is still a deletion, with the advice to keep it', () => {
    const deprecated = validSwagger();
    deprecateRight(deprecated);
    const result = diffEdited((swagger) => delete swagger.paths['/tasks/{taskId}'], deprecated);
    const [change] = withRule(result, 'BRK-OP-DELETED');
    expect(change!.message).toMatch(/It was deprecated/);
    // What to do, as every breaking change says: keep it, as the versioning process does.
    expect(change!.advice).toBe(
      'Keep it in the swagger, deprecated, as the versioning process does: the designer already hides it from new flows, and the flows built on it keep working.',
    );
    expect(change!.message).toBe(
      `The operation has been deleted. This change breaks existing flows. It was deprecated; deleting it still breaks the flows that use it. ${change!.advice}`,
    );
  });
});

describe('BRK-PATH-CHANGED', () => {
  it('fires when the path template of an operationId changes', () => {
    const result = diffEdited((swagger) => {
      swagger.paths['/items/{taskId}'] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    });
    const [change] = withRule(result, 'BRK-PATH-CHANGED');
    expect(change).toMatchObject({ severity: 'error', operationId: 'GetTask', side: 'new' });
    // On the path template the maker edited; the operation of another method can be far below it.
    expect(change!.pointer).toBe('/paths/~1items~1{taskId}');
    expect(change!.message).toMatch(/'GET \/tasks\/\{taskId\}' to 'GET \/items\/\{taskId\}'\. /);
    // The base path is the same in both versions: the templates tell the whole move.
    expect(change!.message).not.toMatch(/full path/);
  });

  it('fires when the method changes', () => {
    const result = diffEdited((swagger) => {
      const item = swagger.paths['/tasks/{taskId}'];
      item.post = item.get;
      delete item.get;
    });
    expect(withRule(result, 'BRK-PATH-CHANGED')).toEqual([
      expect.objectContaining({ pointer: '/paths/~1tasks~1{taskId}/post' }),
    ]);
  });

  it('stays quiet when the base path gives its prefix to every path, an address each operation keeps', () => {
    const moved = (swagger: Json): void => {
      swagger.basePath = '/';
      swagger.paths = Object.fromEntries(
        Object.entries(swagger.paths).map(([path, item]) => [`/v1${path}`, item]),
      );
    };
    const result = diffEdited(moved);
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toContain(
      'Other properties have been changed. Changed: basePath, with every operation at its address.',
    );
    const elsewhere = diffEdited((swagger) => {
      moved(swagger);
      swagger.paths['/v2/tasks/{taskId}'] = swagger.paths['/v1/tasks/{taskId}'];
      delete swagger.paths['/v1/tasks/{taskId}'];
    });
    // GetTask's move is its path template's, told once with the full path; the base path moved no
    // operation on its own.
    expect(elsewhere.changes.filter((change) => change.breaking).map((change) => change.ruleId)).toEqual([
      'BRK-PATH-CHANGED',
    ]);
    expect(withRule(elsewhere, 'BRK-PATH-CHANGED')[0]).toMatchObject({ operationId: 'GetTask' });
    expect(withRule(elsewhere, 'BRK-PATH-CHANGED')[0]!.message).toContain(
      "It changed from 'GET /tasks/{taskId}' to 'GET /v2/tasks/{taskId}', the full path from '/v1/tasks/{taskId}' to '/v2/tasks/{taskId}'.",
    );
    expect(withRule(elsewhere, 'CHG-OTHER').map((change) => change.message)).toContain(
      'Other properties have been changed. Changed: basePath, moving no operation on its own: each path template took the moved prefix, or changed itself (BRK-PATH-CHANGED).',
    );
  });

  it('stays quiet when the summary changes (a minor update)', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks/{taskId}'].get.summary = 'Get one task'));
    expect(withRule(result, 'BRK-PATH-CHANGED')).toEqual([]);
    expect(result.changes.map((change) => [change.ruleId, change.impact])).toEqual([
      ['CHG-TEXT-EDITED', 'minor'],
    ]);
    expect(result.classification).toBe('minor-update');
  });
});

describe('CHG-TEXT-EDITED of an operation', () => {
  const GET_TASK = '/paths/~1tasks~1{taskId}/get';
  /**
   * The edited texts' changes of GetTask, written far below its first line as in real files, its
   * description first and its responses between the two.
   */
  const textEdited = (edit: (operation: Json) => void) => {
    const base = validSwagger();
    const { summary, parameters, description, responses, ...rest } = base.paths['/tasks/{taskId}'].get;
    base.paths['/tasks/{taskId}'].get = { parameters, description, responses, summary, ...rest };
    const after = structuredClone(base);
    edit(after.paths['/tasks/{taskId}'].get);
    return { changes: withRule(diffSwaggers(base, after), 'CHG-TEXT-EDITED'), after };
  };

  it('is located on the edited summary, the line the diff changed, not the operation far above it', () => {
    const { changes, after } = textEdited((operation) => (operation.summary = 'Get one task'));
    expect(changes).toEqual([
      expect.objectContaining({
        message: 'Text has been edited. Edited: summary.',
        pointer: `${GET_TASK}/summary`,
        line: lineOf(after, '"summary": "Get one task"'),
      }),
    ]);
  });

  it('is located on the first edited text of the file when both are, whatever the order the detail names them in', () => {
    const both = textEdited((operation) => {
      operation.summary = 'Get one task';
      operation.description = 'Gets a task.';
    });
    expect(both.changes).toEqual([
      expect.objectContaining({
        message: 'Text has been edited. Edited: summary, description.',
        pointer: `${GET_TASK}/description`,
        line: lineOf(both.after, '"description": "Gets a task."'),
      }),
    ]);
  });

  it('is located where a deleted summary left its place: the member that now follows it', () => {
    const { changes, after } = textEdited((operation) => delete operation.summary);
    expect(changes).toEqual([
      expect.objectContaining({
        message: 'Text has been edited. Edited: summary.',
        pointer: `${GET_TASK}/operationId`,
        line: lineOf(after, '"operationId": "GetTask"'),
      }),
    ]);
  });
});

describe('BRK-VISIBILITY-INTERNAL', () => {
  it('fires when an operation becomes internal', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'internal'));
    expect(withRule(result, 'BRK-VISIBILITY-INTERNAL')[0]).toMatchObject({
      severity: 'warning',
      operationId: 'ListTasks',
    });
  });

  it("is located on the operation's new 'x-ms-visibility', the line the maker edited", () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'internal'));
    expect(withRule(result, 'BRK-VISIBILITY-INTERNAL')[0]!.pointer).toBe(
      '/paths/~1tasks/get/x-ms-visibility',
    );
  });

  it('fires when a parameter becomes internal', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'internal'),
    );
    expect(withRule(result, 'BRK-VISIBILITY-INTERNAL')[0]!.pointer).toBe(
      '/paths/~1tasks/get/parameters/0/x-ms-visibility',
    );
  });

  it('stays quiet when an output field becomes internal (still in the payload flows read)', () => {
    const result = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.status['x-ms-visibility'] = 'internal'),
    );
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toContain(
      "Other properties have been changed. Changed: x-ms-visibility (from none to 'internal').",
    );
    const input = diffEdited(
      (swagger) =>
        (swagger.paths['/tasks'].post.parameters[0].schema.properties.due['x-ms-visibility'] = 'internal'),
    );
    expect(withRule(input, 'BRK-VISIBILITY-INTERNAL')).toHaveLength(1);
  });

  it('advises retiring an operation by deprecating it, not a parameter or an input field', () => {
    const operation = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'internal'));
    expect(withRule(operation, 'BRK-VISIBILITY-INTERNAL')[0]!.message).toBe(
      "The visibility has been changed to internal. Existing users will no longer see it in the designer. Keep it visible ('advanced' moves it out of the way); to retire an operation, deprecate it ('deprecated: true') and add its replacement.",
    );
    const inputs = [
      diffEdited((swagger) => (swagger.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'internal')),
      diffEdited(
        (swagger) =>
          (swagger.paths['/tasks'].post.parameters[0].schema.properties.due['x-ms-visibility'] = 'internal'),
      ),
    ];
    for (const result of inputs) {
      expect(withRule(result, 'BRK-VISIBILITY-INTERNAL').map((change) => change.message)).toEqual([
        "The visibility has been changed to internal. Existing users will no longer see it in the designer. Keep it visible ('advanced' moves it out of the way).",
      ]);
    }
  });

  it('stays quiet when an operation becomes advanced', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-visibility'] = 'advanced'));
    expect(withRule(result, 'BRK-VISIBILITY-INTERNAL')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toHaveLength(1);
  });
});

/** The valid swagger with a webhook trigger whose payload is described on its path item, as connectors do. */
function withWebhook(): Json {
  const swagger = validSwagger();
  swagger.paths['/hooks'] = {
    'x-ms-notification-content': {
      description: 'The task that was created.',
      schema: {
        type: 'object',
        properties: {
          id: { type: 'string', 'x-ms-summary': 'Task ID', description: 'The identifier of the task.' },
          title: { type: 'string', 'x-ms-summary': 'Title', description: 'The title of the task.' },
        },
      },
    },
    post: {
      summary: 'When a task is created',
      description: 'Triggers when a task is created.',
      operationId: 'OnTaskCreated',
      'x-ms-trigger': 'single',
      parameters: [
        {
          name: 'body',
          in: 'body',
          required: true,
          schema: {
            type: 'object',
            required: ['url'],
            properties: {
              url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
            },
          },
        },
      ],
      responses: { '201': { description: 'Registered.' } },
    },
  };
  return swagger;
}

/** The webhook trigger of withWebhook without its payload: a polling trigger. */
function withoutNotificationContent(): Json {
  const swagger = withWebhook();
  delete swagger.paths['/hooks']['x-ms-notification-content'];
  return swagger;
}

describe('webhook payload (x-ms-notification-content)', () => {
  it('reports a field the payload no longer has as a deleted output, in the old file', () => {
    const result = diffEdited(
      (swagger) => delete swagger.paths['/hooks']['x-ms-notification-content'].schema.properties.title,
      withWebhook(),
    );
    expect(withRule(result, 'BRK-OUTPUT-DELETED')).toMatchObject([
      {
        operationId: 'OnTaskCreated',
        side: 'old',
        pointer: '/paths/~1hooks/x-ms-notification-content/schema/properties/title',
        valuePath: 'operation/OnTaskCreated/x-ms-notification-content/schema/title',
      },
    ]);
  });

  it('reports a payload field whose type changed, and lists a new one as non-breaking', () => {
    const result = diffEdited((swagger) => {
      const properties = swagger.paths['/hooks']['x-ms-notification-content'].schema.properties;
      properties.id.type = 'integer';
      properties.due = { type: 'string', format: 'date-time' };
    }, withWebhook());
    expect(withRule(result, 'BRK-OUTPUT-TYPE')[0]!.valuePath).toBe(
      'operation/OnTaskCreated/x-ms-notification-content/schema/id/type',
    );
    expect(withRule(result, 'CHG-OUTPUT-ADDED')).toHaveLength(1);
  });

  // ForceManager CRM's 78e483eb made six payloads arrays: 222 fields were told deleted beside them.
  it('reports a payload made an array once, as its type change, not each field it held as deleted', () => {
    const result = diffEdited((swagger) => {
      const payload = swagger.paths['/hooks']['x-ms-notification-content'];
      payload.schema = { type: 'array', items: payload.schema };
    }, withWebhook());
    expect(result.changes.map((change) => [change.ruleId, change.valuePath])).toEqual([
      ['BRK-OUTPUT-TYPE', 'operation/OnTaskCreated/x-ms-notification-content/schema/type'],
    ]);
    expect(result.changes[0]!.message).toMatch(/The type changed from 'object' to 'array'\./);
  });

  it('lists an edited payload description as a minor update', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/hooks']['x-ms-notification-content'].description = 'The new task.'),
      withWebhook(),
    );
    expect(result.changes.map((change) => [change.ruleId, change.impact])).toEqual([
      ['CHG-TEXT-EDITED', 'minor'],
    ]);
  });

  it("lists another edit of the payload's own keys as a change", () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/hooks']['x-ms-notification-content']['x-ms-summary'] = 'Task'),
      withWebhook(),
    );
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: x-ms-summary (from none to 'Task').",
    ]);
  });

  it("names the payload's schema among its changed keys when it is removed", () => {
    const result = diffEdited(
      (swagger) => delete swagger.paths['/hooks']['x-ms-notification-content'].schema,
      withWebhook(),
    );
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toContainEqual(
      expect.stringMatching(/^Other properties have been changed\. Changed: schema\b/),
    );
  });
});

describe('BRK-TRIGGER-KIND', () => {
  const withTrigger = (): Json => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get['x-ms-trigger'] = 'batch';
    return swagger;
  };

  it('fires when a polling trigger changes from batch to single', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get['x-ms-trigger'] = 'single'),
      withTrigger(),
    );
    const [change] = withRule(result, 'BRK-TRIGGER-KIND');
    expect(change).toMatchObject({ severity: 'error', operationId: 'ListTasks' });
    expect(change!.message).toMatch(/from a batch polling trigger to a single polling trigger/);
  });

  it('fires when an action becomes a trigger', () => {
    const result = diffEdited((swagger) => (swagger.paths['/tasks'].get['x-ms-trigger'] = 'single'));
    expect(withRule(result, 'BRK-TRIGGER-KIND')).toHaveLength(1);
  });

  it('fires when a webhook trigger loses its notification content (on its path item) and turns polling', () => {
    const result = diffEdited(
      (swagger) => delete swagger.paths['/hooks']['x-ms-notification-content'],
      withWebhook(),
    );
    expect(withRule(result, 'BRK-TRIGGER-KIND')[0]!.message).toMatch(
      /from a single webhook trigger to a single polling trigger/,
    );
  });

  it('fires when the notification content moves down into the operation, where the platform does not read it', () => {
    // SWG-WH-NOTIF-CONTENT calls that placement an error; the diff agrees that the payload is gone.
    const result = diffEdited((swagger) => {
      const hooks = swagger.paths['/hooks'];
      hooks.post['x-ms-notification-content'] = hooks['x-ms-notification-content'];
      delete hooks['x-ms-notification-content'];
    }, withWebhook());
    expect(withRule(result, 'BRK-TRIGGER-KIND').map((change) => change.message)).toEqual([
      expect.stringMatching(/from a single webhook trigger to a single polling trigger/),
    ]);
  });

  it("is located on the line the maker edited: the new 'x-ms-trigger', or where the notification content was", () => {
    const batch = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get['x-ms-trigger'] = 'single'),
      withTrigger(),
    );
    expect(withRule(batch, 'BRK-TRIGGER-KIND')[0]).toMatchObject({
      side: 'new',
      pointer: '/paths/~1tasks/get/x-ms-trigger',
    });
    // A trigger that became an action: 'x-ms-trigger' was the operation's last member, so the end of
    // the member before it (the `}` of its responses), the line whose comma went. Not the next
    // operation, below the lines the pull request changed.
    const action = diffEdited((swagger) => delete swagger.paths['/tasks'].get['x-ms-trigger'], withTrigger());
    expect(withRule(action, 'BRK-TRIGGER-KIND')[0]!.message).toMatch(/to an action/);
    const actionText = JSON.stringify(validSwagger(), null, 2);
    expect(withRule(action, 'BRK-TRIGGER-KIND')[0]).toMatchObject({
      pointer: '/paths/~1tasks/get/responses',
      line: lineOf(validSwagger(), '"post"', actionText.indexOf('"/tasks"')) - 2,
    });
    const polling = diffEdited(
      (swagger) => delete swagger.paths['/hooks']['x-ms-notification-content'],
      withWebhook(),
    );
    expect(withRule(polling, 'BRK-TRIGGER-KIND')[0]!.pointer).toBe('/paths/~1hooks/post');
    const addContent = (swagger: Json): void => {
      swagger.paths['/hooks']['x-ms-notification-content'] = { description: 'The task.' };
    };
    const webhook = diffEdited(addContent, withoutNotificationContent());
    const edited = withoutNotificationContent();
    addContent(edited);
    expect(withRule(webhook, 'BRK-TRIGGER-KIND')[0]).toMatchObject({
      pointer: '/paths/~1hooks/x-ms-notification-content',
      line: lineOf(edited, '"x-ms-notification-content"'),
    });
  });

  it('tells a webhook turned polling once: its callback URL field, which flows never send, is no deleted input', () => {
    const result = diffEdited((swagger) => {
      const hooks = swagger.paths['/hooks'];
      delete hooks['x-ms-notification-content'];
      const schema = hooks.post.parameters[0].schema;
      delete schema.properties.url;
      schema.required = [];
    }, withWebhook());
    expect(result.changes.filter((change) => change.breaking).map((change) => change.ruleId)).toEqual([
      'BRK-TRIGGER-KIND',
    ]);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toContain(
      "Other properties have been changed. Removed: the input field 'url', the webhook's x-ms-notification-url, which the platform fills in: flows never send it.",
    );
  });

  it('tells a callback URL parameter deleted with its webhook as no deleted input either', () => {
    const start = withWebhook();
    start.paths['/hooks'].post.parameters = [
      { name: 'callback', in: 'query', type: 'string', required: true, 'x-ms-notification-url': true },
    ];
    const result = diffEdited((swagger) => {
      delete swagger.paths['/hooks']['x-ms-notification-content'];
      swagger.paths['/hooks'].post.parameters = [];
    }, start);
    expect(result.changes.filter((change) => change.breaking).map((change) => change.ruleId)).toEqual([
      'BRK-TRIGGER-KIND',
    ]);
    expect(withRule(result, 'CHG-OTHER')).toEqual([
      expect.objectContaining({
        side: 'old',
        message:
          "Other properties have been changed. Removed: the parameter 'callback', the webhook's x-ms-notification-url, which the platform fills in: flows never send it.",
      }),
    ]);
  });

  it('stays quiet when the trigger keeps its kind', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.description = 'Lists tasks.'),
      withTrigger(),
    );
    expect(withRule(result, 'BRK-TRIGGER-KIND')).toEqual([]);
  });
});
