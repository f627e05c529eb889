import { describe, expect, it } from '@jest/globals';
import { describeRule, swaggerFindings, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';
import { addWebhook } from '../helpers/valid-connector.js';

/*
 * A webhook trigger's outputs are the schema of its path item's `x-ms-notification-content`: the
 * rules that check a response schema check it there too, written inline or through its `$ref`.
 */

const PAYLOAD = '/paths/~1hooks/x-ms-notification-content/schema';

/**
 * The helpers' webhook POST /hooks (OnTaskCreated), which gains a `project` query parameter, and
 * whose payload schema is `schema` (by default, one whose properties GetPayloadSchema lists for the
 * trigger's project); then `more` applied.
 */
function payload(schema?: Json, more: SwaggerEdit = () => {}): SwaggerEdit {
  return (s) => {
    addWebhook(s);
    s.paths['/hooks'].post.parameters.push({
      name: 'project',
      in: 'query',
      required: true,
      type: 'string',
      'x-ms-summary': 'Project',
      description: 'The project whose tasks are watched.',
    });
    s.paths['/payload-schema'] = {
      get: {
        operationId: 'GetPayloadSchema',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'project', in: 'query', required: true, type: 'string' }],
        responses: {
          '200': {
            description: 'OK',
            schema: { type: 'object', properties: { schema: { type: 'object' } } },
          },
        },
      },
    };
    s.paths['/hooks']['x-ms-notification-content'].schema = schema ?? {
      type: 'object',
      'x-ms-dynamic-schema': {
        operationId: 'GetPayloadSchema',
        parameters: { project: { parameter: 'project' } },
        'value-path': 'schema',
      },
    };
    more(s);
  };
}

const dynamicSchema = (s: Json): Json =>
  s.paths['/hooks']['x-ms-notification-content'].schema['x-ms-dynamic-schema'];

describeRule(
  'SWG-DYN-OPID',
  [
    {
      name: 'on x-ms-dynamic-schema in a webhook payload calling a missing operation',
      edit: payload(undefined, (s) => (dynamicSchema(s).operationId = 'GetPayloadSchemaX')),
      pointer: `${PAYLOAD}/x-ms-dynamic-schema/operationId`,
      message: /'GetPayloadSchemaX' is not the operationId of any operation/,
    },
  ],
  [{ name: 'on a webhook payload calling an existing operation', edit: payload() }],
);

describeRule(
  'SWG-DYN-PARAMS',
  [
    {
      // The trigger is the source: its `project` is what the payload's call passes on.
      name: "on a webhook payload's call passing a trigger parameter of another type",
      edit: payload(undefined, (s) => (s.paths['/hooks'].post.parameters[1].type = 'integer')),
      pointer: `${PAYLOAD}/x-ms-dynamic-schema/parameters/project`,
      message: /operation 'OnTaskCreated' is providing a parameter of type 'integer'/,
    },
    {
      name: "on a webhook payload's call leaving out a required target parameter",
      edit: payload(undefined, (s) => (dynamicSchema(s).parameters = {})),
      pointer: `${PAYLOAD}/x-ms-dynamic-schema/parameters`,
      message: /requires parameter 'project'/,
    },
    {
      name: "on a webhook payload's call naming no input of the trigger",
      edit: payload(
        undefined,
        (s) => (dynamicSchema(s).parameters = { project: { parameter: 'projectId' } }),
      ),
      pointer: `${PAYLOAD}/x-ms-dynamic-schema/parameters/project/parameter`,
      message: /'projectId' is not a parameter of operation 'OnTaskCreated'.* Did you mean 'project'\?$/,
    },
  ],
  [
    { name: "on a webhook payload's call passing the trigger's parameter", edit: payload() },
    {
      name: "on a webhook payload's call passing a property of the trigger's body",
      edit: payload(
        undefined,
        (s) => (dynamicSchema(s).parameters = { project: { parameter: 'callbackUrl' } }),
      ),
    },
  ],
);

describeRule(
  'SWG-DYN-PROPS-PATH',
  [
    {
      name: 'on x-ms-dynamic-properties in a webhook payload pointing elsewhere',
      edit: payload(undefined, (s) => {
        const schema = s.paths['/hooks']['x-ms-notification-content'].schema;
        schema['x-ms-dynamic-properties'] = {
          operationId: 'GetPayloadSchema',
          parameters: { project: { parameterReference: 'project' } },
          itemValuePath: 'data',
        };
      }),
      pointer: `${PAYLOAD}/x-ms-dynamic-properties/itemValuePath`,
      message: /The expected path is 'schema'/,
    },
  ],
  [{ name: 'on a webhook payload with x-ms-dynamic-schema alone', edit: payload() }],
);

describeRule(
  'SWG-REF-SCHEMA',
  [
    {
      name: "on a webhook payload's $ref to a missing definition",
      edit: payload({ $ref: '#/definitions/Nope' }),
      pointer: `${PAYLOAD}/$ref`,
    },
  ],
  [{ name: "on a webhook payload's $ref to a definition", edit: payload({ $ref: '#/definitions/Task' }) }],
);

describeRule(
  'SWG-VISIBILITY-ENUM',
  [
    {
      name: 'on a property of a webhook payload',
      edit: payload({
        type: 'object',
        properties: { id: { type: 'string', description: 'The ID.', 'x-ms-visibility': 'hidden' } },
      }),
      pointer: `${PAYLOAD}/properties/id/x-ms-visibility`,
    },
  ],
  [
    {
      name: 'on a valid visibility in a webhook payload',
      edit: payload({
        type: 'object',
        properties: { id: { type: 'string', description: 'The ID.', 'x-ms-visibility': 'advanced' } },
      }),
    },
  ],
);

describe("SWG-DESC-IS-NAME in a webhook payload, seen as its trigger's outputs are", () => {
  const namedByName = payload({
    type: 'object',
    properties: { status: { type: 'string', description: 'status' } },
  });

  it('reports a description that only repeats its name', async () => {
    const findings = await swaggerFindings('SWG-DESC-IS-NAME', namedByName);
    expect(findings.map((finding) => finding.pointer)).toEqual([`${PAYLOAD}/properties/status/description`]);
  });

  it('leaves the payload of a path item whose operations are all internal', async () => {
    const findings = await swaggerFindings('SWG-DESC-IS-NAME', (s) => {
      namedByName(s);
      s.paths['/hooks'].post['x-ms-visibility'] = 'internal';
    });
    expect(findings).toEqual([]);
  });
});
