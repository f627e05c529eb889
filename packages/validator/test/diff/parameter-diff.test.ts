import { describe, expect, it } from '@jest/globals';
import { diffEdited, withRule, type Json } from './diff-fixture.js';
import { validSwagger } from '../helpers/valid-connector.js';
import { diffSwaggerValues } from '../../src/diff/swagger-diff.js';
import { expandEntries } from '../../src/diff/schema-report.js';

const listTasks = (swagger: Json): Json => swagger.paths['/tasks'].get;
const createTask = (swagger: Json): Json => swagger.paths['/tasks'].post;
/** The valid connector's swagger with `edit` applied, as the old version of a diff. */
const validSwaggerWith = (edit: (swagger: Json) => void): Json => {
  const swagger = validSwagger();
  edit(swagger);
  return swagger;
};

/** The parameter without its summary and description. */
const withoutTexts = (parameter: Json): void => {
  delete parameter['x-ms-summary'];
  delete parameter.description;
};

/** The valid swagger, its ListTasks with a second optional query parameter, 'owner'. */
const withOptionalOwner = (): Json =>
  validSwaggerWith((swagger) =>
    listTasks(swagger).parameters.push({ name: 'owner', in: 'query', type: 'string', required: false }),
  );

describe('BRK-PARAM-LOCATION', () => {
  it('fires when a parameter moves from query to header', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].in = 'header'));
    const [change] = withRule(result, 'BRK-PARAM-LOCATION');
    expect(change).toMatchObject({
      severity: 'error',
      operationId: 'ListTasks',
      pointer: '/paths/~1tasks/get/parameters/0/in',
      valuePath: 'operation/ListTasks/parameter/status',
    });
    expect(change!.message).toMatch(/moved from query to header/);
    expect(withRule(result, 'BRK-PARAM-DELETED')).toEqual([]);
  });

  it('moves each of two parameters of one name to its own new location, in the order written', () => {
    const start = validSwaggerWith((swagger) =>
      listTasks(swagger).parameters.push({ ...listTasks(swagger).parameters[0], in: 'header' }),
    );
    const result = diffEdited((swagger) => {
      const [query, header] = listTasks(swagger).parameters;
      query.in = 'formData';
      header.in = 'path';
    }, start);
    expect(withRule(result, 'BRK-PARAM-LOCATION').map((change) => [change.pointer, change.message])).toEqual([
      [
        '/paths/~1tasks/get/parameters/0/in',
        expect.stringContaining("'status' moved from query to formData."),
      ],
      ['/paths/~1tasks/get/parameters/1/in', expect.stringContaining("'status' moved from header to path.")],
    ]);
  });

  it('stays quiet when the parameter keeps its location', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].description = 'Task status.'));
    expect(withRule(result, 'BRK-PARAM-LOCATION')).toEqual([]);
  });
});

describe('BRK-REQ-PARAM-ADDED', () => {
  const addParameter = (extra: Record<string, unknown>) => (swagger: Json) =>
    listTasks(swagger).parameters.push({ name: 'owner', in: 'query', type: 'string', ...extra });

  it('fires on a new required parameter, at the new entry', () => {
    const [change] = withRule(diffEdited(addParameter({ required: true })), 'BRK-REQ-PARAM-ADDED');
    expect(change).toMatchObject({
      severity: 'error',
      pointer: '/paths/~1tasks/get/parameters/1',
      valuePath: 'operation/ListTasks/parameter/owner',
    });
    expect(change!.message).toBe(
      "The required parameter has been added. Make it optional or give it a default; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.",
    );
  });

  it('lists a new optional parameter, or a required one with a default, as non-breaking', () => {
    for (const extra of [{ required: false }, { required: true, default: 'me' }]) {
      const result = diffEdited(addParameter(extra));
      expect(withRule(result, 'BRK-REQ-PARAM-ADDED')).toEqual([]);
      expect(withRule(result, 'CHG-PARAM-ADDED')[0]).toMatchObject({ breaking: false, severity: 'info' });
      expect(result.classification).toBe('major-update');
    }
  });

  it('lists a new required webhook callback URL parameter as non-breaking: the platform fills it', () => {
    const result = diffEdited(addParameter({ required: true, 'x-ms-notification-url': true }));
    expect(result.changes.map((change) => [change.ruleId, change.breaking])).toEqual([
      ['CHG-PARAM-ADDED', false],
    ]);
  });
});

describe('a parameter repeated in its list', () => {
  // Only the first of a name and location is compared: the repeat is SWG-PARAM-DUP's finding.
  const repeatStatus = (edit: (repeat: Json) => void) => (swagger: Json) => {
    const repeat = structuredClone(listTasks(swagger).parameters[0]);
    edit(repeat);
    listTasks(swagger).parameters.push(repeat);
  };

  it('compares the first of the new version with the old parameter, not the repeat', () => {
    const result = diffEdited(repeatStatus((repeat) => (repeat.type = 'integer')));
    expect(withRule(result, 'BRK-INPUT-TYPE')).toEqual([]);
  });

  it("compares the old version's first with the new parameter, not the repeat", () => {
    const result = diffEdited(
      (swagger) => listTasks(swagger).parameters.pop(),
      validSwaggerWith(repeatStatus((repeat) => (repeat.type = 'integer'))),
    );
    expect(withRule(result, 'BRK-INPUT-TYPE')).toEqual([]);
  });
});

describe('BRK-OPTIONAL-TO-REQUIRED', () => {
  it('fires when an optional parameter becomes required', () => {
    const [change] = withRule(
      diffEdited((swagger) => (listTasks(swagger).parameters[0].required = true)),
      'BRK-OPTIONAL-TO-REQUIRED',
    );
    expect(change).toMatchObject({ severity: 'error', pointer: '/paths/~1tasks/get/parameters/0/required' });
  });

  // `validate --fix` writes the true that "true" stands for (SWG-JSONTYPE): the parameter was required
  // as meant, and --base compares the fixed file with the base that writes the string.
  it('stays quiet when a parameter required "true" is written required true, and back', () => {
    const asString = validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = 'true'));
    const asBoolean = validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = true));
    expect(
      diffEdited((swagger) => (listTasks(swagger).parameters[0].required = true), asString).changes,
    ).toEqual([]);
    expect(
      diffEdited((swagger) => (listTasks(swagger).parameters[0].required = 'True'), asBoolean).changes,
    ).toEqual([]);
  });

  it("stays quiet when a body schema's required written as a string is written as the list it stands for", () => {
    const asString = validSwaggerWith(
      (swagger) => (createTask(swagger).parameters[0].schema.required = 'title'),
    );
    const fixed = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.required = ['title']),
      asString,
    );
    expect(fixed.changes).toEqual([]);
    // A string that names no property of the schema stands for no list: nothing was required.
    const unnamed = validSwaggerWith(
      (swagger) => (createTask(swagger).parameters[0].schema.required = 'true'),
    );
    const made = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.required = ['title']),
      unnamed,
    );
    expect(withRule(made, 'BRK-OPTIONAL-TO-REQUIRED')).toHaveLength(1);
  });

  it('fires when a parameter required "false" becomes required', () => {
    const start = validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = 'false'));
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].required = 'true'), start);
    expect(withRule(result, 'BRK-OPTIONAL-TO-REQUIRED')).toHaveLength(1);
  });

  it('lists a parameter made required that has a default, or made optional, as a non-breaking change', () => {
    // The platform sends the default for flows that did not: nothing breaks, but the file changed,
    // and certification sees an update, not "no change".
    const withDefault = validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].default = 'open'));
    const required = diffEdited((swagger) => (listTasks(swagger).parameters[0].required = true), withDefault);
    const optional = diffEdited(
      (swagger) => (listTasks(swagger).parameters[0].required = false),
      validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = true)),
    );
    for (const [result, detail] of [
      [required, /Changed: required, with a default that the platform sends for flows that do not\./],
      [optional, /Changed: required \(now optional\)\./],
    ] as const) {
      expect(result.changes).toEqual([
        expect.objectContaining({
          ruleId: 'CHG-OTHER',
          breaking: false,
          pointer: '/paths/~1tasks/get/parameters/0/required',
          valuePath: 'operation/ListTasks/parameter/status',
        }),
      ]);
      expect(result.changes[0]!.message).toMatch(detail);
      expect(result.classification).toBe('major-update');
    }
  });

  it('stays quiet when a body with required fields is marked required (flows already send it)', () => {
    const optionalBody = validSwaggerWith((swagger) => delete createTask(swagger).parameters[0].required);
    const result = diffEdited((swagger) => (createTask(swagger).parameters[0].required = true), optionalBody);
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')[0]).toMatchObject({
      pointer: '/paths/~1tasks/post/parameters/0/required',
      valuePath: 'operation/CreateTask/parameter/body',
    });
    const noRequiredField = validSwaggerWith((swagger) => {
      delete createTask(swagger).parameters[0].required;
      createTask(swagger).parameters[0].schema.required = [];
    });
    const loud = diffEdited((swagger) => {
      createTask(swagger).parameters[0].required = true;
      createTask(swagger).parameters[0].schema.required = [];
    }, noRequiredField);
    expect(withRule(loud, 'BRK-OPTIONAL-TO-REQUIRED')).toHaveLength(1);
  });

  it("looks at a shared body definition's required fields once, not once per operation made to send it", () => {
    // Each operation's body `$ref`s D, optional and then required: whether flows already sent it is
    // whether D lists required fields. A view of D (all its properties) was built per operation to
    // tell: 2,000 operations over 10,000 fields took 9 s. Reads of D's 'required' count the looks.
    const operations = 50;
    let reads = 0;
    const swagger = (required: boolean, definition: Json): Json => {
      const paths: Json = {};
      for (let index = 0; index < operations; index++) {
        paths[`/items${index}`] = {
          post: {
            operationId: `Post${index}`,
            parameters: [{ name: 'body', in: 'body', required, schema: { $ref: '#/definitions/D' } }],
            responses: { 200: { description: 'OK' } },
          },
        };
      }
      return { swagger: '2.0', info: { title: 'T', version: '1' }, paths, definitions: { D: definition } };
    };
    const counted = new Proxy(
      { type: 'object', properties: { a: { type: 'string' } } },
      {
        get(target, key, receiver) {
          if (key === 'required') reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const entries = diffSwaggerValues(
      swagger(false, counted),
      swagger(true, { type: 'object', properties: { a: { type: 'string' } } }),
    );
    expect(
      [...expandEntries(entries)].filter((change) => change.rule.id === 'BRK-OPTIONAL-TO-REQUIRED'),
    ).toHaveLength(operations);
    expect(reads).toBeLessThan(10);
  });

  it("fires when an optional body field becomes required, on its entry in 'required' (the line edited)", () => {
    // The field itself can be many lines above the 'required' list, outside the pull request's diff.
    const result = diffEdited((swagger) => createTask(swagger).parameters[0].schema.required.push('due'));
    expect(withRule(result, 'BRK-OPTIONAL-TO-REQUIRED')).toEqual([
      expect.objectContaining({
        pointer: '/paths/~1tasks/post/parameters/0/schema/required/1',
        valuePath: 'operation/CreateTask/parameter/body/schema/due',
      }),
    ]);
    expect(withRule(result, 'BRK-OPTIONAL-TO-REQUIRED')[0]!.message).toMatch(
      /'due' is now listed in 'required'/,
    );
  });

  it('lists a body field made required that has a default as a non-breaking change, not as no change', () => {
    const withDefault = validSwaggerWith(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.due.default = '2030-01-01'),
    );
    const result = diffEdited(
      (swagger) => createTask(swagger).parameters[0].schema.required.push('due'),
      withDefault,
    );
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        breaking: false,
        pointer: '/paths/~1tasks/post/parameters/0/schema',
      }),
    ]);
    expect(result.changes[0]!.message).toMatch(/Changed: required \(added 'due'\)\./);
    expect(result.classification).toBe('major-update');
  });

  it('stays quiet when a required field becomes optional', () => {
    const result = diffEdited((swagger) => (createTask(swagger).parameters[0].schema.required = []));
    expect(withRule(result, 'BRK-OPTIONAL-TO-REQUIRED')).toEqual([]);
    expect(result.classification).toBe('major-update');
  });
});

describe('BRK-REQ-FIELD-ADDED', () => {
  it('fires on a new required body field', () => {
    const result = diffEdited((swagger) => {
      const schema = createTask(swagger).parameters[0].schema;
      schema.properties.owner = { type: 'string' };
      schema.required.push('owner');
    });
    const [change] = withRule(result, 'BRK-REQ-FIELD-ADDED');
    expect(change).toMatchObject({
      severity: 'error',
      operationId: 'CreateTask',
      pointer: '/paths/~1tasks/post/parameters/0/schema/properties/owner',
      valuePath: 'operation/CreateTask/parameter/body/schema/owner',
    });
    expect(change!.message).toBe(
      "The required input field has been added. Existing flows will not send this new field. Make it optional or give it a default; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.",
    );
  });

  it("lists a new required field that the platform fills (a webhook's callback URL) as non-breaking", () => {
    const result = diffEdited((swagger) => {
      const schema = createTask(swagger).parameters[0].schema;
      schema.properties.callback = {
        type: 'string',
        'x-ms-notification-url': true,
        'x-ms-visibility': 'internal',
      };
      schema.properties.webhook = {
        type: 'object',
        required: ['url', 'events'],
        properties: {
          url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
          events: {
            type: 'array',
            items: { type: 'string' },
            default: ['created'],
            'x-ms-visibility': 'internal',
          },
        },
      };
      schema.required.push('callback', 'webhook');
    });
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-INPUT-FIELD-ADDED')).toHaveLength(2);
  });

  it('fires on a new required object with a field flows must fill', () => {
    const result = diffEdited((swagger) => {
      const schema = createTask(swagger).parameters[0].schema;
      schema.properties.webhook = {
        type: 'object',
        required: ['url', 'secret'],
        properties: {
          url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
          secret: { type: 'string' },
        },
      };
      schema.required.push('webhook');
    });
    expect(withRule(result, 'BRK-REQ-FIELD-ADDED').map((change) => change.valuePath)).toEqual([
      'operation/CreateTask/parameter/body/schema/webhook',
    ]);
  });

  it('lists a new optional body field as non-breaking', () => {
    const result = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.owner = { type: 'string' }),
    );
    expect(withRule(result, 'BRK-REQ-FIELD-ADDED')).toEqual([]);
    expect(withRule(result, 'CHG-INPUT-FIELD-ADDED')).toHaveLength(1);
  });
});

describe('BRK-PARAM-DELETED', () => {
  it('fires as a warning when a parameter is removed, in the old file', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters = []));
    expect(withRule(result, 'BRK-PARAM-DELETED')[0]).toMatchObject({
      severity: 'warning',
      side: 'old',
      pointer: '/paths/~1tasks/get/parameters/0',
    });
  });

  it('advises keeping a deleted parameter, but not a path parameter whose placeholder left the path', () => {
    const query = withRule(
      diffEdited((swagger) => (listTasks(swagger).parameters = [])),
      'BRK-PARAM-DELETED',
    );
    expect(query[0]!.message).toBe(
      "The input has been deleted. Existing flows will continue to send it. Keep it, even if the API now ignores it; or add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.",
    );
    // '/tasks/{taskId}' to '/tasks/current': 'taskId' cannot be kept without its placeholder, and
    // BRK-PATH-CHANGED advises keeping the old path.
    const result = diffEdited((swagger) => {
      const item = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
      item.get.parameters = [];
      swagger.paths['/tasks/current'] = item;
    });
    expect(withRule(result, 'BRK-PARAM-DELETED').map((change) => change.message)).toEqual([
      "The input has been deleted. Existing flows will continue to send it. Add the change to a new version of the operation (an operationId ending in '_V2') and deprecate this one.",
    ]);
    expect(withRule(result, 'BRK-PATH-CHANGED')[0]!.message).toMatch(/Keep the old method and path;/);
  });

  describe('of a parameter whose default was a secret', () => {
    // Built from pieces so that no secret-shaped literal is committed.
    const KEY = '9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d';
    const FUNCTION_KEY = 'qN7v' + 'Xr2LpW9sKd4TzQ8mYb6HcJ1fGe5UaR3oVi0xEn_Bw-Zt2kPy7sLq==';
    const withInternal = (parameter: Json, host?: string) =>
      validSwaggerWith((swagger) => {
        if (host) swagger.host = host;
        const internal = { in: 'query', type: 'string', required: true, 'x-ms-visibility': 'internal' };
        listTasks(swagger).parameters.push({ ...internal, ...parameter });
      });
    const deleted = (before: Json) =>
      withRule(
        diffEdited((swagger) => listTasks(swagger).parameters.pop(), before),
        'BRK-PARAM-DELETED',
      );

    it('says that removing it is right and that the key must be revoked, not to keep it', () => {
      // Weavo Liquid Loom (PowerPlatformConnectors #3269) deleted an internal `code` parameter whose
      // default was its Azure Function's key; an internal api_key is the same leak.
      for (const before of [
        withInternal({ name: 'code', default: FUNCTION_KEY }, 'liquidloom.azurewebsites.net'),
        withInternal({ name: 'api_key', default: KEY }),
        withInternal({ name: 'x-functions-key', in: 'header', default: FUNCTION_KEY }),
      ]) {
        const changes = deleted(before);
        expect(changes).toMatchObject([{ severity: 'warning', side: 'old' }]);
        const { message } = changes[0]!;
        expect(message).toMatch(
          /^The input has been deleted\. Existing flows will continue to send it\. Its default looked like a real secret \(\w{4}\*{6} \(\d+ characters\)\)\. Removing it is right: .* revoke that key/,
        );
        expect(message).not.toMatch(/Keep it/);
        expect(message).not.toContain(KEY);
        expect(message).not.toContain(FUNCTION_KEY);
      }
    });

    it('still advises keeping it when the default is a placeholder, or `code` is not on a Function app', () => {
      for (const before of [
        withInternal({ name: 'api_key', default: 'YOUR_API_KEY' }),
        withInternal({ name: 'code', default: FUNCTION_KEY }, 'api.example.com'),
        withInternal({ name: 'region', default: KEY }),
      ]) {
        expect(deleted(before).map((change) => change.message)).toEqual([
          expect.stringMatching(/Keep it, even if the API now ignores it;/),
        ]);
      }
    });

    describe('of an input field whose default was a secret', () => {
      const bodyProperties = (swagger: Json): Json => createTask(swagger).parameters[0].schema.properties;
      /** The base version with the body field `name`, as `field` says, that the new version deleted. */
      const fieldDeleted = (name: string, field: Json, edit: (swagger: Json) => void = () => {}) => {
        const before = validSwaggerWith((swagger) => {
          swagger.host = 'liquidloom.azurewebsites.net';
          bodyProperties(swagger)[name] = field;
          edit(swagger);
        });
        return withRule(
          diffEdited((swagger) => delete bodyProperties(swagger)[name], before),
          'BRK-PARAM-DELETED',
        );
      };
      const internal = { type: 'string', 'x-ms-visibility': 'internal' };

      it('says that removing it is right and that the key must be revoked, as of a parameter', () => {
        for (const [name, field, edit] of [
          ['api_key', { ...internal, default: KEY }],
          ['x-functions-key', { ...internal, default: FUNCTION_KEY }],
          // The default of a field given by a $ref is the definition's.
          [
            'apiKey',
            { $ref: '#/definitions/ApiKey' },
            (swagger: Json) => (swagger.definitions.ApiKey = { ...internal, default: KEY }),
          ],
        ] as const) {
          const changes = fieldDeleted(name, field, edit);
          expect(changes).toMatchObject([{ severity: 'warning', side: 'old' }]);
          const { message } = changes[0]!;
          expect(message).toMatch(
            new RegExp(
              `^The input has been deleted\\. Existing flows will continue to send it\\. The input field '${name}' has been removed\\. Its default looked like a real secret \\(\\w{4}\\*{6} \\(\\d+ characters\\)\\)\\. Removing it is right: .* revoke that key`,
            ),
          );
          expect(message).not.toMatch(/Keep it/);
          expect(message).not.toContain(KEY);
          expect(message).not.toContain(FUNCTION_KEY);
        }
      });

      it('says the same of a deleted body sent as a string whose default was a secret, as GEN-SECRETS reads it', () => {
        const before = validSwaggerWith((swagger) =>
          listTasks(swagger).parameters.push({
            name: 'api_key',
            in: 'body',
            schema: { ...internal, default: KEY },
          }),
        );
        const changes = withRule(
          diffEdited((swagger) => listTasks(swagger).parameters.pop(), before),
          'BRK-PARAM-DELETED',
        );
        expect(changes).toMatchObject([{ severity: 'warning', side: 'old' }]);
        expect(changes[0]!.message).toMatch(
          /^The input has been deleted\. Existing flows will continue to send it\. Its default looked like a real secret \(\w{4}\*{6} \(\d+ characters\)\)\. Removing it is right: .* revoke that key/,
        );
        expect(changes[0]!.message).not.toContain(KEY);
      });

      it('still advises keeping a placeholder, another field, or a body field `code` on a Function app', () => {
        // A Function app reads its key from the query's `code` or a header, never from a body.
        for (const [name, field] of [
          ['api_key', { ...internal, default: 'YOUR_API_KEY' }],
          ['region', { ...internal, default: KEY }],
          ['code', { ...internal, default: FUNCTION_KEY }],
        ] as const) {
          expect(fieldDeleted(name, field).map((change) => change.message)).toEqual([
            expect.stringMatching(/has been removed\. Keep it, even if the API now ignores it;/),
          ]);
        }
      });
    });
  });

  it("tells a deleted required body field once: its name leaving 'required' is part of the deletion", () => {
    const result = diffEdited((swagger) => {
      const body = createTask(swagger).parameters[0].schema;
      delete body.properties.title;
      body.required = [];
    });
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PARAM-DELETED']);
  });

  it('stays quiet when the parameter is still there', () => {
    expect(
      withRule(
        diffEdited(() => undefined),
        'BRK-PARAM-DELETED',
      ),
    ).toEqual([]);
  });
});

describe('BRK-PARAM-RENAMED', () => {
  it('fires when a parameter disappears and a required one of the same type appears in its place', () => {
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{taskId}'].get.parameters[0].name = 'id';
    });
    const [change] = withRule(result, 'BRK-PARAM-RENAMED');
    expect(change).toMatchObject({ severity: 'error', valuePath: 'operation/GetTask/parameter/id' });
    expect(change!.message).toMatch(/'taskId' is now 'id'/);
    expect(withRule(result, 'BRK-REQ-PARAM-ADDED')).toEqual([]);
  });

  it('is a deletion and a required addition when the two share only their location and type', () => {
    // ConnectWise PSA (PowerPlatformConnectors 2fad1790) dropped its optional 'Content-Type' header
    // and added a required 'Authorization' one: two strings, not one parameter renamed.
    const contentType = {
      name: 'Content-Type',
      in: 'header',
      type: 'string',
      required: false,
      default: 'application/json',
      'x-ms-summary': 'Content Type',
      description: 'The content type of the request payload.',
    };
    const authorization = {
      name: 'Authorization',
      in: 'header',
      type: 'string',
      required: true,
      'x-ms-summary': 'Authorization Header',
      description: 'API Key used for authentication.',
    };
    const result = diffEdited(
      (swagger) => (listTasks(swagger).parameters[1] = authorization),
      validSwaggerWith((swagger) => listTasks(swagger).parameters.push(contentType)),
    );
    expect(result.changes.map((change) => [change.ruleId, change.valuePath])).toEqual([
      ['BRK-REQ-PARAM-ADDED', 'operation/ListTasks/parameter/Authorization'],
      ['BRK-PARAM-DELETED', 'operation/ListTasks/parameter/Content-Type'],
    ]);
    expect(result.classification).toBe('breaking');
  });

  it('fires on a required parameter whose name is the old one written another way, or whose text was kept', () => {
    const requiredStatus = validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = true));
    const renames: [string, (parameter: Json) => void][] = [
      ['task_status', (parameter) => (parameter.description = 'The status the tasks are in.')],
      ['state', (parameter) => delete parameter['x-ms-summary']],
    ];
    for (const [name, edit] of renames) {
      const result = diffEdited((swagger) => {
        const [status] = listTasks(swagger).parameters;
        status.name = name;
        edit(status);
      }, requiredStatus);
      expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PARAM-RENAMED']);
      expect(result.changes[0]!.message).toContain(`'status' is now '${name}'.`);
    }
  });

  it('fires on a required parameter whose new name contains the old one, with both texts rewritten', () => {
    const result = diffEdited(
      (swagger) => {
        const [status] = listTasks(swagger).parameters;
        Object.assign(status, { name: 'taskStatus', 'x-ms-summary': 'State', description: 'Only these.' });
      },
      validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].required = true)),
    );
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PARAM-RENAMED']);
  });

  it('is a deletion and a required addition when a one-letter name is inside the new one', () => {
    // 'q' is in 'quick', as it is in many names: one letter says nothing of the parameter.
    const result = diffEdited(
      (swagger) => {
        const [q] = listTasks(swagger).parameters;
        Object.assign(q, { name: 'quick', 'x-ms-summary': 'Quick', description: 'Quick tasks only.' });
      },
      validSwaggerWith((swagger) =>
        Object.assign(listTasks(swagger).parameters[0], { name: 'q', required: true }),
      ),
    );
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-REQ-PARAM-ADDED',
    ]);
  });

  it('is a deletion and a required addition when two parameters of the location are gone and one came', () => {
    const result = diffEdited((swagger) => {
      const [status] = listTasks(swagger).parameters;
      Object.assign(status, { name: 'state', required: true });
      listTasks(swagger).parameters.pop();
    }, withOptionalOwner());
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-PARAM-DELETED',
      'BRK-REQ-PARAM-ADDED',
    ]);
  });

  it('takes a renamed path parameter as a rename whatever its name and texts: it fills the same placeholder', () => {
    const result = diffEdited((swagger) => {
      const item = swagger.paths['/tasks/{taskId}'];
      Object.assign(item.get.parameters[0], { name: 'key', 'x-ms-summary': 'Key', description: 'The key.' });
      swagger.paths['/tasks/{key}'] = item;
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PARAM-RENAMED']);
  });

  it("takes a new name for an operation's one body as a rename, whatever the name", () => {
    // HubSpot CRM (PowerPlatformConnectors f0ebbda2) renamed its bodies 'body' to 'deal', 'ticket'…
    const result = diffEdited((swagger) => (createTask(swagger).parameters[0].name = 'deal'));
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PARAM-RENAMED']);
  });

  it('reports a renamed path parameter once, as a rename and not also as a new path template', () => {
    const result = diffEdited((swagger) => {
      const item = swagger.paths['/tasks/{taskId}'];
      item.get.parameters[0].name = 'id';
      swagger.paths['/tasks/{id}'] = item;
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(result.changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['BRK-PARAM-RENAMED', '/paths/~1tasks~1{id}/get/parameters/0'],
    ]);
  });

  it('leaves BRK-PATH-CHANGED to a template whose placeholder no parameter follows', () => {
    const result = diffEdited((swagger) => {
      swagger.paths['/tasks/{id}'] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    });
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-PATH-CHANGED']);
  });
});

describe('BRK-OPTIONAL-PARAM-RENAMED', () => {
  /** ListTasks' optional `status` query parameter, renamed, with `edit` made to the new one. */
  const renameStatus =
    (edit: (parameter: Json) => void = () => undefined) =>
    (swagger: Json) => {
      const [status] = listTasks(swagger).parameters;
      status.name = 'state';
      edit(status);
    };

  it('fires once, as a warning naming both names, when an optional parameter is renamed', () => {
    const result = diffEdited(renameStatus());
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-OPTIONAL-PARAM-RENAMED']);
    const [change] = result.changes;
    expect(change).toMatchObject({
      breaking: true,
      severity: 'warning',
      side: 'new',
      pointer: '/paths/~1tasks/get/parameters/0',
      valuePath: 'operation/ListTasks/parameter/state',
    });
    expect(change!.message).toMatch(
      /^The optional parameter has been renamed\. .* 'status' is now 'state'\./,
    );
    expect(result.classification).toBe('breaking');
  });

  it('fires on a renamed header parameter whose description was edited but whose x-ms-summary was kept', () => {
    const result = diffEdited(
      renameStatus((parameter) => {
        parameter.in = 'header';
        parameter.description = 'The status of the tasks to list.';
      }),
      validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].in = 'header')),
    );
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-OPTIONAL-PARAM-RENAMED']);
  });

  it('fires when neither the old nor the new parameter has a summary or a description', () => {
    const result = diffEdited(
      renameStatus(),
      validSwaggerWith((swagger) => withoutTexts(listTasks(swagger).parameters[0])),
    );
    expect(result.changes.map((change) => change.ruleId)).toEqual(['BRK-OPTIONAL-PARAM-RENAMED']);
  });

  it('stays a deletion plus a required addition when the new parameter must be sent', () => {
    const result = diffEdited(
      renameStatus((parameter) => (parameter.required = true)),
      validSwaggerWith((swagger) => withoutTexts(listTasks(swagger).parameters[0])),
    );
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-REQ-PARAM-ADDED',
    ]);
  });

  it('stays a deletion plus an addition when two parameters of the location are gone and one came', () => {
    const base = withOptionalOwner();
    const result = diffEdited((swagger) => {
      renameStatus()(swagger);
      listTasks(swagger).parameters.pop();
    }, base);
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-PARAM-DELETED',
      'CHG-PARAM-ADDED',
    ]);
  });

  it('stays a deletion plus an addition when the type, or both texts, differ', () => {
    const edits: ((parameter: Json) => void)[] = [
      (parameter) => (parameter.type = 'integer'),
      (parameter) => {
        parameter['x-ms-summary'] = 'State';
        parameter.description = 'Only tasks in this state.';
      },
    ];
    for (const edit of edits) {
      const result = diffEdited(renameStatus(edit));
      expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
        'BRK-PARAM-DELETED',
        'CHG-PARAM-ADDED',
      ]);
    }
  });

  it('stays a deletion plus an addition when the pairing is ambiguous (two gone, two new)', () => {
    const base = withOptionalOwner();
    const result = diffEdited((swagger) => {
      const [status, owner] = listTasks(swagger).parameters;
      status.name = 'state';
      owner.name = 'assignee';
    }, base);
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-PARAM-DELETED',
      'CHG-PARAM-ADDED',
      'CHG-PARAM-ADDED',
    ]);
  });
});

describe('BRK-INPUT-TYPE', () => {
  it('fires when a query parameter changes type', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].type = 'integer'));
    expect(withRule(result, 'BRK-INPUT-TYPE')[0]).toMatchObject({
      severity: 'error',
      pointer: '/paths/~1tasks/get/parameters/0/type',
      valuePath: 'operation/ListTasks/parameter/status/type',
    });
  });

  it('leaves a format change alone to BRK-INPUT-FORMAT, and reports a type change once when both change', () => {
    const result = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.due.format = 'date'),
    );
    expect(withRule(result, 'BRK-INPUT-TYPE')).toEqual([]);
    const both = diffEdited(
      (swagger) =>
        (createTask(swagger).parameters[0].schema.properties.due = { type: 'integer', format: 'int64' }),
    );
    expect(withRule(both, 'BRK-INPUT-TYPE').length).toBe(1);
    expect(withRule(both, 'BRK-INPUT-FORMAT')).toEqual([]);
  });

  it('stays quiet when a numeric input widens (integer to number, int32 to int64), not when it narrows', () => {
    const withCount = (type: string, format: string) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.count = { type, format };
    };
    const from = (type: string, format: string): Json => validSwaggerWith(withCount(type, format));
    const widened = diffEdited(withCount('number', 'double'), from('integer', 'int32'));
    expect(widened.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(widened, 'CHG-OTHER')[0]!.message).toMatch(
      /Changed: type \(from 'integer' to 'number'\), format \(from 'int32' to 'double'\)/,
    );
    const longer = diffEdited(withCount('integer', 'int64'), from('integer', 'int32'));
    expect(longer.changes.filter((change) => change.breaking)).toEqual([]);
    const narrowed = diffEdited(withCount('integer', 'int32'), from('integer', 'int64'));
    expect(withRule(narrowed, 'BRK-INPUT-FORMAT')[0]!.message).toMatch(
      /format changed from 'int64' to 'int32'/,
    );
    const truncated = diffEdited(withCount('integer', 'int32'), from('number', 'float'));
    expect(withRule(truncated, 'BRK-INPUT-TYPE')[0]!.message).toMatch(
      /type changed from 'number' to 'integer'/,
    );
  });

  // `validate --fix` writes them as meant (SWG-FORMAT, SWG-JSONENUM, SWG-JSONTYPE): the file
  // changed, no value flows send did.
  it('lists, as no break, an input type and format written as meant: Integer, [integer, null], Int32', () => {
    const withCount = (type: unknown, format: string) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.count = { type, format };
    };
    for (const [type, format] of [
      ['Integer', 'Int32'],
      [['integer', 'null'], 'INT32'],
    ] as const) {
      const result = diffEdited(withCount('integer', 'int32'), validSwaggerWith(withCount(type, format)));
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
      expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/Changed: type \(from .*\), format \(from /);
    }
    const twoTypes = diffEdited(
      withCount('integer', 'int32'),
      validSwaggerWith(withCount(['integer', 'string'], 'int32')),
    );
    expect(withRule(twoTypes, 'BRK-INPUT-TYPE')).toHaveLength(1);
  });

  it('fires when a numeric input format narrows (double to float, float to int64)', () => {
    const withAmount = (format: string) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.amount = { type: 'number', format };
    };
    const shorter = diffEdited(withAmount('float'), validSwaggerWith(withAmount('double')));
    expect(withRule(shorter, 'BRK-INPUT-FORMAT')[0]!.message).toMatch(
      /format changed from 'double' to 'float'/,
    );
    const whole = diffEdited(withAmount('int64'), validSwaggerWith(withAmount('float')));
    expect(withRule(whole, 'BRK-INPUT-FORMAT')[0]!.message).toMatch(/format changed from 'float' to 'int64'/);
  });

  it('fires when an integer input becomes a string, or a string input a number: only integer to number widens', () => {
    const withCount = (type: string) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.count = { type };
    };
    const fromInteger = diffEdited(withCount('string'), validSwaggerWith(withCount('integer')));
    expect(withRule(fromInteger, 'BRK-INPUT-TYPE')[0]!.message).toMatch(
      /type changed from 'integer' to 'string'/,
    );
    const toNumber = diffEdited(withCount('number'), validSwaggerWith(withCount('string')));
    expect(withRule(toNumber, 'BRK-INPUT-TYPE')[0]!.message).toMatch(
      /type changed from 'string' to 'number'/,
    );
  });

  it('stays quiet when the same schema moves into a definition behind a $ref', () => {
    const result = diffEdited((swagger) => {
      swagger.definitions.NewTask = createTask(swagger).parameters[0].schema;
      createTask(swagger).parameters[0].schema = { $ref: '#/definitions/NewTask' };
    });
    expect(result.changes).toEqual([]);
  });
});

describe('BRK-INPUT-FORMAT', () => {
  it("fires when a body field changes format, at its format key, with our text in Microsoft's words", () => {
    const result = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.due.format = 'date'),
    );
    const [change] = withRule(result, 'BRK-INPUT-FORMAT');
    expect(change).toMatchObject({
      severity: 'error',
      pointer: '/paths/~1tasks/post/parameters/0/schema/properties/due/format',
      valuePath: 'operation/CreateTask/parameter/body/schema/due/format',
    });
    expect(change!.message).toMatch(
      /^The type format has been changed for the input field\. .*format changed from 'date-time' to 'date'/,
    );
  });
});

describe('BRK-INPUT-ENUM-ADDED', () => {
  const withUrgentFlag = (): Json => {
    const swagger = validSwagger();
    createTask(swagger).parameters[0].schema.properties.urgent = { type: 'boolean' };
    return swagger;
  };

  // The tester's Authorization header gained an enum of one GitHub token, printed whole (session 77).
  it('masks a secret among the allowed values, as GEN-SECRETS masks it', () => {
    const token = 'ghp_q8ZrT3vX9kL2mN5pQ7sW1yB4dF6hJ0aC2eGxY';
    const result = diffEdited(
      (swagger) =>
        (createTask(swagger).parameters[0].schema.properties.title.enum = [`Bearer ${token}`, 'None']),
    );
    expect(JSON.stringify(result)).not.toContain(token);
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')[0]!.message).toContain(
      "Allowed values: 'Bearer ghp_****** (41 characters)', 'None'.",
    );
  });

  it('fires when an input gains an enum', () => {
    const result = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.title.enum = ['a', 'b']),
    );
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')[0]).toMatchObject({
      pointer: '/paths/~1tasks/post/parameters/0/schema/properties/title/enum',
      valuePath: 'operation/CreateTask/parameter/body/schema/title/enum',
    });
  });

  it('lists an enum of both booleans on a boolean input as another property: it allows every value', () => {
    // Zoho Calendar's 'isallday' (PowerPlatformConnectors e2b1a1dd) gained enum [true, false].
    const result = diffEdited((swagger) => {
      createTask(swagger).parameters[0].schema.properties.urgent = { type: 'boolean', enum: [true, false] };
    }, withUrgentFlag());
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toHaveLength(1);
    expect(result.classification).toBe('major-update');
  });

  it('still fires when a boolean input gains an enum of one value', () => {
    const result = diffEdited((swagger) => {
      createTask(swagger).parameters[0].schema.properties.urgent = { type: 'boolean', enum: [true] };
    }, withUrgentFlag());
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')).toHaveLength(1);
  });

  it('still fires when an input of no declared type gains an enum of both booleans: no other value is allowed', () => {
    const result = diffEdited(
      (swagger) => (createTask(swagger).parameters[0].schema.properties.flag = { enum: [true, false] }),
      validSwaggerWith((swagger) => (createTask(swagger).parameters[0].schema.properties.flag = {})),
    );
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')).toHaveLength(1);
  });

  it('stays quiet when an output gains an enum', () => {
    const result = diffEdited(
      (swagger) => (swagger.definitions.Task.properties.status.enum = ['open', 'done']),
    );
    expect(withRule(result, 'BRK-INPUT-ENUM-ADDED')).toEqual([]);
  });
});

describe('BRK-ENUM-NARROWED', () => {
  it('fires when input enum values are removed', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].enum = ['open']));
    const [change] = withRule(result, 'BRK-ENUM-NARROWED');
    // The last value removed: the value before it, the line whose comma the deletion took.
    expect(change).toMatchObject({ severity: 'error', pointer: '/paths/~1tasks/get/parameters/0/enum/0' });
    expect(change!.message).toMatch(/Removed: 'done'/);
  });

  it('is placed where the first removed value was: the value that now follows it', () => {
    const result = diffEdited((swagger) => (listTasks(swagger).parameters[0].enum = ['done']));
    const [change] = withRule(result, 'BRK-ENUM-NARROWED');
    expect(change).toMatchObject({ pointer: '/paths/~1tasks/get/parameters/0/enum/0', side: 'new' });
    expect(change!.message).toMatch(/Removed: 'open'/);
  });

  it('names every removed value, and is placed where the first of them was', () => {
    const result = diffEdited(
      (swagger) => (listTasks(swagger).parameters[0].enum = ['b', 'd']),
      validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].enum = ['a', 'b', 'c', 'd'])),
    );
    const [change] = withRule(result, 'BRK-ENUM-NARROWED');
    expect(change).toMatchObject({ pointer: '/paths/~1tasks/get/parameters/0/enum/0', side: 'new' });
    expect(change!.message).toMatch(/Removed: 'a', 'c'\./);
  });

  it('is placed at the schema that merges the allOf member whose value was removed', () => {
    const withKind = (values: string[]) => (swagger: Json) => {
      swagger.definitions.Kind = { type: 'string', enum: values };
      createTask(swagger).parameters[0].schema.properties.kind = { allOf: [{ $ref: '#/definitions/Kind' }] };
    };
    const result = diffEdited(withKind(['b']), validSwaggerWith(withKind(['a', 'b'])));
    const [change] = withRule(result, 'BRK-ENUM-NARROWED');
    expect(change).toMatchObject({
      pointer: '/paths/~1tasks/post/parameters/0/schema/properties/kind',
      side: 'new',
    });
    expect(change!.message).toMatch(/Removed: 'a'\./);
  });

  it('fires when a null value is rewritten as the text null: a flow that sent null is refused', () => {
    const result = diffEdited(
      (swagger) => (listTasks(swagger).parameters[0].enum = ['open', 'null']),
      validSwaggerWith((swagger) => (listTasks(swagger).parameters[0].enum = ['open', null])),
    );
    expect(withRule(result, 'BRK-ENUM-NARROWED')[0]!.message).toMatch(/Removed: 'null'\./);
  });

  it('lists a boolean input whose enum of texts became both booleans as another property: every value is allowed', () => {
    const withDone = (values: unknown[]) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.done = { type: 'boolean', enum: values };
    };
    const result = diffEdited(withDone([true, false]), validSwaggerWith(withDone(['', 'true', 'false'])));
    expect(withRule(result, 'BRK-ENUM-NARROWED')).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/Changed: enum/);
  });

  it('stays quiet when input enum values are added', () => {
    const result = diffEdited((swagger) => listTasks(swagger).parameters[0].enum.push('blocked'));
    expect(withRule(result, 'BRK-ENUM-NARROWED')).toEqual([]);
    expect(result.classification).toBe('major-update');
  });

  describe('when the type changes and the values keep their text', () => {
    // GMO Sign's font size (PowerPlatformConnectors 5d197142): a number with enum [7.5, 8, 9] became a
    // string with enum ['7.5', '8', '9']. The type change is told (BRK-INPUT-TYPE); every value is
    // still offered, so "Removed: '7.5', '8', '9'" named values that are still in the list.
    const withFontSize = (): Json => {
      const swagger = validSwagger();
      createTask(swagger).parameters[0].schema.properties.fontSize = { type: 'number', enum: [7.5, 8, 9] };
      return swagger;
    };
    const retype = (values: unknown[]) => (swagger: Json) => {
      createTask(swagger).parameters[0].schema.properties.fontSize = { type: 'string', enum: values };
    };

    it('tells only the type change when every value is kept as text', () => {
      const result = diffEdited(retype(['7.5', '8', '9']), withFontSize());
      expect(withRule(result, 'BRK-INPUT-TYPE')).toHaveLength(1);
      expect(withRule(result, 'BRK-ENUM-NARROWED')).toEqual([]);
    });

    it('still names a value whose text is gone', () => {
      const result = diffEdited(retype(['8', '9']), withFontSize());
      const [change] = withRule(result, 'BRK-ENUM-NARROWED');
      expect(change!.message).toMatch(/Removed: '7\.5'\./);
    });
  });
});
