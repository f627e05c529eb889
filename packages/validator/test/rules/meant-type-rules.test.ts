import { describe, expect, it } from '@jest/globals';
import { dynamicStatus } from '../helpers/dynamic-status.js';
import { describeRule, swaggerFindings, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';
import { addWebhook } from '../helpers/valid-connector.js';

// A type in other case ("Array") or a JSON-schema type list (["array", "null"]) is told once, by
// SWG-JSONENUM, SWG-PARAM-IN-ENUM or SWG-JSONTYPE, which `validate --fix` answers by writing the type.
// Every other rule judges the schema or parameter by the type meant: its findings are not hidden
// until the fix has run, and none is made up because the type is written another way.

const STATUS = '/paths/~1tasks/get/parameters/0';
const TASK_ID = '/paths/~1tasks~1{taskId}/get/parameters/0';
const CREATE = '/paths/~1tasks/post';
const LIST = '/paths/~1tasks/get';
const ID = '/definitions/Task/properties/id';

/** The types that mean `type` as written another way: in other case, and as a list with null. */
function writtenAsMeant(type: string): [string, string | string[]][] {
  return [
    ['in other case', type[0]!.toUpperCase() + type.slice(1)],
    ['as a list with null', [type, 'null']],
  ];
}

const taskProperty =
  (property: Json): SwaggerEdit =>
  (s) =>
    (s.definitions.Task.properties.id = property);
const createBody = (s: Json): Json => s.paths['/tasks'].post.parameters[0].schema;

describeRule(
  'SWG-ARRAY-ITEMS',
  writtenAsMeant('array').flatMap(([how, type]) => [
    { name: `on a property typed array ${how}`, edit: taskProperty({ type }), pointer: `${ID}/type` },
    {
      name: `on a query parameter typed array ${how}`,
      edit: (s: Json) => (s.paths['/tasks'].get.parameters[0] = { name: 'tags', in: 'query', type }),
      pointer: `${STATUS}/type`,
    },
  ]),
  writtenAsMeant('array').map(([how, type]) => ({
    name: `on an array ${how} with items`,
    edit: taskProperty({ type, items: { type: 'string' } }),
  })),
);

describeRule(
  'SWG-PARAM-FILE',
  writtenAsMeant('file').flatMap(([how, type]) => [
    {
      name: `on a query parameter typed file ${how}`,
      edit: (s: Json) => (s.paths['/tasks'].get.parameters[0].type = type),
      pointer: `${STATUS}/type`,
    },
    { name: `on a property typed file ${how}`, edit: taskProperty({ type }), pointer: `${ID}/type` },
  ]),
  writtenAsMeant('file').map(([how, type]) => ({
    name: `on a formData parameter typed file ${how}`,
    edit: (s: Json) => (s.paths['/tasks'].post.parameters = [{ name: 'file', in: 'formData', type }]),
  })),
);

describeRule(
  'SWG-DISCRIMINATOR',
  [],
  writtenAsMeant('string').map(([how, type]) => ({
    name: `on a required property typed string ${how}`,
    edit: (s: Json) => {
      const task = s.definitions.Task;
      task.discriminator = 'status';
      task.required = ['status'];
      task.properties.status.type = type;
    },
  })),
);

describeRule(
  'SWG-EDITOR',
  [],
  writtenAsMeant('object').map(([how, type]) => ({
    name: `on the dictionary editor on an object ${how}`,
    edit: taskProperty({ type, 'x-ms-editor': 'dictionary' }),
  })),
);

describeRule(
  'SWG-REQ-NONOBJECT',
  writtenAsMeant('string').map(([how, type]) => ({
    name: `on a required list in a string ${how}`,
    edit: taskProperty({ type, required: ['value'] }),
    pointer: `${ID}/required`,
  })),
  writtenAsMeant('object').map(([how, type]) => ({
    name: `on a required list in an object ${how}`,
    edit: (s: Json) => {
      s.definitions.Task.type = type;
      s.definitions.Task.required = ['id'];
    },
  })),
);

describeRule(
  'SWG-REQ-UNDEFINED',
  writtenAsMeant('object').map(([how, type]) => ({
    name: `on a name no property has, in an object ${how}`,
    edit: (s: Json) => {
      s.definitions.Task.type = type;
      s.definitions.Task.required = ['owner'];
    },
    pointer: '/definitions/Task/required/0',
  })),
  [],
);

describeRule(
  'SWG-BINARY-POS',
  writtenAsMeant('string').map(([how, type]) => ({
    name: `on binary content typed string ${how}, nested in a request object`,
    edit: (s: Json) => (createBody(s).properties.file = { type, format: 'binary' }),
    pointer: `${CREATE}/parameters/0/schema/properties/file/format`,
    severity: 'warning' as const,
  })),
  [],
);

describeRule(
  'SWG-RESP-EMPTY-SCHEMA',
  writtenAsMeant('object').map(([how, type]) => ({
    name: `on a bare object ${how}`,
    edit: (s: Json) => (s.paths['/tasks'].get.responses['200'].schema = { type }),
    pointer: `${LIST}/responses/200/schema`,
    severity: 'warning' as const,
  })),
  [],
);

const formFile =
  (type: unknown, consumes: string[]): SwaggerEdit =>
  (s) => {
    s.paths['/tasks'].post.parameters = [
      { name: 'file', in: 'formData', type, 'x-ms-summary': 'File', description: 'The file.' },
    ];
    s.paths['/tasks'].post.consumes = consumes;
  };

describeRule(
  'SWG-FORMURLENC',
  [
    ...writtenAsMeant('file').map(([how, type]) => ({
      name: `on a file ${how} in a URL-encoded form`,
      edit: formFile(type, ['application/x-www-form-urlencoded']),
      pointer: `${CREATE}/parameters/0`,
    })),
    {
      name: 'on a binary string typed as a list with null in a URL-encoded form',
      edit: (s: Json) => {
        formFile(['string', 'null'], ['application/x-www-form-urlencoded'])(s);
        s.paths['/tasks'].post.parameters[0].format = 'binary';
      },
      pointer: `${CREATE}/parameters/0`,
    },
  ],
  [],
);

describe('SWG-MIME-COMPAT on a form file typed in other case or as a list', () => {
  it.each(writtenAsMeant('file'))('asks for multipart/form-data for a file %s', async (_, type) => {
    const findings = await swaggerFindings('SWG-MIME-COMPAT', formFile(type, ['application/json']));
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        `${CREATE}/consumes`,
        `The MIME type(s) are not compatible with the request content type 'multipart/form-data' for operation 'CreateTask'. Its "consumes" lists 'application/json': write "multipart/form-data" there.`,
      ],
    ]);
  });
});

describeRule(
  'SWG-NOTIF-URL-STRING',
  [],
  writtenAsMeant('string').map(([how, type]) => ({
    name: `on a notification URL typed string ${how}`,
    edit: (s: Json) => {
      addWebhook(s);
      s.paths['/hooks'].post.parameters[0].schema.properties.callbackUrl.type = type;
    },
  })),
);

describe('SWG-PATH-PARAM-ENCODING on a path parameter typed integer in other case or as a list', () => {
  it.each(writtenAsMeant('integer'))(
    'is information for an integer %s, which holds no slash',
    async (_, type) => {
      const findings = await swaggerFindings('SWG-PATH-PARAM-ENCODING', (s) => {
        const parameter = s.paths['/tasks/{taskId}'].get.parameters[0];
        delete parameter['x-ms-url-encoding'];
        parameter.type = type;
      });
      expect(findings.map((finding) => [finding.pointer, finding.severity, finding.message])).toEqual([
        [TASK_ID, 'info', expect.stringMatching(/: an integer value holds no '\/' or '%'\./)],
      ]);
    },
  );
});

describe('SWG-DYN-RESULT on a response array typed in other case or as a list', () => {
  it.each(writtenAsMeant('array'))('reads an array %s without items as the array', async (_, type) => {
    const findings = await swaggerFindings(
      'SWG-DYN-RESULT',
      dynamicStatus(
        {},
        (s) => (s.paths['/statuses'].get.responses['200'].schema.properties.value = { type }),
      ),
    );
    expect(findings).toEqual([]);
  });

  it.each(writtenAsMeant('array'))('names an array %s among the arrays of the response', async (_, type) => {
    const findings = await swaggerFindings(
      'SWG-DYN-RESULT',
      dynamicStatus(
        { 'value-collection': 'items' },
        (s) => (s.paths['/statuses'].get.responses['200'].schema.properties.value = { type }),
      ),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/ The response's array there is 'value'\.$/),
    ]);
  });
});

describe('SWG-DYN-PARAMS on parameter types written in other case or as a list', () => {
  it.each(writtenAsMeant('string'))('finds a source parameter typed string %s fit', async (_, type) => {
    const findings = await swaggerFindings(
      'SWG-DYN-PARAMS',
      dynamicStatus({}, (s) => (s.paths['/tasks'].get.parameters[1].type = type)),
    );
    expect(findings).toEqual([]);
  });

  it.each(writtenAsMeant('integer'))('judges a static value by a target type integer %s', async (_, type) => {
    const findings = await swaggerFindings(
      'SWG-DYN-PARAMS',
      dynamicStatus(
        { parameters: { project: { value: true } } },
        (s) => (s.paths['/statuses'].get.parameters[0].type = type),
      ),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      "The parameter has type 'integer', but a static value is provided of type 'boolean'.",
    ]);
  });
});

describeRule(
  'SWG-SAME-NAME-FETCH-SUB',
  [],
  writtenAsMeant('string').map(([how, type]) => ({
    name: `on a subscribe parameter typed string ${how}`,
    edit: (s: Json) => {
      s.paths['/tasks'].get['x-ms-trigger'] = 'single';
      s.paths['/tasks'].get['x-ms-notification'] = { operationId: 'OnTask' };
      s.paths['/hooks'] = {
        post: {
          operationId: 'OnTask',
          'x-ms-trigger': 'single',
          parameters: [
            { name: 'status', in: 'query', type, 'x-ms-summary': 'Status', description: 'Status.' },
          ],
          responses: { '201': { description: 'Created' } },
        },
      };
    },
  })),
);
