import { describe, expect, it } from '@jest/globals';
import { describeRule, swaggerFindings, VALID, type Json } from '../helpers/swagger-cases.js';
import { addWebhook } from '../helpers/valid-connector.js';

const LIST = '/paths/~1tasks/get';
const CREATE = '/paths/~1tasks/post';
const GET = '/paths/~1tasks~1{taskId}/get';

describeRule(
  'SWG-OPID-REQ',
  [
    {
      name: 'on an operation without operationId',
      edit: (s) => delete s.paths['/tasks'].get.operationId,
      pointer: LIST,
    },
    {
      // A blank id names nothing a flow could store: it is missing, reported where it is written.
      name: 'at an operationId of spaces',
      edit: (s) => (s.paths['/tasks'].get.operationId = '  '),
      pointer: `${LIST}/operationId`,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-OPID-UNIQUE',
  [
    {
      name: 'on the second use of an operationId',
      edit: (s) => (s.paths['/tasks'].post.operationId = 'ListTasks'),
      pointer: `${CREATE}/operationId`,
      message: /The operationId 'ListTasks' is used multiple times/,
    },
  ],
  [VALID],
);

describe('SWG-OPID-UNIQUE with two shared operationIds', () => {
  it('reports the later use of each, in document order', async () => {
    const findings = await swaggerFindings('SWG-OPID-UNIQUE', (s) => {
      s.paths['/tasks/{taskId}'].get.operationId = 'CreateTask';
      s.paths['/tasks/{taskId}'].delete = { ...s.paths['/tasks/{taskId}'].get, operationId: 'ListTasks' };
    });
    expect(findings.map((finding) => finding.pointer)).toEqual([
      `${GET}/operationId`,
      '/paths/~1tasks~1{taskId}/delete/operationId',
    ]);
  });
});

describeRule(
  'SWG-OPID-SANITIZED',
  [
    {
      name: 'on a dash, as a warning with the sanitized value',
      edit: (s) => (s.paths['/tasks'].get.operationId = 'List-Tasks'),
      pointer: `${LIST}/operationId`,
      severity: 'warning',
      message: /sanitized value 'ListTasks'/,
    },
    {
      // ReversingLabs A1000's 39: the sanitized value runs the words together; renaming a merged
      // operation's id breaks its flows.
      name: 'on words in lower case, with their CamelCase and a warning against renaming a published one',
      edit: (s) => (s.paths['/tasks'].get.operationId = 'Retrieve-list-of-YARA-rulesets'),
      pointer: `${LIST}/operationId`,
      severity: 'warning',
      message:
        /sanitized value 'RetrievelistofYARArulesets'\. Please avoid the useage of non-alphanumeric characters to have matching values\. Write 'RetrieveListOfYARARulesets' for a new operation, but keep the operationId of a published one: flows call the operation by it, and renaming it breaks them\.$/,
    },
    {
      name: 'on punctuation only, asking for letters and digits rather than an empty name',
      edit: (s) => (s.paths['/tasks'].get.operationId = '--'),
      pointer: `${LIST}/operationId`,
      severity: 'warning',
      message: /sanitized value ''\. .* Write it in letters and digits for a new operation, but keep/,
    },
  ],
  [VALID, { name: 'on underscores', edit: (s) => (s.paths['/tasks'].get.operationId = 'List_Tasks_V2') }],
);

describeRule(
  'SWG-OPID-LEN',
  [
    {
      name: 'on 128 characters',
      edit: (s) => (s.paths['/tasks'].get.operationId = 'A'.repeat(128)),
      pointer: `${LIST}/operationId`,
    },
  ],
  [{ name: 'on 127 characters', edit: (s) => (s.paths['/tasks'].get.operationId = 'A'.repeat(127)) }],
);

describeRule(
  'SWG-OP-SUMMARY-REQ',
  [
    {
      name: 'on a visible operation',
      edit: (s) => delete s.paths['/tasks'].get.summary,
      pointer: LIST,
      message: /'summary' property is required/,
    },
    {
      name: 'as info for custom connectors',
      edit: (s) => delete s.paths['/tasks'].get.summary,
      pointer: LIST,
      severity: 'info',
      profile: 'custom',
    },
    {
      name: 'at an x-ms-summary written instead, saying to rename it',
      edit: (s) => {
        const list = s.paths['/tasks'].get;
        list['x-ms-summary'] = list.summary;
        delete list.summary;
      },
      pointer: `${LIST}/x-ms-summary`,
      message: /^The 'summary' property is required\. Rename 'x-ms-summary' to 'summary': /,
    },
  ],
  [
    VALID,
    {
      name: 'on an internal operation',
      edit: (s) => {
        delete s.paths['/tasks'].get.summary;
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describeRule(
  'SWG-OP-DESC-REQ',
  [
    {
      name: 'on an empty description',
      edit: (s) => (s.paths['/tasks'].get.description = ' '),
      pointer: LIST,
    },
  ],
  [
    VALID,
    {
      name: 'on an internal operation',
      edit: (s) => {
        delete s.paths['/tasks'].get.description;
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describeRule(
  'SWG-OP-SUMMARY-LEN',
  [
    {
      name: 'on 81 characters',
      edit: (s) => (s.paths['/tasks'].get.summary = 'L'.repeat(81)),
      pointer: `${LIST}/summary`,
      message: /It has 81/,
    },
  ],
  [{ name: 'on exactly 80 characters', edit: (s) => (s.paths['/tasks'].get.summary = 'L'.repeat(80)) }],
);

describeRule(
  'SWG-OP-SUMMARY-CHARS',
  [
    {
      name: "on '/'",
      edit: (s) => (s.paths['/tasks'].get.summary = 'Create/update a task'),
      pointer: `${LIST}/summary`,
      message: /restricted characters \[\/\\<>\*%&\?\]/,
    },
  ],
  [VALID, { name: 'on parentheses', edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks (V2)') }],
);

describeRule(
  'SWG-OP-TEXT-WORDS',
  [
    {
      name: 'on a product name in the summary, each name once',
      edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks for Power Automate and power automate'),
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message: /^The operation 'summary' names a Power Platform product: 'power automate'\./,
    },
    {
      name: 'on a product name in the description',
      edit: (s) => (s.paths['/tasks'].get.description = 'Lists the tasks to show in a Copilot Studio agent.'),
      pointer: `${LIST}/description`,
      severity: 'warning',
      message: /'copilot studio'/,
    },
  ],
  [
    VALID,
    {
      name: 'on an internal operation, which makers never see',
      edit: (s) => {
        s.paths['/tasks'].get.summary = 'Register a Power Automate webhook';
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describeRule(
  'SWG-OP-SUMMARY-END',
  [
    {
      name: 'on a trailing period',
      edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks.'),
      pointer: `${LIST}/summary`,
      severity: 'warning',
    },
    {
      name: 'on a trailing space, named as a space',
      edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks '),
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message: /^The 'summary' value must end with alphanumeric character\. Remove the trailing space\.$/,
    },
  ],
  [
    VALID,
    { name: 'on "(deprecated)"', edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks (deprecated)') },
    { name: 'on "[DEPRECATED]"', edit: (s) => (s.paths['/tasks'].get.summary = 'List tasks [DEPRECATED]') },
  ],
);

describeRule(
  'SWG-OP-SUMMARY-SENTENCE',
  [
    {
      name: 'on the operationId',
      edit: (s) => (s.paths['/tasks'].get.summary = 'ListTasks'),
      pointer: `${LIST}/summary`,
      severity: 'warning',
    },
    {
      name: 'on snake_case',
      edit: (s) => (s.paths['/tasks'].get.summary = 'list_tasks'),
      pointer: `${LIST}/summary`,
      severity: 'warning',
      message: /reads like an identifier/,
    },
  ],
  [
    VALID,
    {
      name: 'for custom connectors',
      edit: (s) => (s.paths['/tasks'].get.summary = 'ListTasks'),
      profile: 'custom',
    },
    {
      // Enate's Authenticate, Notion's Search: a word, even if the operationId is the same word.
      name: 'on one plain word that is also the operationId',
      edit: (s) => {
        s.paths['/tasks'].get.operationId = 'Search';
        s.paths['/tasks'].get.summary = 'Search';
      },
    },
    {
      // PDF4me's getActionStatus_v1, Soft1's DeleteTrigger: makers never see an internal
      // operation's summary, and SWG-OP-SUMMARY-REQ lets it have none at all.
      name: 'on an internal operation',
      edit: (s) => {
        s.paths['/tasks'].get.summary = 'ListTasks';
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describe('SWG-OP-SUMMARY-SENTENCE on one-word operationIds', () => {
  it('still reports a one-word summary written as an identifier', async () => {
    const findings = await swaggerFindings('SWG-OP-SUMMARY-SENTENCE', (s) => {
      s.paths['/tasks'].get.operationId = 'SEARCH';
      s.paths['/tasks'].get.summary = 'SEARCH';
    });
    expect(findings.map((finding) => finding.message)).toEqual([
      'The summary \'SEARCH\' is the operationId; write a short sentence such as "List tasks".',
    ]);
  });
});

describeRule(
  'SWG-OP-DESC-SENTENCE',
  [
    {
      name: 'when the description repeats the summary',
      edit: (s) => (s.paths['/tasks'].get.description = 'List tasks'),
      pointer: `${LIST}/description`,
      severity: 'info',
    },
    {
      name: 'when the description repeats the summary in another case, between spaces',
      edit: (s) => (s.paths['/tasks'].get.description = '  LIST TASKS '),
      pointer: `${LIST}/description`,
      severity: 'info',
    },
    {
      // İ lower-cases to i and a combining dot: the texts match though their lengths differ.
      name: 'when the description is the summary lower-cased, and one is longer for it',
      edit: (s) => {
        s.paths['/tasks'].get.summary = 'List İtems';
        s.paths['/tasks'].get.description = 'list i\u0307tems';
      },
      pointer: `${LIST}/description`,
      severity: 'info',
    },
  ],
  [
    VALID,
    {
      // 82 corpus findings were on internal operations (dynamic-values sources, webhook deletes):
      // their description is no tooltip, and SWG-OP-DESC-REQ lets them have none.
      name: 'on an internal operation',
      edit: (s) => {
        s.paths['/tasks'].get.description = 'List tasks';
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describeRule(
  'SWG-OP-EMPTY',
  [
    {
      name: 'on an operation with nothing in it',
      edit: (s) => (s.paths['/tasks'].delete = {}),
      pointer: '/paths/~1tasks/delete',
      severity: 'warning',
    },
  ],
  [
    VALID,
    {
      name: 'on an operation with only responses',
      edit: (s) => (s.paths['/tasks'].delete = { responses: { '204': { description: 'Deleted' } } }),
    },
  ],
);

describeRule(
  'SWG-OP-RESP-REQ',
  [
    { name: 'on missing responses', edit: (s) => delete s.paths['/tasks'].get.responses, pointer: LIST },
    {
      name: 'on empty responses',
      edit: (s) => (s.paths['/tasks'].get.responses = {}),
      pointer: `${LIST}/responses`,
    },
    {
      name: 'on a webhook trigger without responses',
      edit: (s) => {
        addWebhook(s);
        delete s.paths['/hooks'].post.responses;
      },
      pointer: '/paths/~1hooks/post',
    },
    {
      name: 'on empty responses of a trigger without x-ms-notification-content',
      edit: (s) => {
        addWebhook(s);
        delete s.paths['/hooks']['x-ms-notification-content'];
        s.paths['/hooks'].post.responses = {};
      },
      pointer: '/paths/~1hooks/post/responses',
    },
  ],
  [
    VALID,
    {
      // Nine merged certified connectors (tyntec-*, MoreApp Forms, Peakboard, Power Textor, …, some
      // updated in 2024) subscribe webhooks this way: the output is x-ms-notification-content's.
      name: "on a webhook trigger's empty responses, its output being x-ms-notification-content",
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].post.responses = {};
      },
    },
  ],
);

describeRule(
  'SWG-OP-RESP-SUCCESS',
  [
    {
      name: "on 'default' only",
      edit: (s) => (s.paths['/tasks'].get.responses = { default: { description: 'OK' } }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' should have at least one successful response definition\. Describe the success as a 2xx response \(200 with the output schema, or 204 when nothing is returned\) rather than 'default'\.$/,
    },
    {
      name: 'on error responses only',
      edit: (s) => (s.paths['/tasks'].get.responses = { '400': { description: 'Bad request' } }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /successful response definition\. Add a 2xx response: 200 with the output schema, or 204 when nothing is returned\.$/,
    },
    {
      // A webhook registration's outputs are the notification's: SWG-WH-DELETE asks for 201 + Location.
      name: 'on a webhook registration with error responses only, advising 201 with a Location header',
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].post.responses = { '400': { description: 'Bad request' } };
      },
      pointer: '/paths/~1hooks/post/responses',
      severity: 'warning',
      message:
        /^The operation 'OnTaskCreated' should have at least one successful response definition\. Add a 201 response with a 'Location' header \(the subscription's URL, which the platform calls with DELETE to remove it\); the trigger's outputs are described by 'x-ms-notification-content'\.$/,
    },
    {
      name: "on a webhook registration with 'default' only",
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].post.responses = { default: { description: 'OK' } };
      },
      pointer: '/paths/~1hooks/post/responses',
      severity: 'warning',
      message:
        /Describe the registration's success as a 201 response with a 'Location' header .* rather than 'default';/,
    },
  ],
  [
    VALID,
    {
      // SWG-OP-RESP-REQ reports an operation without responses: one finding, not two.
      name: 'on an operation without responses',
      edit: (s) => (s.paths['/tasks'].get.responses = {}),
    },
  ],
);

describe('SWG-OP-RESP-SUCCESS advice on a webhook registration, followed', () => {
  it("leaves neither it nor SWG-WH-DELETE's 201 hint standing", async () => {
    const onlyErrors = (s: Json): void => {
      addWebhook(s);
      s.paths['/hooks'].post.responses = { '400': { description: 'Bad request' } };
    };
    // The advice, done literally: a 201 response with a Location header.
    const followed = (s: Json): void => {
      onlyErrors(s);
      s.paths['/hooks'].post.responses['201'] = {
        description: 'Created',
        headers: { Location: { type: 'string' } },
      };
    };
    expect(await swaggerFindings('SWG-OP-RESP-SUCCESS', onlyErrors)).toHaveLength(1);
    expect(await swaggerFindings('SWG-OP-RESP-SUCCESS', followed)).toEqual([]);
    expect(await swaggerFindings('SWG-WH-DELETE', followed)).toEqual([]);
  });
});

describeRule(
  'SWG-RESP-CODE',
  [
    {
      name: "on 'OK'",
      edit: (s) => (s.paths['/tasks'].get.responses.OK = { description: 'OK' }),
      pointer: `${LIST}/responses/OK`,
    },
    {
      name: "on '2000', one digit too many",
      edit: (s) => (s.paths['/tasks'].get.responses['2000'] = { description: 'OK' }),
      pointer: `${LIST}/responses/2000`,
    },
  ],
  [
    VALID,
    {
      name: 'on an extension among the responses',
      edit: (s) => (s.paths['/tasks'].get.responses['x-ms-note'] = 'Pages of 50'),
    },
    {
      name: "on 'default'",
      edit: (s) => (s.paths['/tasks'].get.responses.default = { description: 'Error' }),
    },
  ],
);

describeRule(
  'SWG-RESP-DEFAULT-SCHEMA',
  [
    {
      name: 'on a default response with a schema',
      edit: (s) =>
        (s.paths['/tasks'].get.responses.default = { description: 'Error', schema: { type: 'object' } }),
      pointer: `${LIST}/responses/default/schema`,
      severity: 'warning',
    },
  ],
  [
    VALID,
    {
      name: 'on a default response without schema',
      edit: (s) => (s.paths['/tasks'].get.responses.default = { description: 'Error' }),
    },
    {
      // The wizard's `"default": { "schema": {} }` alone: SWG-OP-RESP-SUCCESS asks to make it a 2xx.
      name: "on the only response, 'default', which SWG-OP-RESP-SUCCESS reports",
      edit: (s) => (s.paths['/tasks'].get.responses = { default: { description: 'default', schema: {} } }),
    },
  ],
);

describe("an operation whose only response is 'default', with a schema", () => {
  it('is one finding, SWG-OP-RESP-SUCCESS asking for a 2xx in its place', async () => {
    const onlyDefault = (s: Json): void => {
      s.paths['/tasks'].get.responses = {
        default: { description: 'default', schema: { $ref: '#/definitions/Task' } },
      };
    };
    expect(await swaggerFindings('SWG-OP-RESP-SUCCESS', onlyDefault)).toHaveLength(1);
    expect(await swaggerFindings('SWG-RESP-DEFAULT-SCHEMA', onlyDefault)).toEqual([]);
  });
});

describeRule(
  'SWG-RESP-MULTI-SCHEMA',
  [
    {
      name: 'on two responses with schemas',
      edit: (s) =>
        (s.paths['/tasks'].get.responses['400'] = { description: 'Bad', schema: { type: 'object' } }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' has more than one response with specified schema, only one schema will be used in the designer\. Keep the schema of the 200 response, and remove the schema of the 400 response: an error needs only its description\.$/,
    },
    {
      // AIForged's 400, 403 and 404: "keep the schema of the success response" named one it has not.
      name: 'on schemas on error responses only, which are all to go',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '400': { description: 'Bad', schema: { type: 'object' } },
          '404': { description: 'Missing', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /designer\. No success response has one: remove the schemas of the 400 and 404 responses, and describe the output on the 200 response\.$/,
    },
    {
      name: 'on two success schemas, keeping the 200 one',
      edit: (s) =>
        (s.paths['/tasks'].get.responses['202'] = { description: 'Accepted', schema: { type: 'object' } }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message: /designer\. Keep the schema of the 200 response, and remove the schema of the 202 response\.$/,
    },
    {
      name: "on a schema on 'default' and on an error",
      edit: (s) =>
        Object.assign(s.paths['/tasks'].get.responses, {
          '400': { description: 'Bad', schema: { type: 'object' } },
          default: { description: 'Error', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message: /remove the schemas of the 400 and 'default' responses:/,
    },
    {
      // HiveCPQ's 171 findings: a shared error response is fixed once, in its definition.
      name: 'on a shared error response, naming its definition',
      edit: (s) => {
        s.responses = { BadRequest: { description: 'Bad', schema: { type: 'object' } } };
        s.paths['/tasks'].get.responses['400'] = { $ref: '#/responses/BadRequest' };
      },
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /remove the schema of the 400 response: an error needs only its description\. The 400 response is defined in '#\/responses\/BadRequest': removing its schema there fixes every operation that uses it\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on an error response without schema',
      edit: (s) => (s.paths['/tasks'].get.responses['400'] = { description: 'Bad' }),
    },
  ],
);

describeRule(
  'SWG-RESP-SCHEMA-200',
  [
    {
      name: 'on a schema only on 202',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '202': { description: 'Accepted', schema: { $ref: '#/definitions/Task' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message: /visible in the designer\. Move the schema of the 202 response to a 200 or 201 response\.$/,
    },
    {
      // InEight's 50 import operations: an accepted job, polled at its Location until it is done.
      name: 'on a schema only on a 202 with a Location header, the asynchronous pattern',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '202': {
            description: 'Accepted',
            schema: { type: 'string' },
            headers: { location: { type: 'string', description: 'Where the job is.' } },
          },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /visible in the designer\. A 202 with a Location header is polled at that address until the work is done, and the action's outputs are the final response's: describe them on a 200 response and leave the 202 without a schema\.$/,
    },
    {
      // 56 corpus operations (SeeBotRun Link's DeleteLink…): a schema on "204 No Content".
      name: 'on a schema only on 204, which has no content',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '204': { description: 'No content', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /visible in the designer\. A 204 response has no content: move its schema to a 200 response, or remove it if the operation returns nothing\.$/,
    },
    {
      // The 202's Location is not the whole story: another 2xx has a schema too. The 400's is no output.
      name: 'on schemas on a 202 with a Location header and a 206, naming both and not the 400',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '202': {
            description: 'Accepted',
            schema: { type: 'string' },
            headers: { location: { type: 'string', description: 'Where the job is.' } },
          },
          '206': { description: 'Partial', schema: { type: 'string' } },
          '400': { description: 'Bad request', schema: { type: 'string' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /visible in the designer\. Move the schema of the 202, 206 response to a 200 or 201 response\.$/,
    },
    {
      name: 'on schemas on a 202 and a 204, with the advice for both',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '202': { description: 'Accepted', schema: { type: 'string' } },
          '204': { description: 'No content', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /visible in the designer\. Move the schema of the 202, 204 response to a 200 or 201 response\.$/,
    },
    {
      // The notification content is on the path item of the webhook, not of this action.
      name: "on an action on a webhook's path item",
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].put = {
          operationId: 'ReplaceHook',
          responses: { '202': { description: 'Accepted', schema: { type: 'string' } } },
        };
      },
      pointer: '/paths/~1hooks/put/responses',
      severity: 'warning',
    },
    {
      // LatinShare SHP Management's CheckInDocument: a 200 without a schema, schemas on its errors.
      name: 'on schemas only on error responses, with a 200 without one',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '400': { description: 'Bad request', schema: { type: 'string' } },
          '404': { description: 'Not found', schema: { type: 'object' } },
          '500': { description: 'Server error', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' should define an output schema on the 200 or 201 response code or in 'x-ms-notification-content' extension for a webhook to be visible in the designer\. Its only schemas are on the 400, 404 and 500 error responses, which the designer does not show\. Describe the response body in a schema on the 200 response, or use a 204 response when the operation returns no body\.$/,
    },
    {
      name: 'on a schema only on an error response, naming the 201 that has the body',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '201': { description: 'Created' },
          '403': { description: 'Forbidden', schema: { type: 'object' } },
        }),
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /Its only schema is on the 403 error response, which the designer does not show\. Describe the response body in a schema on the 201 response, or use a 204/,
    },
    {
      name: 'on a polling trigger with a schema only on an error response, without the 204 advice',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'single';
        s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '404': { description: 'Not found', schema: { type: 'object' } },
        };
      },
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /Describe the response body in a schema on the 200 response: it is what the trigger passes to the flow\.$/,
    },
    {
      name: 'on an action that produces a file with a schema only on an error, naming the binary string',
      edit: (s) => {
        s.paths['/tasks'].get.produces = ['application/octet-stream'];
        s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '500': { description: 'Server error', schema: { type: 'object' } },
        };
      },
      pointer: `${LIST}/responses`,
      severity: 'warning',
      message:
        /Its only schema is on the 500 error response, which the designer does not show\. It produces no JSON: write \{ "type": "string", "format": "binary" \} as the schema of the 200 response\.$/,
    },
  ],
  [
    VALID,
    {
      // HiveCPQ's updates: No Content, and error schemas (SWG-RESP-MULTI-SCHEMA's when several).
      name: 'on a schema on an error response of an operation that answers 204',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '204': { description: 'No content' },
          '400': { description: 'Bad request', schema: { type: 'string' } },
        }),
    },
    {
      name: 'on a schema on an error response of an operation that answers 202',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '202': { description: 'Accepted' },
          '400': { description: 'Bad request', schema: { type: 'string' } },
        }),
    },
    {
      // As before: a 'default' schema is SWG-RESP-DEFAULT-SCHEMA's, and silences SWG-RESP-DEFINED.
      name: "on schemas on an error and the 'default' response",
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '400': { description: 'Bad request', schema: { type: 'string' } },
          default: { description: 'Error', schema: { type: 'object' } },
        }),
    },
    {
      // OneBlink's internal webhook delete: its response never reaches a flow.
      name: 'on a schema only on an error response of an internal operation',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
        s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '400': { description: 'Bad request', schema: { type: 'string' } },
        };
      },
    },
    {
      // Its outputs are x-ms-notification-content's; its 201 answers the registration.
      name: 'on a webhook registration with a schema only on an error response',
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].post.responses = {
          '201': { description: 'Created' },
          '400': { description: 'Bad request', schema: { type: 'object' } },
        };
      },
    },
    {
      // Its outputs are x-ms-notification-content's.
      name: 'on a webhook registration whose 202 has a schema',
      edit: (s) => {
        addWebhook(s);
        s.paths['/hooks'].post.responses = { '202': { description: 'Accepted', schema: { type: 'string' } } };
      },
    },
  ],
);

describeRule(
  'SWG-RESP-EMPTY-SCHEMA',
  [
    {
      name: 'on schema {}',
      edit: (s) => (s.paths['/tasks'].get.responses['200'].schema = {}),
      pointer: `${LIST}/responses/200/schema`,
      severity: 'warning',
    },
    {
      name: 'on a $ref to a bare object definition',
      edit: (s) => {
        s.definitions.Empty = { type: 'object' };
        s.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/Empty' };
      },
      pointer: `${LIST}/responses/200/schema`,
      severity: 'warning',
    },
    {
      // Cloudmersive's conversions return the file: it has no properties to describe.
      name: 'on schema {} of an operation that produces a file, naming the binary string to write',
      edit: (s) => {
        s.paths['/tasks'].get.produces = ['application/pdf', 'text/plain'];
        s.paths['/tasks'].get.responses['200'].schema = {};
      },
      pointer: `${LIST}/responses/200/schema`,
      severity: 'warning',
      message:
        /^The 200 response of 'ListTasks' has an empty schema; the operation produces no JSON, so write \{ "type": "string", "format": "binary" \} for its body\.$/,
    },
    {
      name: 'on schema {} of an operation that produces text, naming the string to write',
      edit: (s) => {
        s.produces = ['text/plain; charset=utf-8', 'application/xml'];
        s.paths['/tasks'].get.responses['200'].schema = {};
      },
      pointer: `${LIST}/responses/200/schema`,
      severity: 'warning',
      message: /; the operation produces no JSON, so write \{ "type": "string" \} for its body\.$/,
    },
    {
      // JSON among them (or any type): its properties may be there to describe.
      name: 'on schema {} of an operation that may produce JSON, asking for its properties',
      edit: (s) => {
        s.paths['/tasks'].get.produces = ['text/plain', 'application/problem+json'];
        s.paths['/tasks'].get.responses['200'].schema = {};
      },
      pointer: `${LIST}/responses/200/schema`,
      severity: 'warning',
      message: /has an empty schema; describe its properties so makers need no Parse JSON step\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on a dynamic schema',
      edit: (s) =>
        (s.paths['/tasks'].get.responses['200'].schema = {
          'x-ms-dynamic-schema': { operationId: 'GetTask' },
        }),
    },
    {
      // Calendly's DeleteInviteeNoShow: No Content has no body to describe; SWG-RESP-SCHEMA-200
      // asks for the schema to go, and "describe its properties" would contradict it.
      name: 'on schema {} of a 204 response',
      edit: (s) => (s.paths['/tasks'].get.responses = { '204': { description: 'No content', schema: {} } }),
    },
    {
      name: 'on schema {} of an error response',
      edit: (s) => (s.paths['/tasks'].get.responses['400'] = { description: 'Bad request', schema: {} }),
    },
    {
      // Aquaforest's GetDataSchema, iManage Tracker's GetDataSchemaForFieldType: an internal
      // operation feeds x-ms-dynamic-schema or -values, and its response (often a JSON schema
      // itself) never reaches a flow, so no maker needs Parse JSON. SWG-RESP-DEFINED exempts it too.
      name: 'on an internal operation',
      edit: (s) => {
        s.paths['/tasks'].get.responses['200'].schema = { type: 'object' };
        s.paths['/tasks'].get['x-ms-visibility'] = 'internal';
      },
    },
  ],
);

describe('SWG-RESP-EMPTY-SCHEMA beside a 204', () => {
  it('reports the empty 200 schema and not the 204 one', async () => {
    // JIRA's PUT /issue/{issueIdOrKey}: both 200 and 204 carry schema {}.
    const findings = await swaggerFindings('SWG-RESP-EMPTY-SCHEMA', (s) => {
      s.paths['/tasks'].get.responses['200'].schema = {};
      s.paths['/tasks'].get.responses['204'] = { description: 'No content', schema: {} };
    });
    expect(findings.map((finding) => finding.pointer)).toEqual([`${LIST}/responses/200/schema`]);
  });
});

describeRule(
  'SWG-RESP-DEFINED',
  [
    {
      name: 'on a visible action whose 200 has no schema',
      edit: (s) => delete s.paths['/tasks'].get.responses['200'].schema,
      pointer: `${LIST}/responses/200`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' defines no response schema, so it has no outputs in the designer\. Describe the response body in a schema, or use a 204 response when the operation returns no body\.$/,
    },
    {
      // A polling trigger's outputs are its response's, as an action's are.
      name: 'on a polling trigger whose 200 has no schema, without the 204 advice',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'single';
        delete s.paths['/tasks'].get.responses['200'].schema;
      },
      pointer: `${LIST}/responses/200`,
      severity: 'warning',
      message:
        /^The trigger 'ListTasks' defines no response schema, so it has no outputs in the designer\. Describe the response body in a schema: it is what the trigger passes to the flow\.$/,
    },
    {
      name: 'on an action that produces a file, naming the binary string to write',
      edit: (s) => {
        s.paths['/tasks'].get.produces = ['application/octet-stream'];
        delete s.paths['/tasks'].get.responses['200'].schema;
      },
      pointer: `${LIST}/responses/200`,
      severity: 'warning',
      message:
        /^The operation 'ListTasks' defines no response schema, so it has no outputs in the designer\. It produces no JSON: write \{ "type": "string", "format": "binary" \} as the schema of its body\.$/,
    },
    {
      name: 'on a polling trigger that produces a file, as a trigger',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'single';
        s.paths['/tasks'].get.produces = ['application/octet-stream'];
        delete s.paths['/tasks'].get.responses['200'].schema;
      },
      pointer: `${LIST}/responses/200`,
      severity: 'warning',
      message:
        /^The trigger 'ListTasks' defines no response schema, so it has no outputs in the designer\. It produces no JSON/,
    },
    {
      name: 'at the first of two success responses that should have a body, neither with a schema',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '206': { description: 'Partial content' },
        }),
      pointer: `${LIST}/responses/200`,
      severity: 'warning',
    },
  ],
  [
    VALID,
    {
      name: 'on a 204 response',
      edit: (s) => (s.paths['/tasks'].get.responses = { '204': { description: 'No content' } }),
    },
    {
      name: 'on a 202 response',
      edit: (s) => (s.paths['/tasks'].get.responses = { '202': { description: 'Accepted' } }),
    },
    {
      // No outputs either, but SWG-RESP-SCHEMA-200 says so: one finding, not two.
      name: 'on a 200 without a schema beside an error response with one',
      edit: (s) =>
        (s.paths['/tasks'].get.responses = {
          '200': { description: 'OK' },
          '404': { description: 'Not found', schema: { type: 'object' } },
        }),
    },
    {
      // Its outputs are x-ms-notification-content's; its 201 answers the registration.
      name: 'on a webhook trigger whose 201 has no schema',
      edit: (s) => addWebhook(s),
    },
    {
      // SWG-WH-NOTIF-CONTENT asks for the notification content: a response schema would be wrong advice.
      name: 'on a webhook trigger (by its notification URL) without x-ms-notification-content',
      edit: (s) => {
        addWebhook(s);
        delete s.paths['/hooks']['x-ms-notification-content'];
        s.paths['/hooks'].post.responses = { '200': { description: 'OK' } };
      },
    },
  ],
);

describeRule(
  'SWG-RESP-HEADERS',
  [
    {
      name: 'on headers that differ only by case',
      edit: (s) =>
        (s.paths['/tasks'].post.responses['201'].headers = {
          Location: { type: 'string' },
          location: { type: 'string' },
        }),
      pointer: `${CREATE}/responses/201/headers/location`,
    },
  ],
  [
    VALID,
    {
      name: 'on distinct headers',
      edit: (s) =>
        (s.paths['/tasks'].post.responses['201'].headers = {
          Location: { type: 'string' },
          ETag: { type: 'string' },
        }),
    },
  ],
);

describeRule(
  'SWG-RESP-EXAMPLE',
  [
    {
      name: 'on an example for a type not produced',
      edit: (s) => (s.paths['/tasks'].get.responses['200'].examples = { 'text/xml': '<a/>' }),
      pointer: `${LIST}/responses/200/examples/text~1xml`,
      message: /'text\/xml' is not produced by the operation 'ListTasks'/,
    },
  ],
  [
    VALID,
    {
      name: 'on an application/json example',
      edit: (s) => (s.paths['/tasks'].get.responses['200'].examples = { 'application/json': [] }),
    },
  ],
);

const movePath = (from: string, to: string) => (s: Json) => {
  s.paths[to] = s.paths[from];
  delete s.paths[from];
};

describeRule(
  'SWG-PATH-SLASH',
  [
    { name: "on 'tasks'", edit: movePath('/tasks', 'tasks'), pointer: '/paths/tasks' },
    {
      name: "on 'tasks/{taskId}'",
      edit: movePath('/tasks/{taskId}', 'tasks/{taskId}'),
      pointer: '/paths/tasks~1{taskId}',
    },
  ],
  [VALID, { name: 'on an x- key in paths', edit: (s) => (s.paths['x-note'] = {}) }],
);
describeRule(
  'SWG-PATH-QUERY',
  [
    { name: "on '?'", edit: movePath('/tasks', '/tasks?all=true'), pointer: '/paths/~1tasks?all=true' },
    { name: "on '#'", edit: movePath('/tasks', '/tasks#all'), pointer: '/paths/~1tasks#all' },
  ],
  [VALID],
);
describeRule(
  'SWG-PATH-WILDCARD',
  [{ name: "on '*'", edit: movePath('/tasks', '/tasks/*'), pointer: '/paths/~1tasks~1*' }],
  [VALID],
);
describeRule(
  'SWG-PATH-TEMPLATE',
  [
    {
      name: 'on a variable spanning segments',
      edit: movePath('/tasks', '/tasks/{a/b}'),
      pointer: '/paths/~1tasks~1{a~1b}',
      message: /spans more than one segment/,
    },
    {
      name: 'on an unclosed brace',
      edit: movePath('/tasks', '/tasks/{id'),
      pointer: '/paths/~1tasks~1{id',
      message: /never closed/,
    },
    {
      name: 'on a variable nested in another',
      edit: movePath('/tasks', '/tasks/{a{b}}'),
      pointer: '/paths/~1tasks~1{a{b}}',
      message: /Here a variable is nested in another one\.$/,
    },
    {
      name: "on a '}' without its '{'",
      edit: movePath('/tasks', '/tasks/id}'),
      pointer: '/paths/~1tasks~1id}',
      message: /Here a '}' has no matching '{'\.$/,
    },
    {
      name: 'on a variable without a name',
      edit: movePath('/tasks', '/tasks/{}'),
      pointer: '/paths/~1tasks~1{}',
      message: /Here a variable has no name\.$/,
    },
  ],
  [VALID],
);
describeRule(
  'SWG-PATH-VAR-DEFAULT',
  [
    {
      name: "on '{version=v1}'",
      edit: movePath('/tasks', '/{version=v1}/tasks'),
      pointer: '/paths/~1{version=v1}~1tasks',
    },
  ],
  [VALID, { name: "on '=' outside the variables", edit: movePath('/tasks/{taskId}', '/tasks/{taskId}/a=b') }],
);

describeRule(
  'SWG-PATH-DUP',
  [
    {
      name: 'on the same route with another variable name',
      edit: (s) =>
        (s.paths['/tasks/{id}'] = {
          get: { ...s.paths['/tasks/{taskId}'].get, operationId: 'GetTaskAgain' },
        }),
      pointer: '/paths/~1tasks~1{id}/get',
      message:
        /'GetTask' and 'GetTaskAgain' have the path templates '\/tasks\/\{taskId\}' and '\/tasks\/\{id\}'/,
    },
  ],
  [
    VALID,
    {
      name: 'on another method',
      edit: (s) =>
        (s.paths['/tasks/{id}'] = {
          delete: { operationId: 'DeleteTask', responses: { '204': { description: 'Deleted' } } },
        }),
    },
    {
      // 'Aa' and 'BB' have the same route hash: the rule compares the routes themselves.
      name: 'on two routes of the same hash',
      edit: (s) => {
        s.paths['/tasks/{taskId}/Aa'] = {
          get: { operationId: 'GetAa', responses: { '200': { description: 'OK' } } },
        };
        s.paths['/tasks/{id}/BB'] = {
          get: { operationId: 'GetBB', responses: { '200': { description: 'OK' } } },
        };
      },
    },
  ],
);

describeRule(
  'SWG-PATH-PARTIAL-DUP',
  [
    {
      name: 'on /tasks/{taskId} beside /tasks/search',
      edit: (s) =>
        (s.paths['/tasks/search'] = {
          get: { operationId: 'SearchTasks', responses: { '200': { description: 'OK' } } },
        }),
      pointer: GET,
      severity: 'warning',
      message: /Partially duplicated paths are: \/tasks\/search/,
    },
  ],
  [VALID],
);

describe('SWG-PATH-PARTIAL-DUP on many overlapping routes', () => {
  // n literal routes that each of n variable routes overlaps: listing them all wrote n paths into
  // each of n messages, a report that grows with the square of the swagger.
  it('lists 100 paths in a message, then how many more', async () => {
    const findings = await swaggerFindings('SWG-PATH-PARTIAL-DUP', (s) => {
      for (let index = 0; index < 150; index++) {
        s.paths[`/tasks/literal${index}`] = {
          get: { operationId: `Literal${index}`, responses: { '200': { description: 'OK' } } },
        };
      }
    });
    expect(findings).toHaveLength(1);
    const listed = findings[0]!.message.split('Partially duplicated paths are: ')[1]!;
    expect(listed).toMatch(/^\/tasks\/literal0, \/tasks\/literal1, .*, \/tasks\/literal99 and 50 more$/);
    expect(listed.split(', ')).toHaveLength(100);
  });
});

describe('SWG-PATH-PARTIAL-DUP on long routes', () => {
  it('quotes each path by its first 200 characters', async () => {
    const long = `/tasks/${'a'.repeat(300)}`;
    const findings = await swaggerFindings('SWG-PATH-PARTIAL-DUP', (s) => {
      s.paths[long] = { get: { operationId: 'Long', responses: { '200': { description: 'OK' } } } };
    });
    const listed = findings[0]!.message.split('Partially duplicated paths are: ')[1]!;
    expect(listed).toBe(`${long.slice(0, 199)}…`);
  });

  it('does not compare 1,000 routes of 301 segments, and SWG-OPS-MAX says so', async () => {
    // 1,001² x 301 segment comparisons: past the budget, though under 4,096 operations. The literal
    // route overlaps every variable one.
    const longRoutes = (s: Json) => {
      s.paths[`${'/x'.repeat(299)}/literal`] = {
        get: { operationId: 'Literal', responses: { '200': { description: 'OK' } } },
      };
      for (let index = 0; index < 1000; index++) {
        s.paths[`${'/x'.repeat(299)}/{id${index}}`] = {
          get: { operationId: `Long${index}`, responses: { '200': { description: 'OK' } } },
        };
      }
    };
    expect(await swaggerFindings('SWG-PATH-PARTIAL-DUP', longRoutes)).toEqual([]);
    const [tooMany] = await swaggerFindings('SWG-OPS-MAX', longRoutes);
    expect(tooMany!.message).toMatch(
      /Overlapping routes \(SWG-PATH-PARTIAL-DUP\) are not looked for in a swagger this large\.$/,
    );
  });
});

describe('SWG-PATH-PARTIAL-DUP past 4,096 operations', () => {
  /** /tasks/search beside /tasks/{taskId}, and filler routes up to `total` operations. */
  const overlapAmong = (total: number) => (s: Json) => {
    s.paths['/tasks/search'] = {
      get: { operationId: 'SearchTasks', responses: { '200': { description: 'OK' } } },
    };
    const count = () =>
      Object.values(s.paths).reduce((sum: number, item: any) => sum + Object.keys(item).length, 0);
    for (let index = count(); index < total; index++) {
      s.paths[`/filler${index}`] = {
        get: { operationId: `Filler${index}`, responses: { '200': { description: 'OK' } } },
      };
    }
    expect(count()).toBe(total);
  };

  it('still compares the routes of 4,096 operations', async () => {
    expect(await swaggerFindings('SWG-PATH-PARTIAL-DUP', overlapAmong(4096))).toHaveLength(1);
  });

  it('does not compare the routes of more, and SWG-OPS-MAX says so', async () => {
    expect(await swaggerFindings('SWG-PATH-PARTIAL-DUP', overlapAmong(4097))).toEqual([]);
    const [tooMany] = await swaggerFindings('SWG-OPS-MAX', overlapAmong(4097));
    expect(tooMany!.message).toBe(
      "The total number of operations in the swagger exceeds the maximum allowed value of '256'. It has 4097. Overlapping routes (SWG-PATH-PARTIAL-DUP) are not looked for in a swagger this large.",
    );
  });
});

describeRule(
  'SWG-PATH-CASE',
  [
    {
      name: "on '/Tasks' beside '/tasks', naming it",
      edit: (s) => (s.paths['/Tasks'] = {}),
      pointer: '/paths/~1Tasks',
      message: /^The path '\/Tasks' is defined multiple times with different capitalization\./,
    },
  ],
  [VALID],
);
describeRule(
  'SWG-PATH-REF',
  [
    {
      name: 'on a path item $ref to another file, saying to write the path item in place',
      edit: (s) => (s.paths['/other'] = { $ref: 'other.json#/x' }),
      pointer: '/paths/~1other/$ref',
      message:
        /^The '\$ref' property in a path is not supported\. Write the path item here, in place of the \$ref\.$/,
    },
    {
      name: 'on a path item $ref inside the file, naming the operations that no rule checks behind it',
      edit: (s) => {
        s['x-paths'] = { shared: { get: { responses: {} }, post: { responses: {} }, parameters: [] } };
        s.paths['/shared'] = { $ref: '#/x-paths/shared' };
      },
      pointer: '/paths/~1shared/$ref',
      message:
        /The 2 operations it leads to \(get, post\) are checked by no rule until written here, in place of the \$ref\.$/,
    },
    {
      name: 'on a path item $ref to one operation',
      edit: (s) => {
        s['x-paths'] = { one: { delete: {} } };
        s.paths['/one'] = { $ref: '#/x-paths/one' };
      },
      pointer: '/paths/~1one/$ref',
      message: /The operation it leads to \(delete\) is checked by no rule until written here/,
    },
  ],
  [VALID],
);

describeRule(
  'SWG-PATH-MISSING-PARAM',
  [
    {
      name: 'on a path variable without parameter',
      edit: (s) => (s.paths['/tasks/{taskId}'].get.parameters = []),
      pointer: GET,
      message: /'GetTask' does not define the 'taskId' parameter/,
    },
    {
      // A query parameter of the variable's name fills no path variable.
      name: 'on a path variable with only a query parameter of its name',
      edit: (s) => (s.paths['/tasks/{taskId}'].get.parameters[0].in = 'query'),
      pointer: GET,
    },
    {
      name: 'on two path variables without parameters, naming both',
      edit: (s) => {
        s.paths['/tasks/{taskId}/notes/{noteId}'] = s.paths['/tasks/{taskId}'];
        delete s.paths['/tasks/{taskId}'];
        s.paths['/tasks/{taskId}/notes/{noteId}'].get.parameters = [];
      },
      pointer: '/paths/~1tasks~1{taskId}~1notes~1{noteId}/get',
      message:
        /^The operation 'GetTask' does not define the 2 parameters which are required by the path: 'taskId', 'noteId'\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'when the parameter is at path level',
      edit: (s) => {
        s.paths['/tasks/{taskId}'].parameters = s.paths['/tasks/{taskId}'].get.parameters;
        s.paths['/tasks/{taskId}'].get.parameters = [];
      },
    },
  ],
);

describe('SWG-PATH-MISSING-PARAM on a key with many variables', () => {
  // Each finding repeats the operation's pointer, which holds the whole key: one finding a variable
  // made the report grow with the square of the key's length.
  // 500 of them: a key of ~3,000 characters, within the longest a JSON file may have.
  const key = `/tasks/${Array.from({ length: 500 }, (_, index) => `{v${index}}`).join('/')}/{v0}`;
  const pointer = `/paths/${key.replaceAll('/', '~1')}`;

  it('reports each operation once, naming the first variables and how many more', async () => {
    const findings = await swaggerFindings('SWG-PATH-MISSING-PARAM', (s) => {
      s.paths[key] = {
        get: {
          operationId: 'GetMany',
          parameters: [{ name: 'v1', in: 'path', required: true, type: 'string' }],
        },
        delete: { operationId: 'DeleteMany' },
      };
    });
    // The pointers hold the 3 KB key: compared, not printed whole when they differ.
    expect(
      findings.map(
        (finding) => finding.pointer === `${pointer}/delete` || finding.pointer === `${pointer}/get`,
      ),
    ).toEqual([true, true]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "The operation 'GetMany' does not define the 499 parameters which are required by the path: 'v0', 'v2', 'v3', 'v4', 'v5' and 494 more.",
      "The operation 'DeleteMany' does not define the 500 parameters which are required by the path: 'v0', 'v1', 'v2', 'v3', 'v4' and 495 more.",
    ]);
  });

  it("keeps Microsoft's message for an operation that misses one of many", async () => {
    const findings = await swaggerFindings('SWG-PATH-MISSING-PARAM', (s) => {
      const parameters = Array.from({ length: 500 }, (_, index) => ({
        name: `v${index}`,
        in: 'path',
        required: true,
        type: 'string',
      }));
      s.paths[key] = { get: { operationId: 'GetMany', parameters: parameters.slice(1) } };
    });
    expect(findings.map((finding) => finding.message)).toEqual([
      "The operation 'GetMany' does not define the 'v0' parameter which is required by the path.",
    ]);
  });
});

const bodyOnGet = (s: Json) =>
  s.paths['/tasks'].get.parameters.push({ name: 'body', in: 'body', schema: { type: 'object' } });
describeRule(
  'SWG-GET-BODY',
  [
    {
      name: 'on a GET with a body',
      edit: bodyOnGet,
      pointer: `${LIST}/parameters/1`,
      message:
        /^Body or form data parameters are not supported in a fetch operation\. Send the values as query or header parameters, or remove this parameter\.$/,
    },
    {
      name: 'on a GET with form data',
      edit: (s) => s.paths['/tasks'].get.parameters.push({ name: 'title', in: 'formData', type: 'string' }),
      pointer: `${LIST}/parameters/1`,
    },
  ],
  [
    VALID,
    {
      name: 'on a body sent with PUT',
      edit: (s) =>
        (s.paths['/tasks/{taskId}'].put = { ...s.paths['/tasks'].post, operationId: 'ReplaceTask' }),
    },
  ],
);

describeRule(
  'SWG-CONSUMES',
  [
    {
      name: 'on a body without consumes',
      edit: (s) => delete s.consumes,
      pointer: CREATE,
      severity: 'warning',
      message:
        /^At least one supported MIME type must be provided in 'consumes' for operation 'CreateTask'\. Add "consumes": \["application\/json"\] \(or the type the API reads\) to the operation, or to the document for every operation\.$/,
    },
    {
      // The template's "consumes": [] left at the root (Inserve, GreenSign): one edit fixes all.
      name: "on the template's empty document consumes, there, saying to fill it",
      edit: (s) => (s.consumes = []),
      pointer: '/consumes',
      severity: 'warning',
      message:
        /^At least one supported MIME type must be provided in 'consumes' for operation 'CreateTask'\. The document's "consumes" is empty: add "application\/json" \(or the type the API reads\) here, which serves it\.$/,
    },
    {
      // Power Textor's 37: each operation was a finding of its own, for the one edit at the root.
      name: 'on an empty document consumes, once for the operations it leaves without a type',
      edit: (s) => {
        s.consumes = [];
        for (const method of ['put', 'patch'] as const) {
          s.paths['/tasks/{taskId}'][method] = {
            ...s.paths['/tasks'].post,
            operationId: `${method}Task`,
            parameters: [...s.paths['/tasks/{taskId}'].get.parameters, ...s.paths['/tasks'].post.parameters],
          };
        }
      },
      pointer: '/consumes',
      severity: 'warning',
      message:
        /^At least one supported MIME type must be provided in 'consumes' for operations 'CreateTask', 'putTask' and 'patchTask'\. The document's "consumes" is empty: add "application\/json" \(or the type the API reads\) here, which serves each of the 3\.$/,
    },
    {
      name: "on an operation's own empty consumes, saying to fill that one",
      edit: (s) => (s.paths['/tasks'].post.consumes = []),
      pointer: CREATE,
      severity: 'warning',
      message:
        /'CreateTask'\. Its own "consumes" is empty: add "application\/json" \(or the type the API reads\) there\.$/,
    },
    {
      name: 'on a file upload, suggesting multipart/form-data',
      edit: (s) => {
        delete s.consumes;
        s.paths['/tasks'].post.parameters = [
          {
            name: 'file',
            in: 'formData',
            type: 'file',
            required: true,
            'x-ms-summary': 'File',
            description: 'The file.',
          },
        ];
      },
      pointer: CREATE,
      severity: 'warning',
      message: /\. Add "consumes": \["multipart\/form-data"\] \(or the type the API reads\)/,
    },
    {
      name: 'on text form fields, suggesting application/x-www-form-urlencoded',
      edit: (s) => {
        delete s.consumes;
        s.paths['/tasks'].post.parameters = [{ name: 'title', in: 'formData', type: 'string' }];
      },
      pointer: CREATE,
      severity: 'warning',
      message: /\. Add "consumes": \["application\/x-www-form-urlencoded"\] \(or the type the API reads\)/,
    },
    {
      // No entry is a string: no type is declared, and the list is not the empty one to fill.
      name: 'at the operation, on a document consumes that lists no string',
      edit: (s) => (s.consumes = [42]),
      pointer: CREATE,
      severity: 'warning',
      message: /'CreateTask'\. Add "consumes": \["application\/json"\]/,
    },
  ],
  [
    VALID,
    {
      name: "with the operation's own consumes, the document's empty",
      edit: (s) => {
        s.consumes = [];
        s.paths['/tasks'].post.consumes = ['application/json'];
      },
    },
    {
      name: "with the operation's own consumes",
      edit: (s) => {
        delete s.consumes;
        s.paths['/tasks'].post.consumes = ['application/json'];
      },
    },
    {
      // One slip, which SWG-JSONTYPE names: not also one finding per operation that sends a body.
      name: 'with the document consumes written as a string',
      edit: (s) => (s.consumes = 'application/json'),
    },
    {
      name: "with the operation's own consumes written as a string, the document's empty",
      edit: (s) => {
        s.consumes = [];
        s.paths['/tasks'].post.consumes = 'application/json';
      },
    },
  ],
);

describe('SWG-CONSUMES on an empty document consumes and operations that want two types', () => {
  it('names the JSON ones at the document, and tells the file upload to declare its own (by line)', async () => {
    const findings = await swaggerFindings('SWG-CONSUMES', (s) => {
      s.consumes = [];
      s.paths['/tasks/{taskId}'].put = {
        ...s.paths['/tasks'].post,
        operationId: 'ReplaceTask',
        parameters: [...s.paths['/tasks/{taskId}'].get.parameters, ...s.paths['/tasks'].post.parameters],
      };
      s.paths['/files'] = {
        post: {
          ...s.paths['/tasks'].post,
          operationId: 'UploadFile',
          parameters: [{ name: 'file', in: 'formData', type: 'file', required: true }],
        },
      };
    });
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      ['/consumes', expect.stringMatching(/for operations 'CreateTask' and 'ReplaceTask'\./)],
      [
        '/paths/~1files/post',
        expect.stringMatching(
          /'UploadFile'\. The document's "consumes" is empty, and "application\/json", which its other operations want there, does not serve this one: give it its own "consumes": \["multipart\/form-data"\]\.$/,
        ),
      ],
    ]);
  });
});

describe('SWG-CONSUMES on an empty document consumes, which types it names', () => {
  const jsonActions = (s: Json, methods: readonly string[]) => {
    s.consumes = [];
    for (const method of methods) {
      s.paths['/tasks/{taskId}'][method] = { ...s.paths['/tasks'].post, operationId: `${method}Task` };
    }
  };

  it('names three operations and counts the rest', async () => {
    const findings = await swaggerFindings('SWG-CONSUMES', (s) => jsonActions(s, ['put', 'patch', 'delete']));
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/consumes',
        expect.stringMatching(
          /for operations 'CreateTask', 'putTask', 'deleteTask' and 1 more\. .* which serves each of the 4\.$/,
        ),
      ],
    ]);
  });

  it("tells the first one's type at the document when two types are wanted as often", async () => {
    const findings = await swaggerFindings('SWG-CONSUMES', (s) => {
      s.consumes = [];
      s.paths['/forms'] = {
        post: {
          ...s.paths['/tasks'].post,
          operationId: 'SendForm',
          parameters: [{ name: 'title', in: 'formData', type: 'string' }],
        },
      };
    });
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      ['/consumes', expect.stringMatching(/for operation 'CreateTask'\. .* add "application\/json"/)],
      [
        '/paths/~1forms/post',
        expect.stringMatching(
          /'SendForm'\. The document's "consumes" is empty, and "application\/json", .* "consumes": \["application\/x-www-form-urlencoded"\]\.$/,
        ),
      ],
    ]);
  });

  it("leaves an operation with its own empty list out of the document's", async () => {
    const findings = await swaggerFindings('SWG-CONSUMES', (s) => {
      jsonActions(s, ['put']);
      s.paths['/tasks/{taskId}'].put.consumes = [];
    });
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      ['/consumes', expect.stringMatching(/for operation 'CreateTask'\. /)],
      [
        '/paths/~1tasks~1{taskId}/put',
        expect.stringMatching(/'putTask'\. Its own "consumes" is empty: add "application\/json"/),
      ],
    ]);
  });
});

describeRule(
  'SWG-MIME-SUPPORTED',
  [
    {
      name: "on 'json'",
      edit: (s) => (s.produces = ['json']),
      pointer: '/produces/0',
      message: /The MIME type 'json' is not valid/,
    },
    {
      name: "on an operation's own entry, at it",
      edit: (s) => (s.paths['/tasks'].post.consumes = ['application/json', 'json']),
      pointer: `${CREATE}/consumes/1`,
      message: /The MIME type 'json' is not valid/,
    },
    {
      // The list a string stands for (SWG-JSONTYPE names it) has no entry to point at.
      name: "on 'json' among the types a string names, at the string",
      edit: (s) => (s.produces = 'application/json, json'),
      pointer: '/produces',
      message: /^The MIME type 'json' is not valid\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on wildcards and parameters',
      edit: (s) => (s.produces = ['*/*', 'application/*+json', 'text/plain; charset=utf-8']),
    },
    { name: 'on a type written with spaces around it', edit: (s) => (s.produces = [' application/json ']) },
    { name: 'on two types a string names', edit: (s) => (s.produces = 'application/json, text/plain') },
  ],
);

const formFile = (s: Json) =>
  (s.paths['/tasks'].post.parameters = [
    { name: 'file', in: 'formData', type: 'file', 'x-ms-summary': 'File', description: 'The file.' },
  ]);
describeRule(
  'SWG-MIME-COMPAT',
  [
    {
      // The document's list applies: the operation needs its own, so the finding is at the operation.
      name: 'on a file sent as JSON, at the operation that needs a "consumes" of its own',
      edit: formFile,
      pointer: CREATE,
      message:
        /'multipart\/form-data' for operation 'CreateTask'\. The document's "consumes" \('application\/json'\) applies to it: give the operation its own "consumes": \["multipart\/form-data"\]\.$/,
    },
    {
      // ElfsquadProductConfigurator's upload: the list to change is the operation's own.
      name: "at the operation's own consumes, with what it lists",
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['application/form-data'];
      },
      pointer: `${CREATE}/consumes`,
      message: /Its "consumes" lists 'application\/form-data': write "multipart\/form-data" there\.$/,
    },
    {
      name: 'on text fields sent as JSON, with either form type',
      edit: (s) => {
        s.paths['/tasks'].post.parameters = [
          {
            name: 'title',
            in: 'formData',
            type: 'string',
            'x-ms-summary': 'Title',
            description: 'The title.',
          },
        ];
        s.paths['/tasks'].post.consumes = ['application/json'];
      },
      pointer: `${CREATE}/consumes`,
      message: /write "multipart\/form-data" or "application\/x-www-form-urlencoded" there\.$/,
    },
    {
      // Either form type goes: the plainer URL-encoded one is suggested.
      name: "on text fields sent by the document's JSON, naming both form types and suggesting URL-encoded",
      edit: (s) => (s.paths['/tasks'].post.parameters = [{ name: 'title', in: 'formData', type: 'string' }]),
      pointer: CREATE,
      message:
        /content type 'multipart\/form-data' or 'application\/x-www-form-urlencoded' for operation 'CreateTask'\. The document's "consumes" \('application\/json'\) applies to it: give the operation its own "consumes": \["application\/x-www-form-urlencoded"\]\.$/,
    },
    {
      // A "consumes" that is no list is not the operation's: the document's applies.
      name: 'at the operation, when its own consumes is not a list',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = { type: 'multipart/form-data' };
      },
      pointer: CREATE,
      message: /The document's "consumes" \('application\/json'\) applies to it/,
    },
    {
      // The list it stands for is its own (SWG-JSONTYPE names it): that is the one to change.
      name: "at the operation's own consumes written as a string, with the type it names",
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = 'application/json';
      },
      pointer: `${CREATE}/consumes`,
      message: /Its "consumes" lists 'application\/json': write "multipart\/form-data" there\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on a file sent as multipart, written as a string (SWG-JSONTYPE names the list)',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = 'multipart/form-data';
      },
    },
    {
      name: 'on a file sent as multipart',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['multipart/form-data'];
      },
    },
    {
      name: 'on a file sent as JSON or multipart',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['application/json', 'multipart/form-data'];
      },
    },
    {
      name: 'on a form type written in capitals, with a parameter',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['Multipart/Form-Data ; boundary=x'];
      },
    },
    {
      name: 'on a file form whose own consumes is empty (SWG-CONSUMES reports it)',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = [];
      },
    },
    {
      name: 'on text fields sent URL-encoded, beside a file-typed parameter that is no form field',
      edit: (s) => {
        s.paths['/tasks'].post.consumes = ['application/x-www-form-urlencoded'];
        s.paths['/tasks'].post.parameters = [
          { name: 'title', in: 'formData', type: 'string' },
          { name: 'upload', in: 'query', type: 'file' },
        ];
      },
    },
  ],
);

describeRule(
  'SWG-FORMURLENC',
  [
    {
      name: 'on a file in a URL-encoded form',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['application/x-www-form-urlencoded'];
      },
      pointer: `${CREATE}/parameters/0`,
    },
    {
      name: 'on the file only, not the text field beside it',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.parameters.push({ name: 'title', in: 'formData', type: 'string' });
        s.paths['/tasks'].post.consumes = ['application/x-www-form-urlencoded'];
      },
      pointer: `${CREATE}/parameters/0`,
    },
  ],
  [
    VALID,
    {
      name: 'on a file in a form that may also be sent as multipart',
      edit: (s) => {
        formFile(s);
        s.paths['/tasks'].post.consumes = ['application/x-www-form-urlencoded', 'multipart/form-data'];
      },
    },
    { name: "on a file sent as JSON (SWG-MIME-COMPAT's)", edit: formFile },
    {
      name: 'on a string field in a URL-encoded form',
      edit: (s) => {
        s.paths['/tasks'].post.consumes = ['application/x-www-form-urlencoded'];
        s.paths['/tasks'].post.parameters = [{ name: 'title', in: 'formData', type: 'string' }];
      },
    },
  ],
);

describeRule(
  'SWG-VISIBILITY-ENUM',
  [
    {
      name: "on 'hidden'",
      edit: (s) => (s.paths['/tasks'].get['x-ms-visibility'] = 'hidden'),
      pointer: `${LIST}/x-ms-visibility`,
    },
    {
      name: "on 'Advanced' as a warning",
      edit: (s) => (s.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = 'Advanced'),
      pointer: `${LIST}/parameters/0/x-ms-visibility`,
      severity: 'warning',
    },
    {
      name: "on '' as info",
      edit: (s) => (s.definitions.Task.properties.id['x-ms-visibility'] = ''),
      pointer: '/definitions/Task/properties/id/x-ms-visibility',
      severity: 'info',
      message: /^x-ms-visibility is empty, which means normal visibility; remove it/,
    },
    {
      // One habit of the file's writer: told once, at the first, with the count of the others.
      name: "on '' in three places, once, counting the others",
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-visibility'] = '';
        s.paths['/tasks'].get.parameters[0]['x-ms-visibility'] = null;
        s.definitions.Task.properties.id['x-ms-visibility'] = '';
      },
      pointer: `${LIST}/x-ms-visibility`,
      severity: 'info',
      message: /is empty here and elsewhere in this file, .* remove each empty one .* 2 more are empty\.$/,
    },
  ],
  [VALID, { name: "on 'important'", edit: (s) => (s.paths['/tasks'].get['x-ms-visibility'] = 'important') }],
);

describeRule(
  'SWG-TRIGGER-ENUM',
  [
    {
      name: "on 'polling'",
      edit: (s) => (s.paths['/tasks'].get['x-ms-trigger'] = 'polling'),
      pointer: `${LIST}/x-ms-trigger`,
    },
    {
      name: "on metadata mode 'push'",
      edit: (s) => (s.paths['/tasks'].get['x-ms-trigger-metadata'] = { kind: 'query', mode: 'push' }),
      pointer: `${LIST}/x-ms-trigger-metadata/mode`,
    },
    {
      name: 'on a trigger on a DELETE operation, as a warning',
      edit: (s) => {
        s.paths['/tasks/{taskId}'].delete = { ...s.paths['/tasks/{taskId}'].get, operationId: 'OnTaskGone' };
        s.paths['/tasks/{taskId}'].delete['x-ms-trigger'] = 'single';
      },
      pointer: '/paths/~1tasks~1{taskId}/delete/x-ms-trigger',
      severity: 'warning',
      message:
        /^x-ms-trigger is on the DELETE operation 'OnTaskGone': a trigger polls with GET or registers a webhook with POST or PUT/,
    },
    {
      name: 'on an x-ms-trigger-hint that is no string',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'single';
        s.paths['/tasks'].get['x-ms-trigger-hint'] = 123;
      },
      pointer: `${LIST}/x-ms-trigger-hint`,
      message: /so a string such as "To see it work, add a task", not 123\.$/,
    },
  ],
  [
    VALID,
    {
      name: 'on a trigger with a text x-ms-trigger-hint',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'single';
        s.paths['/tasks'].get['x-ms-trigger-hint'] = 'To see it work, add a task.';
      },
    },
    {
      name: "on 'batch' with polling metadata",
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'batch';
        s.paths['/tasks'].get['x-ms-trigger-metadata'] = { kind: 'query', mode: 'polling' };
      },
    },
  ],
);

describeRule(
  'SWG-PAGEABLE',
  [
    {
      name: "on 'next'",
      edit: (s) => (s.paths['/tasks'].get['x-ms-pageable'] = { nextLinkName: 'next' }),
      pointer: `${LIST}/x-ms-pageable/nextLinkName`,
      message: /'ListTasks' is invalid/,
    },
    {
      // Real responses may carry it undocumented (10 of 20 pageable corpus operations): a warning.
      name: 'on a next link the closed response schema does not list, as a warning',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-pageable'] = { nextLinkName: '@odata.nextLink' };
        s.paths['/tasks'].get.responses['200'].schema = {
          type: 'object',
          properties: { value: { type: 'array', items: { $ref: '#/definitions/Task' } } },
        };
      },
      pointer: `${LIST}/x-ms-pageable/nextLinkName`,
      severity: 'warning',
      message:
        /^The success response schema of 'ListTasks' has no '@odata\.nextLink' property, the link to the next page that x-ms-pageable names\./,
    },
  ],
  [
    VALID,
    {
      name: 'on a next link the response schema lists',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-pageable'] = { nextLinkName: 'nextLink' };
        s.paths['/tasks'].get.responses['200'].schema = {
          type: 'object',
          properties: {
            value: { type: 'array', items: { $ref: '#/definitions/Task' } },
            nextLink: { type: 'string' },
          },
        };
      },
    },
    {
      name: "on '@odata.nextLink'",
      edit: (s) => (s.paths['/tasks'].get['x-ms-pageable'] = { nextLinkName: '@odata.nextLink' }),
    },
    {
      // The pages are read from the success response: an error response's schema says nothing of them.
      name: 'on a 200 without a schema beside an error response whose schema lacks the link',
      edit: (s) => {
        const list = s.paths['/tasks'].get;
        list['x-ms-pageable'] = { nextLinkName: 'nextLink' };
        list.responses = {
          '200': { description: 'The tasks.' },
          default: {
            description: 'An error.',
            schema: { type: 'object', properties: { error: { type: 'string' } } },
          },
        };
      },
    },
  ],
);

describeRule(
  'SWG-CAPABILITIES',
  [
    {
      name: 'on a non-boolean chunkTransfer',
      edit: (s) => (s.paths['/tasks'].post['x-ms-capabilities'] = { chunkTransfer: 'yes' }),
      pointer: `${CREATE}/x-ms-capabilities/chunkTransfer`,
    },
    {
      name: 'on an unknown root capability',
      edit: (s) => (s['x-ms-capabilities'] = { search: {} }),
      pointer: '/x-ms-capabilities/search',
    },
    {
      name: 'on testConnection in a custom connector, as info',
      edit: (s) => (s['x-ms-capabilities'] = { testConnection: { operationId: 'ListTasks' } }),
      pointer: '/x-ms-capabilities/testConnection',
      severity: 'info',
      profile: 'custom',
    },
  ],
  [
    VALID,
    {
      name: 'on testConnection in a certified connector',
      edit: (s) => (s['x-ms-capabilities'] = { testConnection: { operationId: 'ListTasks' } }),
    },
  ],
);
