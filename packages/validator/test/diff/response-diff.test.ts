import { describe, expect, it } from '@jest/globals';
import { diffEdited, lineOf, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';

describe('BRK-OUTPUT-DELETED', () => {
  it('fires once per operation that returns the field, in the old file', () => {
    const result = diffEdited((swagger) => delete swagger.definitions.Task.properties.status);
    const changes = withRule(result, 'BRK-OUTPUT-DELETED');
    expect(changes.map((change) => change.valuePath).sort()).toEqual([
      'operation/CreateTask/responses/201/schema/status',
      'operation/GetTask/responses/200/schema/status',
      'operation/ListTasks/responses/200/schema/items/status',
    ]);
    expect(changes[0]).toMatchObject({
      side: 'old',
      pointer: '/definitions/Task/properties/status',
      severity: 'error',
    });
  });

  it('stays quiet when a field is added (listed as a new output field)', () => {
    const result = diffEdited((swagger) => (swagger.definitions.Task.properties.owner = { type: 'string' }));
    expect(withRule(result, 'BRK-OUTPUT-DELETED')).toEqual([]);
    expect(withRule(result, 'CHG-OUTPUT-ADDED').length).toBeGreaterThan(0);
    expect(result.classification).toBe('major-update');
  });

  it('stays quiet when an empty schema leaves the response (reviewers ask for it), not when one with fields does', () => {
    const withEmpty = validSwagger();
    withEmpty.paths['/tasks/{taskId}'].get.responses['200'].schema = {
      type: 'object',
      description: 'The task.',
    };
    const emptied = diffEdited(
      (swagger) => delete swagger.paths['/tasks/{taskId}'].get.responses['200'].schema,
      withEmpty,
    );
    expect(emptied.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(emptied, 'CHG-OTHER')[0]).toMatchObject({
      side: 'old',
      valuePath: 'operation/GetTask/responses/200/schema',
    });

    const removed = diffEdited(
      (swagger) => delete swagger.paths['/tasks/{taskId}'].get.responses['200'].schema,
    );
    expect(withRule(removed, 'BRK-OUTPUT-DELETED')[0]!.message).toMatch(/no longer has a body/);
  });

  it('advises keeping a deleted field, or the schema when the whole body went', () => {
    const field = diffEdited((swagger) => delete swagger.definitions.Task.properties.status);
    expect(withRule(field, 'BRK-OUTPUT-DELETED')[0]!.message).toMatch(
      /has been changed\. Keep the field in the schema while the API returns it \('x-ms-visibility': 'internal' hides it from new flows\); or add the change/,
    );
    const body = diffEdited((swagger) => delete swagger.paths['/tasks/{taskId}'].get.responses['200'].schema);
    expect(withRule(body, 'BRK-OUTPUT-DELETED').map((change) => change.message)).toEqual([
      "The output field has been deleted. Existing flows may be broken if they are using this field and actual payload has been changed. The response no longer has a body. Keep the response's schema while the API returns a body; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.",
    ]);
  });

  describe('of a field that looks renamed', () => {
    /** The messages of BRK-OUTPUT-DELETED when Task's fields are `rewrite` of its base ones (in order). */
    const deletedWith = (rewrite: (fields: [string, Json][]) => [string, Json][]) => {
      const result = diffEdited((swagger) => {
        const task = swagger.definitions.Task;
        task.properties = Object.fromEntries(rewrite(Object.entries(task.properties)));
      });
      return [...new Set(withRule(result, 'BRK-OUTPUT-DELETED').map((change) => change.message))];
    };
    const renamed = (from: string, to: string, value?: Json) => (fields: [string, Json][]) =>
      fields.map(([name, field]): [string, Json] => (name === from ? [to, value ?? field] : [name, field]));

    it('says that only the letter case of its name changed, in place', () => {
      expect(deletedWith(renamed('status', 'Status'))).toEqual([
        expect.stringContaining(
          "has been changed. Only the letter case of its name changed, to 'Status': flows read a field by its exact name. Keep the field",
        ),
      ]);
    });

    it('names the field added in its place, alike by a slip or the only one there of the same type', () => {
      expect(deletedWith(renamed('status', 'statsu'))).toEqual([
        expect.stringContaining(
          "has been changed. It looks renamed: 'statsu' has been added in its place. Keep",
        ),
      ]);
      expect(deletedWith(renamed('title', 'name'))).toEqual([
        expect.stringContaining(
          "has been changed. It looks renamed: 'name' has been added in its place. Keep",
        ),
      ]);
    });

    it('names none of another type, nor one added elsewhere', () => {
      expect(deletedWith(renamed('title', 'tags', { type: 'array', items: { type: 'string' } }))).toEqual([
        expect.stringContaining('has been changed. Keep the field'),
      ]);
      expect(
        deletedWith((fields) => [
          ['name', { type: 'string' }],
          ...fields.filter(([name]) => name !== 'title'),
        ]),
      ).toEqual([expect.stringContaining('has been changed. Keep the field')]);
    });

    it('names the input field added in place of a body field removed', () => {
      const result = diffEdited((swagger) => {
        const body = swagger.paths['/tasks'].post.parameters[0].schema;
        body.properties = { title: body.properties.title, dueDate: body.properties.due };
      });
      expect(withRule(result, 'BRK-PARAM-DELETED')[0]!.message).toContain(
        "The input field 'due' has been removed. It looks renamed: 'dueDate' has been added in its place.",
      );
    });
  });

  describe('of an output field whose default was a secret', () => {
    const KEY = '9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d';
    /** The changes of the base version with the Task field `name`, as `field` says, that the new version deleted. */
    const fieldDeleted = (name: string, field: Json, edit: (swagger: Json) => void = () => {}) => {
      const before = validSwagger();
      before.definitions.Task.properties[name] = field;
      edit(before);
      return withRule(
        diffEdited((swagger) => delete swagger.definitions.Task.properties[name], before),
        'BRK-OUTPUT-DELETED',
      );
    };

    it('says that removing it is right and that the key must be revoked, as of an input (GEN-SECRETS reports it)', () => {
      for (const [name, field, edit] of [
        ['api_key', { type: 'string', default: KEY }],
        // The default of a field given by a $ref is the definition's.
        [
          'apiKey',
          { $ref: '#/definitions/ApiKey' },
          (swagger: Json) => (swagger.definitions.ApiKey = { type: 'string', default: KEY }),
        ],
      ] as const) {
        const changes = fieldDeleted(name, field, edit);
        // Once per operation that returns the field, each told so.
        expect(changes).toHaveLength(3);
        for (const change of changes) {
          expect(change).toMatchObject({ severity: 'error', side: 'old' });
          expect(change.advice).toBe(
            'Removing it is right: a secret as a default is published with the connector, to whoever reads it. Tell the reviewers in the pull request that it held a leaked key, and revoke that key, since it stays in the git history.',
          );
          expect(change.message).toMatch(
            new RegExp(
              `^The output field has been deleted\\. Existing flows may be broken if they are using this field and actual payload has been changed\\. Its default looked like a real secret \\(\\w{4}\\*{6} \\(\\d+ characters\\)\\)\\. Removing it is right: `,
            ),
          );
          expect(change.message).not.toMatch(/Keep the field/);
          expect(change.message).not.toContain(KEY);
        }
      }
    });

    it('still advises keeping a placeholder or another field', () => {
      for (const [name, field] of [
        ['api_key', { type: 'string', default: 'YOUR_API_KEY' }],
        ['region', { type: 'string', default: KEY }],
      ] as const) {
        const changes = fieldDeleted(name, field);
        expect(changes).toHaveLength(3);
        for (const change of changes)
          expect(change.advice).toMatch(/^Keep the field in the schema while the API returns it /);
      }
    });
  });
});

describe('BRK-OUTPUT-TYPE', () => {
  it('fires when an output field changes type, at its type key', () => {
    const result = diffEdited((swagger) => (swagger.definitions.Task.properties.id.type = 'integer'));
    const [change] = withRule(result, 'BRK-OUTPUT-TYPE');
    expect(change).toMatchObject({ pointer: '/definitions/Task/properties/id/type', side: 'new' });
    expect(change!.valuePath).toMatch(/\/schema\/(items\/)?id\/type$/);
  });

  it('stays quiet when an output narrows (number to integer) or changes numeric format, not when it widens', () => {
    const start = validSwagger();
    start.definitions.Task.properties.estimate = { type: 'number', format: 'double' };
    const narrowed = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.estimate = { type: 'integer', format: 'int32' }),
      start,
    );
    expect(narrowed.changes.filter((change) => change.breaking)).toEqual([]);
    const float = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.estimate.format = 'float'),
      start,
    );
    expect(float.changes.filter((change) => change.breaking)).toEqual([]);
    const text = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.estimate.type = 'string'),
      start,
    );
    expect(withRule(text, 'BRK-OUTPUT-TYPE').length).toBe(3);
    const start2 = validSwagger();
    start2.definitions.Task.properties.estimate = { type: 'integer' };
    const widened = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.estimate.type = 'number'),
      start2,
    );
    expect(withRule(widened, 'BRK-OUTPUT-TYPE')[0]!.message).toMatch(/from 'integer' to 'number'/);
  });

  it('stays quiet when only the description changes', () => {
    const result = diffEdited((swagger) => (swagger.definitions.Task.properties.id.description = 'The ID.'));
    expect(withRule(result, 'BRK-OUTPUT-TYPE')).toEqual([]);
    expect(result.changes.every((change) => change.ruleId === 'CHG-TEXT-EDITED')).toBe(true);
  });

  it.each(['title', 'x-example'])(
    'lists an edited %s of an output field as a text edit of a major update, not another change',
    (key) => {
      const result = diffEdited((swagger) => (swagger.definitions.Task.properties.id[key] = 'Edited'));
      expect(withRule(result, 'CHG-OTHER')).toEqual([]);
      expect(withRule(result, 'CHG-TEXT-EDITED')[0]).toMatchObject({
        pointer: '/definitions/Task/properties/id',
        impact: 'major',
        message: expect.stringContaining(`Edited: ${key}.`),
      });
      expect(result.classification).toBe('major-update');
    },
  );

  it('ends on recursive definitions', () => {
    const recursive = (swagger: Json, type: string): void => {
      swagger.definitions.Task.properties.parent = { $ref: '#/definitions/Task' };
      swagger.definitions.Task.properties.children = { type: 'array', items: { $ref: '#/definitions/Task' } };
      swagger.definitions.Task.properties.title.type = type;
    };
    const result = diffEdited(
      (swagger) => recursive(swagger, 'integer'),
      (() => {
        const start = validSwagger();
        recursive(start, 'string');
        return start;
      })(),
    );
    expect(withRule(result, 'BRK-OUTPUT-TYPE').length).toBeGreaterThan(0);
  });
});

describe('BRK-OUTPUT-FORMAT', () => {
  const withDue = (format: string) => (swagger: Json) => {
    swagger.definitions.Task.properties.due = { type: 'string', format };
  };
  const start = (): Json => {
    const swagger = validSwagger();
    withDue('date-time')(swagger);
    return swagger;
  };

  it("fires when an output field changes format, in Microsoft's words, at its format key (PR #807, #3863)", () => {
    const result = diffEdited(withDue('date'), start());
    const changes = withRule(result, 'BRK-OUTPUT-FORMAT');
    expect(changes.map((change) => change.valuePath).sort()).toEqual([
      'operation/CreateTask/responses/201/schema/due/format',
      'operation/GetTask/responses/200/schema/due/format',
      'operation/ListTasks/responses/200/schema/items/due/format',
    ]);
    expect(changes[0]).toMatchObject({
      pointer: '/definitions/Task/properties/due/format',
      severity: 'error',
    });
    expect(changes[0]!.message).toMatch(
      /^The type format has been changed for the output field\. Existing flows may be broken .*'date-time' to 'date'/,
    );
    expect(withRule(result, 'BRK-OUTPUT-TYPE')).toEqual([]);
  });

  it('fires when an output format changes between a numeric one and another: only numeric formats are hints', () => {
    const toNumeric = diffEdited(withDue('int64'), start());
    expect(withRule(toNumeric, 'BRK-OUTPUT-FORMAT')[0]!.message).toMatch(/'date-time' to 'int64'/);
    const numeric = validSwagger();
    withDue('int64')(numeric);
    const fromNumeric = diffEdited(withDue('date-time'), numeric);
    expect(withRule(fromNumeric, 'BRK-OUTPUT-FORMAT')[0]!.message).toMatch(/'int64' to 'date-time'/);
  });

  it('stays quiet when a format is declared or dropped, and leaves a type change to BRK-OUTPUT-TYPE', () => {
    const dropped = diffEdited((swagger) => delete swagger.definitions.Task.properties.due.format, start());
    expect(dropped.changes.filter((change) => change.breaking)).toEqual([]);
    const unformatted = start();
    delete unformatted.definitions.Task.properties.due.format;
    const declared = diffEdited(withDue('date-time'), unformatted);
    expect(declared.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(declared, 'CHG-OTHER')[0]!.message).toMatch(/Changed: format/);
    const retyped = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.due = { type: 'integer', format: 'int64' }),
      start(),
    );
    expect(withRule(retyped, 'BRK-OUTPUT-TYPE').length).toBe(3);
    expect(withRule(retyped, 'BRK-OUTPUT-FORMAT')).toEqual([]);
  });
});

describe('BRK-OUTPUT-ENUM-REMOVED', () => {
  const withEnum = (): Json => {
    const swagger = validSwagger();
    swagger.definitions.Task.properties.status.enum = ['open', 'done'];
    return swagger;
  };

  it('fires when an output loses its enum', () => {
    const result = diffEdited(
      (swagger) => delete swagger.definitions.Task.properties.status.enum,
      withEnum(),
    );
    expect(withRule(result, 'BRK-OUTPUT-ENUM-REMOVED')[0]).toMatchObject({
      pointer: '/definitions/Task/properties/status',
      severity: 'error',
    });
  });

  it('lists an enum of both booleans removed from a boolean output as another property', () => {
    // Impexium's 'allowPrimary' (PowerPlatformConnectors d707a4cd) lost enum [true, false]: the
    // output can still be true or false, as it always could.
    const start = validSwagger();
    start.definitions.Task.properties.done = { type: 'boolean', enum: [true, false] };
    const result = diffEdited((swagger) => delete swagger.definitions.Task.properties.done.enum, start);
    expect(withRule(result, 'BRK-OUTPUT-ENUM-REMOVED')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toHaveLength(1);
  });

  it('stays quiet when an output enum is rewritten as both booleans: the enum is still there', () => {
    // Telephony-Xtended-Service (PowerPlatformConnectors 6300854f) replaced ["", "true", "false"].
    const start = validSwagger();
    start.definitions.Task.properties.done = { type: 'boolean', enum: ['', 'true', 'false'] };
    const result = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.done.enum = [true, false]),
      start,
    );
    expect(withRule(result, 'BRK-OUTPUT-ENUM-REMOVED')).toEqual([]);
  });

  it('stays quiet when an output enum gains a value', () => {
    const result = diffEdited(
      (swagger) => swagger.definitions.Task.properties.status.enum.push('late'),
      withEnum(),
    );
    expect(withRule(result, 'BRK-OUTPUT-ENUM-REMOVED')).toEqual([]);
  });
});

describe('BRK-RESPONSE-CODE', () => {
  it('lists another success status code as a non-breaking change, and still compares its schema', () => {
    const result = diffEdited((swagger) => {
      const responses = swagger.paths['/tasks/{taskId}'].get.responses;
      responses['203'] = responses['200'];
      delete responses['200'];
    });
    expect(withRule(result, 'BRK-RESPONSE-CODE')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toMatchObject([
      { operationId: 'GetTask', pointer: '/paths/~1tasks~1{taskId}/get/responses/203', breaking: false },
    ]);
    // Why it is no break, which the catalog's BRK-RESPONSE-CODE would have made it (docs/rules.md says so).
    expect(withRule(result, 'CHG-OTHER')[0]!.message).toBe(
      'Other properties have been changed. Changed: the success status code, from 200 to 203. Flows take any 2xx answer as a success and read their outputs from its body, whose schema is compared on its own, so the code alone breaks no flow.',
    );
    expect(result.classification).toBe('major-update');
  });

  it("stays quiet when 'default' becomes '200' (reviewers ask for it), but not when a field goes with it", () => {
    const toOk = (swagger: Json): void => {
      const responses = swagger.paths['/tasks/{taskId}'].get.responses;
      responses.default = responses['200'];
      delete responses['200'];
    };
    const start = validSwagger();
    toOk(start);
    const quiet = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses = {
        '200': swagger.paths['/tasks/{taskId}'].get.responses.default,
      };
    }, start);
    expect(quiet.changes.filter((change) => change.breaking)).toEqual([]);
    const loud = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses = {
        '200': {
          description: 'The task.',
          schema: { type: 'object', properties: { id: { type: 'string' } } },
        },
      };
    }, start);
    expect(withRule(loud, 'BRK-OUTPUT-DELETED').map((change) => change.valuePath)).toEqual([
      'operation/GetTask/responses/200/schema/title',
      'operation/GetTask/responses/200/schema/status',
    ]);
  });

  it('fires when no success response is left', () => {
    const result = diffEdited((swagger) => {
      const responses = swagger.paths['/tasks/{taskId}'].get.responses;
      responses['300'] = responses['200'];
      delete responses['200'];
    });
    expect(withRule(result, 'BRK-RESPONSE-CODE')[0]!.message).toMatch(
      /success response 200 has been removed/,
    );
  });

  it('fires when the root type changes from array to object', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/Task' }),
    );
    expect(withRule(result, 'BRK-RESPONSE-CODE')[0]!.message).toMatch(/'array' to 'object'/);
  });

  it("stays quiet when a 'file' response is rewritten as string/binary", () => {
    const start = validSwagger();
    start.paths['/tasks/{taskId}'].get.produces = ['application/pdf'];
    start.paths['/tasks/{taskId}'].get.responses['200'].schema = { type: 'file' };
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = { type: 'string', format: 'binary' };
    }, start);
    expect(result.changes).toEqual([]);
    const toText = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = { type: 'object' };
    }, start);
    expect(withRule(toText, 'BRK-RESPONSE-CODE')[0]!.message).toMatch(/'string' to 'object'/);
  });

  it.each(['x-ms-dynamic-schema', 'x-ms-dynamic-properties'])(
    'fires when a static schema becomes dynamic (%s)',
    (key) => {
      const result = diffEdited((swagger) => {
        swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = {
          type: 'object',
          [key]: { operationId: 'ListTasks', 'value-path': 'schema' },
        };
      });
      expect(withRule(result, 'BRK-RESPONSE-CODE')[0]!.message).toMatch(/static to dynamic/);
    },
  );

  it('fires when a dynamic schema becomes static', () => {
    const start = validSwagger();
    start.paths['/tasks/{taskId}'].get.responses['200'].schema = {
      type: 'object',
      'x-ms-dynamic-schema': { operationId: 'ListTasks', 'value-path': 'schema' },
    };
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = { type: 'object' }),
      start,
    );
    expect(withRule(result, 'BRK-RESPONSE-CODE')[0]!.message).toMatch(/dynamic to static/);
  });

  it.each([
    ['written in the new version only', {}, { type: 'object' }],
    ['dropped in the new version', { type: 'array', items: {} }, { items: {} }],
  ])(
    "stays quiet when the root schema's type is %s: an untyped schema takes any value",
    (_, before, after) => {
      const start = validSwagger();
      start.paths['/tasks/{taskId}'].get.responses['200'].schema = before;
      const result = diffEdited(
        (swagger) => (swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = after),
        start,
      );
      expect(withRule(result, 'BRK-RESPONSE-CODE')).toEqual([]);
    },
  );

  it('lists a success response added where there was none as a change', () => {
    const start = validSwagger();
    start.paths['/tasks/{taskId}'].get.responses = { '404': { description: 'Not found' } };
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'] = { description: 'The task.' };
    }, start);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        pointer: '/paths/~1tasks~1{taskId}/get/responses/200',
        message: 'Other properties have been changed. Changed: responses.',
      }),
    ]);
  });

  it('lists a body added to a success response that had none as a new output', () => {
    const start = validSwagger();
    delete start.paths['/tasks/{taskId}'].get.responses['200'].schema;
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].schema = { $ref: '#/definitions/Task' };
    }, start);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OUTPUT-ADDED',
        pointer: '/paths/~1tasks~1{taskId}/get/responses/200/schema',
        breaking: false,
      }),
    ]);
    expect(result.changes[0]!.message).toContain('The response now has a body.');
  });

  it("takes the success response's edited description as a minor text edit, on its line", () => {
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.responses['200'].description = 'The task, with its status.';
    });
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-TEXT-EDITED',
        impact: 'minor',
        message: 'Text has been edited. Edited: description.',
        valuePath: 'operation/GetTask/responses/200',
        line: lineOf(validSwagger(), '"description": "The task."'),
      }),
    ]);
  });

  it('stays quiet when an error response is added', () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get.responses['404'] = { description: 'Not found.' }),
    );
    expect(withRule(result, 'BRK-RESPONSE-CODE')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/responses 404/);
  });
});

describe("an output's 'required' list", () => {
  it.each([
    ['an existing field', 'status'],
    ['a name that is not one of its properties', 'owner'],
  ])('lists %s newly required as a change, not a break: flows read more, not less', (_, name) => {
    const result = diffEdited((swagger) => (swagger.definitions.Task.required = [name]));
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toContainEqual(
      `Other properties have been changed. Changed: required (from none to ['${name}']).`,
    );
    expect(result.classification).not.toBe('no-change');
  });
});

describe('responses other than the success one', () => {
  /** The valid swagger, its ListTasks answering 400 and 404 as well. */
  function withErrors(): Json {
    const swagger = validSwagger();
    Object.assign(swagger.paths['/tasks'].get.responses, {
      '400': { description: 'Bad request' },
      '404': { description: 'Not found' },
    });
    return swagger;
  }

  it("takes an edited description as a minor text edit, on its line, as the success response's is", () => {
    const start = withErrors();
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks'].get.responses['404'].description = 'No task list for this account';
    }, start);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      ruleId: 'CHG-TEXT-EDITED',
      impact: 'minor',
      message: 'Text has been edited. Edited: the description of response 404.',
      valuePath: 'operation/ListTasks/responses/404',
      line: lineOf(start, '"description": "Not found"'),
    });
    expect(result.classification).toBe('minor-update');
  });

  it('names every response whose description alone was edited in one entry', () => {
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks'].get.responses['400'].description = 'The status is not open or done';
      swagger.paths['/tasks'].get.responses['404'].description = 'No task list for this account';
    }, withErrors());
    expect(withRule(result, 'CHG-TEXT-EDITED').map((change) => change.message)).toEqual([
      'Text has been edited. Edited: the descriptions of responses 400, 404.',
    ]);
    expect(withRule(result, 'CHG-OTHER')).toEqual([]);
    expect(result.classification).toBe('minor-update');
  });

  it('says how each other response changed, grouping the codes that changed alike', () => {
    const result = diffEdited((swagger) => {
      const responses = swagger.paths['/tasks'].get.responses;
      responses['400'].schema = { $ref: '#/definitions/Task' };
      responses['401'] = { description: 'Unauthorized', schema: { $ref: '#/definitions/Task' } };
      responses['404'] = { description: 'Gone', schema: { $ref: '#/definitions/Task' } };
      responses['500'] = { description: 'Server error' };
    }, withErrors());
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      'Other properties have been changed. Changed: responses 400 (schema added); 401, 500 (added); 404 (description, schema added).',
    ]);
    expect(withRule(result, 'CHG-TEXT-EDITED')).toEqual([]);
    expect(result.classification).toBe('major-update');
  });

  it("places the other responses' removal in the base version when the operation lost its responses", () => {
    const start = withErrors();
    const result = diffEdited((swagger) => delete swagger.paths['/tasks'].get.responses, start);
    expect(withRule(result, 'CHG-OTHER')).toEqual([
      expect.objectContaining({
        side: 'old',
        pointer: '/paths/~1tasks/get/responses',
        line: lineOf(start, '"responses"'),
        message: 'Other properties have been changed. Changed: responses 400, 404 (removed).',
      }),
    ]);
  });

  it('names a removed response and an edited schema', () => {
    const start = withErrors();
    start.paths['/tasks'].get.responses['400'].schema = { type: 'object' };
    const result = diffEdited((swagger) => {
      delete swagger.paths['/tasks'].get.responses['404'];
      swagger.paths['/tasks'].get.responses['400'].schema = { type: 'string' };
    }, start);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      'Other properties have been changed. Changed: responses 400 (schema); 404 (removed).',
    ]);
  });
});

describe('a schema retyped between an object, an array and a plain value', () => {
  it('is one breaking change of an output, at its type, with none for the fields it held', () => {
    const result = diffEdited((swagger) => {
      swagger.definitions.Task.properties.owner = { type: 'string', description: 'The owner' };
    }, withOwner());
    // Task is the output of three operations.
    expect(result.changes.filter((change) => change.breaking).map((change) => change.ruleId)).toEqual([
      'BRK-OUTPUT-TYPE',
      'BRK-OUTPUT-TYPE',
      'BRK-OUTPUT-TYPE',
    ]);
    expect(withRule(result, 'BRK-OUTPUT-DELETED')).toEqual([]);
  });

  it('is one breaking change of an input, with none for the fields it held', () => {
    const result = diffEdited((swagger) => {
      const body = swagger.paths['/tasks'].post.parameters.find((p: Json) => p.in === 'body');
      const title = body.schema.properties.title;
      body.schema.properties.title = { ...title, type: 'array', items: { type: 'string' } };
    });
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-INPUT-TYPE']);
  });

  it('still compares the fields of an object that stays one, its type written in one version only', () => {
    const start = withOwner();
    delete start.definitions.Task.properties.owner.type;
    const result = diffEdited((swagger) => {
      swagger.definitions.Task.properties.owner.type = 'object';
      delete swagger.definitions.Task.properties.owner.properties.email;
    }, start);
    expect(withRule(result, 'BRK-OUTPUT-DELETED').length).toBeGreaterThan(0);
  });

  it('is one breaking change of an output typed as a list holding object, now a string', () => {
    const start = withOwner();
    start.definitions.Task.properties.owner.type = ['object', 'null'];
    const result = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.owner = { type: 'string' }),
      start,
    );
    expect(withRule(result, 'BRK-OUTPUT-TYPE')).toHaveLength(3);
    expect(withRule(result, 'BRK-OUTPUT-DELETED')).toEqual([]);
  });

  it('still compares the items of an array that stays one, its type written in one version only', () => {
    const start = validSwagger();
    delete start.paths['/tasks'].get.responses['200'].schema.type;
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks'].get.responses['200'].schema.type = 'array';
      delete swagger.definitions.Task.properties.status;
    }, start);
    expect(withRule(result, 'BRK-OUTPUT-DELETED').map((change) => change.valuePath)).toContain(
      'operation/ListTasks/responses/200/schema/items/status',
    );
  });
});

/** The valid swagger, its Task with an owner object of a name and an email. */
function withOwner(): Json {
  const swagger = validSwagger();
  swagger.definitions.Task.properties.owner = {
    type: 'object',
    properties: { name: { type: 'string' }, email: { type: 'string' } },
  };
  return swagger;
}
