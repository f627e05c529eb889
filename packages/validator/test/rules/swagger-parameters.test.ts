import { describe, expect, it } from '@jest/globals';
import {
  describeRule,
  swaggerFindings,
  VALID,
  type Json,
  type SwaggerEdit,
} from '../helpers/swagger-cases.js';
import { runRules } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

const STATUS = '/paths/~1tasks/get/parameters/0';
const TASK_ID = '/paths/~1tasks~1{taskId}/get/parameters/0';
const BODY = '/paths/~1tasks/post/parameters/0';

const status =
  (change: (p: Json) => void): SwaggerEdit =>
  (s) =>
    change(s.paths['/tasks'].get.parameters[0]);
const taskId =
  (change: (p: Json) => void): SwaggerEdit =>
  (s) =>
    change(s.paths['/tasks/{taskId}'].get.parameters[0]);
const body =
  (change: (p: Json) => void): SwaggerEdit =>
  (s) =>
    change(s.paths['/tasks'].post.parameters[0]);
const addQuery =
  (parameter: Record<string, unknown>): SwaggerEdit =>
  (s) =>
    s.paths['/tasks'].get.parameters.push({
      in: 'query',
      type: 'string',
      'x-ms-summary': 'Extra',
      description: 'Extra.',
      ...parameter,
    });

describeRule(
  'SWG-PARAM-XMS-SUMMARY',
  [
    {
      name: 'on a visible query parameter',
      edit: status((p) => delete p['x-ms-summary']),
      pointer: STATUS,
      message:
        /^The 'x-ms-summary' property is required\. Give the query parameter 'status' the label the designer shows for it\.$/,
    },
    {
      name: "at a 'summary' or 'title' written instead, saying to rename it",
      edit: status((p) => {
        p.title = p['x-ms-summary'];
        delete p['x-ms-summary'];
      }),
      pointer: `${STATUS}/title`,
      message: /^The 'x-ms-summary' property is required\. Rename 'title' to 'x-ms-summary': /,
    },
    {
      name: 'once, at the definition, for a shared parameter',
      edit: (s) => {
        s.parameters = { Status: { ...s.paths['/tasks'].get.parameters[0] } };
        delete s.parameters.Status['x-ms-summary'];
        s.paths['/tasks'].get.parameters = [{ $ref: '#/parameters/Status' }];
      },
      pointer: '/parameters/Status',
    },
  ],
  [
    VALID,
    {
      name: 'on an internal parameter',
      edit: status((p) => {
        delete p['x-ms-summary'];
        p['x-ms-visibility'] = 'internal';
      }),
    },
    {
      name: 'on a parameter of an internal operation',
      edit: (s) => {
        delete s.paths['/tasks'].get.parameters[0]['x-ms-summary'];
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
    { name: 'on a body parameter', edit: body((p) => delete p['x-ms-summary']) },
  ],
);

describeRule(
  'SWG-PARAM-DESC',
  [
    {
      name: 'on a visible path parameter',
      edit: taskId((p) => delete p.description),
      pointer: TASK_ID,
      message:
        /^The 'description' property is required\. Describe the path parameter 'taskId': the designer shows it as the field's hint\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on an internal parameter',
      edit: taskId((p) => {
        delete p.description;
        p['x-ms-visibility'] = 'internal';
      }),
    },
  ],
);

describeRule(
  'SWG-PARAM-XMS-SUMMARY-LEN',
  [
    {
      name: 'on 81 characters',
      edit: status((p) => (p['x-ms-summary'] = 'S'.repeat(81))),
      pointer: `${STATUS}/x-ms-summary`,
    },
  ],
  [{ name: 'on 80 characters', edit: status((p) => (p['x-ms-summary'] = 'S'.repeat(80))) }],
);

describeRule(
  'SWG-PATH-PARAM-REQUIRED',
  [
    { name: 'on required: false', edit: taskId((p) => (p.required = false)), pointer: `${TASK_ID}/required` },
    // Swagger 2.0 asks for the boolean true; a string is no boolean. (Where SWG-JSONTYPE is on,
    // it tells "true" alone: below.)
    {
      name: "on required: 'true', where SWG-JSONTYPE is off",
      edit: taskId((p) => (p.required = 'true')),
      pointer: `${TASK_ID}/required`,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PATH-PARAM-IN-TEMPLATE',
  [
    {
      name: 'on a path parameter missing from the path',
      edit: (s) =>
        s.paths['/tasks'].get.parameters.push({ name: 'taskId', in: 'path', required: true, type: 'string' }),
      pointer: '/paths/~1tasks/get/parameters/1',
      message: /'taskId' is not defined in the URI path template/,
    },
    {
      name: "once, on a path parameter in a path item's list shared by two operations",
      edit: (s) =>
        (s.paths['/tasks'].parameters = [{ name: 'taskId', in: 'path', required: true, type: 'string' }]),
      pointer: '/paths/~1tasks/parameters/0',
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PATH-PARAM-ENCODING',
  [
    {
      name: 'on a path parameter without x-ms-url-encoding',
      edit: taskId((p) => delete p['x-ms-url-encoding']),
      pointer: TASK_ID,
      severity: 'warning',
      message: /Encoding for path parameter 'taskId' is missing/,
    },
    {
      name: 'at info on an integer path parameter, saying why the encoding changes nothing',
      edit: taskId((p) => {
        delete p['x-ms-url-encoding'];
        p.type = 'integer';
      }),
      pointer: TASK_ID,
      severity: 'info',
      message:
        /^Encoding for path parameter 'taskId' is missing, which cannot change the request path here: an integer value holds no '\/' or '%'\. Microsoft's validator asks for it on every path parameter \(PathParameterMissingEncoding\); "x-ms-url-encoding": "single" answers it\.$/,
    },
    {
      name: 'at info on a boolean path parameter',
      edit: taskId((p) => {
        delete p['x-ms-url-encoding'];
        p.type = 'boolean';
      }),
      pointer: TASK_ID,
      severity: 'info',
      message: /: a boolean value holds no '\/' or '%'\./,
    },
    {
      name: 'as a warning on an array path parameter, whose items may be text',
      edit: taskId((p) => {
        delete p['x-ms-url-encoding'];
        p.type = 'array';
        p.items = { type: 'string' };
      }),
      pointer: TASK_ID,
      severity: 'warning',
      message: /might lead to invalid requests/,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-URL-ENCODING-ENUM',
  [
    {
      name: 'on a value that is no encoding, at the value',
      edit: taskId((p) => (p['x-ms-url-encoding'] = 'tripple')),
      pointer: `${TASK_ID}/x-ms-url-encoding`,
      message:
        /^The property value must be one of the following: single, double\. Parameter 'taskId' has 'tripple'\.$/,
    },
    {
      name: 'with the encoding meant, for a slip of case or spelling',
      edit: taskId((p) => (p['x-ms-url-encoding'] = 'singel')),
      pointer: `${TASK_ID}/x-ms-url-encoding`,
      message: /Parameter 'taskId' has 'singel'\. Did you mean 'single'\?$/,
    },
    {
      name: 'on a capitalised encoding, which no merged connector writes',
      edit: taskId((p) => (p['x-ms-url-encoding'] = 'Double')),
      pointer: `${TASK_ID}/x-ms-url-encoding`,
      message: /has 'Double'\. Did you mean 'double'\?$/,
    },
    {
      name: 'on a value that is no string',
      edit: taskId((p) => (p['x-ms-url-encoding'] = 2)),
      pointer: `${TASK_ID}/x-ms-url-encoding`,
      message: /Parameter 'taskId' has '2'\.$/,
    },
    {
      name: 'on a header parameter',
      edit: addQuery({ name: 'X-Tenant', in: 'header', 'x-ms-url-encoding': 'none' }),
      pointer: '/paths/~1tasks/get/parameters/1/x-ms-url-encoding',
      message: /Parameter 'X-Tenant' has 'none'\.$/,
    },
  ],
  [
    VALID,
    { name: 'on "double"', edit: taskId((p) => (p['x-ms-url-encoding'] = 'double')) },
    // SWG-QUERY-ENCODING reports the key on a query parameter, whatever its value.
    { name: 'on a query parameter', edit: status((p) => (p['x-ms-url-encoding'] = 'tripple')) },
  ],
);

describeRule(
  'SWG-QUERY-ENCODING',
  [
    {
      name: 'on a query parameter with x-ms-url-encoding "double"',
      edit: status((p) => (p['x-ms-url-encoding'] = 'double')),
      pointer: `${STATUS}/x-ms-url-encoding`,
      message:
        /^Encoding for query parameter 'status' is not supported\. All query parameters are single encoded by default\. Remove 'x-ms-url-encoding'\.$/,
    },
    {
      // The default asked for explicitly: published certified connectors do (Blackbaud CRM Constituent).
      name: 'only as a warning on a query parameter with x-ms-url-encoding "single"',
      edit: status((p) => (p['x-ms-url-encoding'] = 'single')),
      pointer: `${STATUS}/x-ms-url-encoding`,
      severity: 'warning',
      message: /^Encoding for query parameter 'status' is not supported\./,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PARAM-DUP',
  [
    {
      name: 'on the same name and location twice',
      edit: addQuery({ name: 'status' }),
      pointer: '/paths/~1tasks/get/parameters/1',
      message: /'ListTasks' contains duplicate parameters with name 'status', location 'query'/,
    },
    {
      // A path item's list is shared by its operations: one finding, in the path's words.
      name: "once, on a repeat in a path item's list, naming the path",
      edit: (s) =>
        (s.paths['/tasks'].parameters = [
          { name: 'tenant', in: 'header', type: 'string' },
          { name: 'tenant', in: 'header', type: 'string' },
        ]),
      pointer: '/paths/~1tasks/parameters/1',
      message: /^The path '\/tasks' contains duplicate parameters with name 'tenant', location 'header'\.$/,
    },
  ],
  [VALID, { name: 'on the same name in another location', edit: addQuery({ name: 'status', in: 'header' }) }],
);

describeRule(
  'SWG-PARAM-MULTI-BODY',
  [
    {
      name: 'on two body parameters',
      edit: (s) =>
        s.paths['/tasks'].post.parameters.push({ name: 'other', in: 'body', schema: { type: 'object' } }),
      pointer: '/paths/~1tasks/post/parameters/1',
    },
    {
      name: "once, on a second body in a path item's list shared by two operations",
      edit: (s) => {
        const item = s.paths['/tasks/{taskId}'];
        item.put = { ...item.get, operationId: 'ReplaceTask' };
        item.parameters = [
          { name: 'a', in: 'body', schema: { type: 'object' } },
          { name: 'b', in: 'body', schema: { type: 'object' } },
        ];
      },
      pointer: '/paths/~1tasks~1{taskId}/parameters/1',
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PARAM-BODY-FORM',
  [
    {
      name: 'on body and formData together',
      edit: (s) => s.paths['/tasks'].post.parameters.push({ name: 'file', in: 'formData', type: 'file' }),
      pointer: BODY,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PARAM-FILE',
  [
    {
      name: 'on a query parameter of type file',
      edit: status((p) => {
        p.type = 'file';
        delete p.enum;
      }),
      pointer: `${STATUS}/type`,
    },
    {
      name: 'on a schema property of type file',
      edit: (s) => (s.definitions.Task.properties.id.type = 'file'),
      pointer: '/definitions/Task/properties/id/type',
      message: /schema type 'file' is not valid/,
    },
    {
      // Only the whole response body may be a file, not a field of it.
      name: 'on a property of type file inside a response schema',
      edit: (s) =>
        (s.paths['/tasks'].get.responses['200'].schema = {
          type: 'object',
          properties: { content: { type: 'file' } },
        }),
      pointer: '/paths/~1tasks/get/responses/200/schema/properties/content/type',
    },
  ],
  [
    VALID,
    {
      name: 'on a file response',
      edit: (s) => (s.paths['/tasks'].get.responses['200'].schema = { type: 'file' }),
    },
    {
      name: "on a file response shared under '#/responses'",
      edit: (s) => (s.responses = { File: { description: 'A file.', schema: { type: 'file' } } }),
    },
  ],
);

describeRule(
  'SWG-PARAM-FORMDATA-ASCII',
  [
    {
      name: 'on a non-ASCII form field name',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters = [{ name: 'fichier_é', in: 'formData', type: 'string' }]),
      pointer: `${BODY}/name`,
    },
  ],
  [
    VALID,
    {
      name: 'on a form field name with a space',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters = [{ name: 'my file', in: 'formData', type: 'string' }]),
    },
  ],
);

describeRule(
  'SWG-PARAM-CONNECTIONID',
  [
    {
      name: "on 'connectionId'",
      edit: addQuery({ name: 'connectionId' }),
      pointer: '/paths/~1tasks/get/parameters/1/name',
    },
    {
      name: "on 'ConnectionID', in any case",
      edit: addQuery({ name: 'ConnectionID' }),
      pointer: '/paths/~1tasks/get/parameters/1/name',
    },
  ],
  [VALID],
);

const OAUTH2 = {
  type: 'oauth2',
  flow: 'accessCode',
  authorizationUrl: 'https://login.contoso.com/authorize',
  tokenUrl: 'https://login.contoso.com/token',
  scopes: {},
};

describeRule(
  'SWG-PARAM-RESERVED',
  [
    {
      name: 'on an Authorization header with an oauth2 security definition, naming it',
      edit: (s) => {
        s.securityDefinitions = { oauth2_auth: OAUTH2 };
        s.security = [{ oauth2_auth: [] }];
        addQuery({ name: 'Authorization', in: 'header' })(s);
      },
      pointer: '/paths/~1tasks/get/parameters/1/name',
      severity: 'warning',
      message:
        /^The parameter 'Authorization' is reserved and cannot be used in 'header'\. The connection's security definition 'oauth2_auth' \(oauth2\) sets it\.$/,
    },
    {
      name: 'on an authorization header in lower case with a basic security definition',
      edit: (s) => {
        s.securityDefinitions = { basic_auth: { type: 'basic' } };
        s.security = [{ basic_auth: [] }];
        addQuery({ name: 'authorization', in: 'header' })(s);
      },
      pointer: '/paths/~1tasks/get/parameters/1/name',
      severity: 'warning',
      message: /The connection's security definition 'basic_auth' \(basic\) sets it\.$/,
    },
    {
      // Unique's transcription trigger asks for the x-api-key its apiKey definition sets.
      name: 'on the header of the apiKey security definition, in another case',
      edit: addQuery({ name: 'x-api-KEY', in: 'header' }),
      pointer: '/paths/~1tasks/get/parameters/1/name',
      severity: 'warning',
      message:
        /^The parameter 'x-api-KEY' is reserved and cannot be used in 'header'\. The connection's security definition 'API_Key' \(apiKey\) sets it\.$/,
    },
    {
      // Multiple authentication types: the oauth2 one of the definitions sets Authorization.
      name: 'on an Authorization header when one of several security definitions is oauth2',
      edit: (s) => {
        s.securityDefinitions.oauth2_auth = OAUTH2;
        addQuery({ name: 'Authorization', in: 'header' })(s);
      },
      pointer: '/paths/~1tasks/get/parameters/1/name',
      severity: 'warning',
      message: /'oauth2_auth' \(oauth2\) sets it\.$/,
    },
  ],
  [
    VALID,
    {
      // The apiKey definition sets X-Api-Key: Authorization is the API's to ask for.
      name: 'on an Authorization header when the only security definition is an apiKey in another header',
      edit: addQuery({ name: 'Authorization', in: 'header' }),
    },
    {
      name: 'on the name of an apiKey definition in the query, used as a header',
      edit: (s) => {
        s.securityDefinitions = { API_Key: { type: 'apiKey', in: 'query', name: 'code' } };
        addQuery({ name: 'code', in: 'header' })(s);
      },
    },
    {
      name: 'without security definitions',
      edit: (s) => {
        delete s.securityDefinitions;
        delete s.security;
        addQuery({ name: 'Authorization', in: 'header' })(s);
      },
    },
    {
      name: 'on a query parameter named Authorization, with an oauth2 definition',
      edit: (s) => {
        s.securityDefinitions = { oauth2_auth: OAUTH2 };
        addQuery({ name: 'Authorization' })(s);
      },
    },
    {
      name: "on a query parameter named as the apiKey definition's header",
      edit: addQuery({ name: 'X-Api-Key' }),
    },
  ],
);

describe('SWG-PARAM-RESERVED with the connection parameters of apiProperties.json', () => {
  const files = (connectionParameters: Json, withDefinitions: boolean) => {
    const swagger = validSwagger();
    if (!withDefinitions) {
      delete swagger.securityDefinitions;
      delete swagger.security;
    }
    addQuery({ name: 'Authorization', in: 'header' })(swagger);
    const apiProperties = validConnectorFiles()['apiProperties.json'] as Json;
    apiProperties.properties.connectionParameters = connectionParameters;
    return {
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger,
      'apiProperties.json': apiProperties,
    };
  };
  const oauth = { token: { type: 'oAuthSetting', oAuthSettings: { identityProvider: 'oauth2' } } };

  it('fires on an Authorization header without security definitions, naming the oauthSetting parameter', async () => {
    const findings = await runRules(files(oauth, false), ['SWG-PARAM-RESERVED']);
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        pointer: '/paths/~1tasks/get/parameters/1/name',
        message:
          "The parameter 'Authorization' is reserved and cannot be used in 'header'. The connection parameter 'token' (oauthSetting) of apiProperties.json sets it.",
      },
    ]);
  });
  it('stays quiet without security definitions when no connection parameter is an oauthSetting', async () => {
    const apiKey = { api_key: { type: 'securestring' } };
    expect(await runRules(files(apiKey, false), ['SWG-PARAM-RESERVED'])).toEqual([]);
  });
  it("reads the swagger's security definitions first when it has them", async () => {
    // The apiKey definition sets X-Api-Key; the oauthSetting mismatch is SWG-SEC-PROPS-CONSISTENCY's.
    expect(await runRules(files(oauth, true), ['SWG-PARAM-RESERVED'])).toEqual([]);
  });
});

describeRule(
  'SWG-PARAM-BODY-SCHEMA',
  [
    {
      name: 'on a body without schema',
      edit: body((p) => delete p.schema),
      pointer: BODY,
      message: /must define a 'schema'/,
    },
    { name: 'on a body with type', edit: body((p) => (p.type = 'object')), pointer: `${BODY}/type` },
    {
      name: 'on a query parameter with schema',
      edit: status((p) => (p.schema = { type: 'string' })),
      pointer: `${STATUS}/schema`,
    },
    { name: 'on a body with default', edit: body((p) => (p.default = {})), pointer: `${BODY}/default` },
  ],
  [
    VALID,
    {
      // Without a location nothing says the schema is misplaced; SWG-PARAM-IN-ENUM reports the parameter.
      name: "on a parameter without 'in' that has a schema",
      edit: status((p) => {
        delete p.in;
        p.schema = { type: 'string' };
      }),
    },
  ],
);

describeRule(
  'SWG-PARAM-ALLOWEMPTY',
  [
    {
      name: 'on a path parameter',
      edit: taskId((p) => (p.allowEmptyValue = true)),
      pointer: `${TASK_ID}/allowEmptyValue`,
    },
  ],
  [
    VALID,
    { name: 'on a query parameter', edit: status((p) => (p.allowEmptyValue = true)) },
    {
      name: 'on a formData parameter',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters = [
          { name: 'note', in: 'formData', type: 'string', allowEmptyValue: true },
        ]),
    },
  ],
);

describeRule(
  'SWG-INTERNAL-DEFAULT',
  [
    {
      name: 'on an internal required parameter without default',
      edit: addQuery({ name: 'api-version', required: true, 'x-ms-visibility': 'internal' }),
      pointer: '/paths/~1tasks/get/parameters/1',
    },
    {
      name: 'on an optional internal parameter with default, as a warning',
      edit: addQuery({ name: 'api-version', default: '1', 'x-ms-visibility': 'internal' }),
      pointer: '/paths/~1tasks/get/parameters/1',
      severity: 'warning',
    },
    {
      // Required as meant; SWG-JSONTYPE tells the string (and --fix writes true).
      name: 'on an internal parameter required "True", without default',
      edit: addQuery({ name: 'api-version', required: 'True', 'x-ms-visibility': 'internal' }),
      pointer: '/paths/~1tasks/get/parameters/1',
      message: /^The internal parameter 'api-version' is required but has no default value;/,
    },
    {
      name: 'on an internal parameter required "false", with default, as a warning',
      edit: addQuery({ name: 'api-version', required: 'false', default: '1', 'x-ms-visibility': 'internal' }),
      pointer: '/paths/~1tasks/get/parameters/1',
      severity: 'warning',
    },
    {
      name: 'on an optional internal property with default',
      edit: (s) =>
        Object.assign(s.definitions.Task.properties.status, {
          default: 'open',
          'x-ms-visibility': 'internal',
        }),
      pointer: '/definitions/Task/properties/status',
      severity: 'warning',
    },
    {
      // Below the deepest schemas the model lists (MAX_SCHEMA_WALK_DEPTH): still found by reading
      // the properties of the deepest listed one.
      name: 'on an optional internal property with default 65 levels down',
      edit: (s) => {
        let schema: Json = s.definitions.Task;
        for (let level = 0; level < 64; level++) {
          const inner: Json = { type: 'object', properties: {} };
          schema.properties = { ...schema.properties, inner };
          schema = inner;
        }
        schema.properties.hidden = { type: 'string', default: 'x', 'x-ms-visibility': 'internal' };
      },
      pointer: `/definitions/Task${'/properties/inner'.repeat(64)}/properties/hidden`,
      severity: 'warning',
    },
  ],
  [
    VALID,
    {
      name: 'on an internal required parameter with default',
      edit: addQuery({ name: 'api-version', required: true, default: '1', 'x-ms-visibility': 'internal' }),
    },
    {
      // It was told it was optional: SWG-JSONTYPE tells the string alone.
      name: 'on an internal parameter required "true", with default',
      edit: addQuery({ name: 'api-version', required: 'true', default: '1', 'x-ms-visibility': 'internal' }),
    },
  ],
);

describeRule(
  'SWG-PARAM-REF',
  [
    {
      name: 'on a broken reference',
      edit: (s) => s.paths['/tasks'].get.parameters.push({ $ref: '#/parameters/Missing' }),
      pointer: '/paths/~1tasks/get/parameters/1/$ref',
      message: /'#\/parameters\/Missing' could not be found/,
    },
    {
      name: 'on a reference outside #/parameters',
      edit: (s) => s.paths['/tasks'].get.parameters.push({ $ref: '#/definitions/Task' }),
      pointer: '/paths/~1tasks/get/parameters/1/$ref',
      message: /must start with '#\/parameters\/'/,
    },
    {
      name: 'on a shared parameter that is a reference',
      edit: (s) =>
        (s.parameters = { A: { $ref: '#/parameters/B' }, B: { name: 'b', in: 'query', type: 'string' } }),
      pointer: '/parameters/A/$ref',
    },
    {
      name: "once, on a broken reference in a path item's list shared by its operations",
      edit: (s) => (s.paths['/tasks'].parameters = [{ $ref: '#/parameters/Missing' }]),
      pointer: '/paths/~1tasks/parameters/0/$ref',
      message: /'#\/parameters\/Missing' could not be found/,
    },
  ],
  [
    VALID,
    {
      name: 'on a good reference',
      edit: (s) => {
        s.parameters = { Top: { name: 'top', in: 'query', type: 'integer' } };
        s.paths['/tasks'].get.parameters.push({ $ref: '#/parameters/Top' });
      },
    },
  ],
);

describeRule(
  'SWG-DEFAULT-TYPE',
  [
    {
      name: 'on a number default for a string',
      edit: status((p) => (p.default = 1)),
      pointer: `${STATUS}/default`,
      message: /of type 'integer', but should match the given type 'string'/,
    },
    {
      name: "on '10' for an integer, as a warning",
      edit: (s) => (s.definitions.Task.properties.id = { type: 'integer', default: '10' }),
      pointer: '/definitions/Task/properties/id/default',
      severity: 'warning',
    },
    {
      // Morta's 13, from a generator: no value of the type stands for null, so nothing to write.
      name: 'on null, as a warning saying to remove it',
      edit: (s) => (s.definitions.Task.properties.title.default = null),
      pointer: '/definitions/Task/properties/title/default',
      severity: 'warning',
      message:
        /^The 'default' value is of type 'null', but should match the given type 'string'\. Remove 'default': without one the field starts empty, which is what null means here\.$/,
    },
  ],
  [
    VALID,
    { name: 'on a matching default', edit: status((p) => (p.default = 'open')) },
    {
      // No JSON value is of type file: the platform takes any.
      name: 'on a default for a formData file',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters = [{ name: 'file', in: 'formData', type: 'file', default: '' }]),
    },
  ],
);

// A type in other case or a JSON-schema type list is told once, by SWG-JSONENUM, SWG-PARAM-IN-ENUM or
// SWG-JSONTYPE; the default and enum values are judged by the type meant.
describe('SWG-DEFAULT-TYPE and SWG-ENUM-TYPE on a type written in other case or as a list', () => {
  const findingsFor = (ruleId: string, property: Record<string, unknown>) =>
    swaggerFindings(ruleId, (s) => (s.definitions.Task.properties.id = property));

  it.each([
    ['Integer', 20],
    [['integer', 'null'], 20],
    [['null', 'Boolean'], false],
  ])('finds nothing wrong with a default of type %p that is one', async (type, value) => {
    expect(await findingsFor('SWG-DEFAULT-TYPE', { type, default: value })).toEqual([]);
  });

  it('judges a default of a parameter whose type is in other case by the type meant', async () => {
    const findings = await swaggerFindings(
      'SWG-DEFAULT-TYPE',
      taskId((p) => {
        p.type = 'Integer';
        p.default = 'ten';
      }),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      "The 'default' value is of type 'string', but should match the given type 'integer'.",
    ]);
  });

  it('finds nothing wrong with enum values of a type in other case, and names the type meant for the rest', async () => {
    expect(await findingsFor('SWG-ENUM-TYPE', { type: 'Number', enum: [1, 2.5] })).toEqual([]);
    const findings = await findingsFor('SWG-ENUM-TYPE', { type: ['number', 'null'], enum: [1, 'two'] });
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/definitions/Task/properties/id/enum/1',
        "The type of the enum value is 'string' but it should be 'number' as specified in the schema.",
      ],
    ]);
  });
});

describe('SWG-DEFAULT-TYPE on a string default', () => {
  const findingsFor = (type: string, value: string) =>
    swaggerFindings('SWG-DEFAULT-TYPE', (s) => (s.definitions.Task.properties.id = { type, default: value }));

  it.each([
    ['boolean', 'True', 'true'],
    ['integer', '-5', '-5'],
  ])('of type %s written %p is a warning, and --fix writes %s', async (type, value, written) => {
    const [finding, ...others] = await findingsFor(type, value);
    expect(others).toEqual([]);
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain(`\`connector-alm validate --fix\` writes ${written}.`);
  });

  it.each([
    // Spaces are no number, though Number(' ') is 0.
    ['number', ' '],
    // 2.5 is a number, but no integer: writing it would swap one wrong default for another.
    ['integer', '2.5'],
  ])('of type %s written %p is an error that --fix does not write', async (type, value) => {
    const [finding, ...others] = await findingsFor(type, value);
    expect(others).toEqual([]);
    expect(finding!.severity).toBe('error');
    expect(finding!.message).not.toContain('--fix');
  });
});

describeRule(
  'SWG-ENUM-NONEMPTY',
  [{ name: 'on enum []', edit: status((p) => (p.enum = [])), pointer: `${STATUS}/enum` }],
  [VALID],
);

describeRule(
  'SWG-ENUM-TYPE',
  [
    {
      name: 'on a number in a string enum',
      edit: status((p) => (p.enum = ['open', 2])),
      pointer: `${STATUS}/enum/1`,
    },
    {
      name: "on 'true' in a boolean enum, as a warning",
      edit: (s) => (s.definitions.Task.properties.id = { type: 'boolean', enum: ['true'] }),
      pointer: '/definitions/Task/properties/id/enum/0',
      severity: 'warning',
    },
  ],
  [VALID],
);

describeRule(
  'SWG-ENUMVALUES',
  [
    {
      name: 'on an entry without displayName',
      edit: status((p) => (p['x-ms-enum-values'] = [{ value: 'open' }])),
      pointer: `${STATUS}/x-ms-enum-values/0`,
      message: /specify the property 'displayName'/,
    },
    {
      name: 'on a value outside the enum',
      edit: status((p) => (p['x-ms-enum-values'] = [{ value: 'closed', displayName: 'Closed' }])),
      pointer: `${STATUS}/x-ms-enum-values/0/value`,
    },
    {
      name: 'on a duplicate value',
      edit: status(
        (p) =>
          (p['x-ms-enum-values'] = [
            { value: 'open', displayName: 'Open' },
            { value: 'open', displayName: 'Open again' },
          ]),
      ),
      pointer: `${STATUS}/x-ms-enum-values/1/value`,
      message: /duplicate values/,
    },
  ],
  [
    VALID,
    {
      name: 'on labelled enum values',
      edit: status(
        (p) =>
          (p['x-ms-enum-values'] = [
            { value: 'open', displayName: 'Open' },
            { value: 'done', displayName: 'Done' },
          ]),
      ),
    },
  ],
);

describeRule(
  'SWG-FORMAT',
  [
    {
      name: "on 'guid', suggesting 'uuid'",
      edit: taskId((p) => (p.format = 'guid')),
      pointer: `${TASK_ID}/format`,
      severity: 'warning',
      message: /'string\/guid' is not recognized\. Use 'uuid'\./,
    },
    {
      name: "on 'Date-Time', naming the format in lower case, which --fix writes",
      edit: taskId((p) => (p.format = 'Date-Time')),
      pointer: `${TASK_ID}/format`,
      severity: 'warning',
      message:
        /^The type\/format 'string\/Date-Time' is not recognized\. Write 'date-time' in lower case\. `connector-alm validate --fix` writes "date-time"\.$/,
    },
    {
      name: "on 'constructor', with the string formats to choose from",
      edit: taskId((p) => (p.format = 'constructor')),
      pointer: `${TASK_ID}/format`,
      severity: 'warning',
      message:
        /^The type\/format 'string\/constructor' is not recognized\. Remove 'format', or use one for strings: date, date-time, date-no-tz, byte, binary, password, email, html, uri or uuid\.$/,
    },
    {
      name: "on 'enum' for an integer, saying the values go in 'enum'",
      edit: (s) => (s.definitions.Task.properties.id = { type: 'integer', format: 'enum' }),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message:
        /'integer\/enum' is not recognized\. Remove 'format', and list the allowed values in 'enum'\.$/,
    },
    {
      name: "on 'enum' beside an enum, saying the values are listed there",
      edit: (s) => (s.definitions.Task.properties.id = { type: 'string', format: 'enum', enum: ['a', 'b'] }),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message:
        /'string\/enum' is not recognized\. Remove 'format': the allowed values are listed in 'enum' already\.$/,
    },
    {
      name: 'on a format that repeats the type',
      edit: (s) => (s.definitions.Task.properties.id = { type: 'number', format: 'number' }),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message: /'number\/number' is not recognized\. Remove 'format': it only repeats the type\.$/,
    },
    {
      name: 'on an integer format of a number, naming the number formats',
      edit: (s) => (s.definitions.Task.properties.id = { type: 'number', format: 'integer' }),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message: /'number\/integer' is not recognized\. Use 'float' or 'double', or remove 'format'\.$/,
    },
    {
      name: "on 'decimal' for a number, naming the number formats",
      edit: (s) => (s.definitions.Task.properties.id = { type: 'number', format: 'decimal' }),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message: /'number\/decimal' is not recognized\. Use 'float' or 'double', or remove 'format'\.$/,
    },
    {
      name: 'on a class name given as the format of an object',
      edit: (s) => (s.definitions.Task.format = 'Task'),
      pointer: '/definitions/Task/format',
      severity: 'warning',
      message: /'object\/Task' is not recognized\. Remove 'format': no format applies to object values\.$/,
    },
    {
      name: 'on an empty format',
      edit: taskId((p) => (p.format = '')),
      pointer: `${TASK_ID}/format`,
      severity: 'warning',
      message: /'string\/' is not recognized\. Remove the empty 'format'\.$/,
    },
    {
      name: "on 'url' in a schema, suggesting 'uri'",
      edit: (s) => (s.definitions.Task.properties.id.format = 'url'),
      pointer: '/definitions/Task/properties/id/format',
      severity: 'warning',
      message: /Use 'uri'/,
    },
  ],
  [VALID, { name: "on 'uuid'", edit: taskId((p) => (p.format = 'uuid')) }],
);

describeRule(
  'SWG-COLLECTIONFORMAT',
  [
    {
      name: "on 'json'",
      edit: addQuery({ name: 'ids', type: 'array', items: { type: 'string' }, collectionFormat: 'json' }),
      pointer: '/paths/~1tasks/get/parameters/1/collectionFormat',
    },
    {
      name: "on 'CSV', naming the format in lower case, which --fix writes",
      edit: addQuery({ name: 'ids', type: 'array', items: { type: 'string' }, collectionFormat: 'CSV' }),
      pointer: '/paths/~1tasks/get/parameters/1/collectionFormat',
      message:
        /^The 'collectionFormat' keyword value 'CSV' is not supported\. Write 'csv' in lower case\. `connector-alm validate --fix` writes "csv"\.$/,
    },
    {
      name: "on 'Multi' in a header, naming both slips",
      edit: addQuery({
        name: 'ids',
        in: 'header',
        type: 'array',
        items: { type: 'string' },
        collectionFormat: 'Multi',
      }),
      pointer: '/paths/~1tasks/get/parameters/1/collectionFormat',
      message:
        /'Multi' is not supported\. Write 'multi' in lower case\. 'multi' is for query and formData parameters only\. /,
    },
    {
      name: "on 'multi' in a header",
      edit: addQuery({
        name: 'ids',
        in: 'header',
        type: 'array',
        items: { type: 'string' },
        collectionFormat: 'multi',
      }),
      pointer: '/paths/~1tasks/get/parameters/1/collectionFormat',
      message: /query and formData/,
    },
  ],
  [
    VALID,
    {
      name: "on 'multi' in a query",
      edit: addQuery({ name: 'ids', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' }),
    },
    {
      name: "on 'multi' in formData",
      edit: (s) =>
        (s.paths['/tasks'].post.parameters = [
          {
            name: 'ids',
            in: 'formData',
            type: 'array',
            items: { type: 'string' },
            collectionFormat: 'multi',
          },
        ]),
    },
  ],
);

const hybridTrigger =
  (subscribeType: string): SwaggerEdit =>
  (s) => {
    s.paths['/tasks'].get['x-ms-trigger'] = 'single';
    s.paths['/tasks'].get['x-ms-notification'] = { operationId: 'OnTask' };
    s.paths['/hooks'] = {
      post: {
        operationId: 'OnTask',
        'x-ms-trigger': 'single',
        parameters: [
          {
            name: 'status',
            in: 'query',
            type: subscribeType,
            'x-ms-summary': 'Status',
            description: 'Status.',
          },
        ],
        responses: { '201': { description: 'Created' } },
      },
    };
  };
describeRule(
  'SWG-SAME-NAME-FETCH-SUB',
  [
    {
      name: 'on a type that differs',
      edit: hybridTrigger('integer'),
      pointer: STATUS,
      message: /'status' differs in 'OnTask'/,
    },
    {
      name: 'on a visibility that differs',
      edit: (s) => {
        hybridTrigger('string')(s);
        s.paths['/hooks'].post.parameters[0]['x-ms-visibility'] = 'advanced';
      },
      pointer: STATUS,
    },
  ],
  [
    VALID,
    { name: 'on the same type and visibility', edit: hybridTrigger('string') },
    {
      // A body is no input of its own the designer shows for both: its fields are.
      name: 'on body parameters of one name and another visibility',
      edit: (s) => {
        hybridTrigger('string')(s);
        s.paths['/tasks'].get.parameters.push({ name: 'body', in: 'body', schema: { type: 'object' } });
        s.paths['/hooks'].post.parameters.push({
          name: 'body',
          in: 'body',
          'x-ms-visibility': 'internal',
          schema: { type: 'object' },
        });
      },
    },
  ],
);

describeRule(
  'SWG-PARAM-IN-ENUM',
  [
    { name: "on in: 'url'", edit: taskId((p) => (p.in = 'url')), pointer: `${TASK_ID}/in` },
    {
      name: "on in: 'Path', saying how Swagger spells it",
      edit: taskId((p) => (p.in = 'Path')),
      pointer: `${TASK_ID}/in`,
      message:
        /^The parameter 'in' must be one of: query, header, path, formData, body\. Write 'path' as Swagger spells it, not 'Path'\. `connector-alm validate --fix` writes "path"\.$/,
    },
    {
      // Read as the formData it means: a file is a type formData allows.
      name: "once on a file parameter in: 'FORMDATA', at its location alone",
      edit: (s) => (s.paths['/tasks'].post.parameters = [{ name: 'file', in: 'FORMDATA', type: 'file' }]),
      pointer: `${BODY}/in`,
      message: /Write 'formData' as Swagger spells it, not 'FORMDATA'/,
    },
    {
      name: "on a parameter without 'in', at the parameter",
      edit: taskId((p) => delete p.in),
      pointer: TASK_ID,
    },
    {
      name: "on type 'guid'",
      edit: taskId((p) => (p.type = 'guid')),
      pointer: `${TASK_ID}/type`,
      message: /not 'guid'/,
    },
    {
      name: "on type 'object' in a query",
      edit: status((p) => {
        p.type = 'object';
        delete p.enum;
      }),
      pointer: `${STATUS}/type`,
    },
    {
      name: "on type 'String', saying how Swagger spells it",
      edit: taskId((p) => (p.type = 'String')),
      pointer: `${TASK_ID}/type`,
      message:
        /^A 'path' parameter needs a 'type' of string, number, boolean, integer, array\. Write 'string' as Swagger spells it, not 'String'\. `connector-alm validate --fix` writes "string"\.$/,
    },
    {
      // A type no parameter of its location may have, in whatever case: nothing to write.
      name: "on type 'Object' in a query, naming no type",
      edit: status((p) => {
        p.type = 'Object';
        delete p.enum;
      }),
      pointer: `${STATUS}/type`,
      message: /, not 'Object'\.$/,
    },
    {
      name: 'on a type list of two types, ["integer", "string"]',
      edit: taskId((p) => (p.type = ['integer', 'string'])),
      pointer: `${TASK_ID}/type`,
      message: /, not 'integer,string'\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on a formData file',
      edit: (s) => (s.paths['/tasks'].post.parameters = [{ name: 'file', in: 'formData', type: 'file' }]),
    },
    {
      // SWG-JSONTYPE names the "string" it stands for (and --fix writes it).
      name: 'on a type list of one type and null, ["string", "null"]',
      edit: taskId((p) => (p.type = ['string', 'null'])),
    },
  ],
);

describe('a parameter whose location is written in other case', () => {
  // SWG-PARAM-IN-ENUM tells the case; the other rules read the parameter where it is meant, so that
  // the maker hears of its own problems in the same run, and of no parameter missing.
  const pathInOtherCase = taskId((p) => {
    p.in = 'Path';
    delete p['x-ms-url-encoding'];
  });

  it('fills its path variable: SWG-PATH-MISSING-PARAM says nothing', async () => {
    expect(await swaggerFindings('SWG-PATH-MISSING-PARAM', pathInOtherCase)).toEqual([]);
    // As written in no case at all, it fills nothing.
    expect(
      await swaggerFindings(
        'SWG-PATH-MISSING-PARAM',
        taskId((p) => (p.in = 'url')),
      ),
    ).toHaveLength(1);
  });

  it('is judged as a path parameter: SWG-PATH-PARAM-ENCODING asks for its encoding', async () => {
    const findings = await swaggerFindings('SWG-PATH-PARAM-ENCODING', pathInOtherCase);
    expect(findings.map((finding) => finding.pointer)).toEqual([TASK_ID]);
  });
});

describe('SWG-PATH-PARAM-REQUIRED on "required" written as a string', () => {
  const findingsWithJsonType = async (required: string): Promise<string[]> => {
    const swagger = validSwagger();
    swagger.paths['/tasks/{taskId}'].get.parameters[0].required = required;
    const findings = await runRules({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger }, [
      'SWG-PATH-PARAM-REQUIRED',
      'SWG-JSONTYPE',
    ]);
    return findings.map((finding) => `${finding.ruleId} ${finding.pointer}`);
  };

  it('leaves "true" to SWG-JSONTYPE, which names the true meant (and --fix writes it)', async () => {
    expect(await findingsWithJsonType('true')).toEqual([`SWG-JSONTYPE ${TASK_ID}/required`]);
  });

  it('reports "false" all the same: the parameter is not required as written nor as meant', async () => {
    expect(await findingsWithJsonType('false')).toEqual([
      `SWG-JSONTYPE ${TASK_ID}/required`,
      `SWG-PATH-PARAM-REQUIRED ${TASK_ID}/required`,
    ]);
  });
});
