import { describe, expect, it } from '@jest/globals';
import type { DiffResult } from '../../src/diff/change.js';
import { diffConnectors, diffSwaggers, withRule, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// Messages quote names and values from the maker's files. A `type` written as an array of 500
// entries went whole into BRK-INPUT-TYPE's message, and a name holding a line feed broke the report's
// line, so that its second half read like a line of its own. Every value is now shown short and on
// one line (text/message-values.ts).

/**
 * A value no message should show whole: a line break, then 4,000 characters (as keys too, which a
 * JSON file may have up to 4,096 characters long: json/key-length.ts).
 */
const HOSTILE = `x\n${'y'.repeat(4000)}`;
/** How HOSTILE shows: escaped, then cut. */
const SHOWN = 'x\\nyyyy';
/** 50 such keys, each different. */
const hostileKeys = (): Json =>
  Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`${HOSTILE}${index}`, index]));
/** Longer than any message should be: the rule's text, a few short values and a list of five. */
const MAX_MESSAGE = 1000;
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

function expectBounded(result: DiffResult): void {
  expect(result.changes.length).toBeGreaterThan(0);
  for (const change of result.changes) {
    expect({ rule: change.ruleId, tooLong: change.message.length > MAX_MESSAGE }).toEqual({
      rule: change.ruleId,
      tooLong: false,
    });
    expect(change.message).not.toMatch(LINE_BREAKING);
  }
}

/** The messages of `ruleId` in `result`, each bounded and on one line; at least one. */
function messagesOf(result: DiffResult, ruleId: string): string[] {
  expectBounded(result);
  const messages = withRule(result, ruleId).map((change) => change.message);
  expect({ ruleId, found: messages.length > 0 }).toEqual({ ruleId, found: true });
  return messages;
}

function edited(edit: (before: Json, after: Json) => void): DiffResult {
  const before = validSwagger();
  const after = validSwagger();
  edit(before, after);
  return diffSwaggers(before, after);
}

const title = (swagger: Json): Json =>
  swagger.paths['/tasks'].post.parameters[0].schema.properties.title as Json;

describe('a type or format that is not a string', () => {
  it('shows an array of 500 types by its first entries (BRK-INPUT-TYPE)', () => {
    const types = Array.from({ length: 500 }, (_, index) => `t${index}`);
    const [message] = messagesOf(
      edited((_, after) => (title(after).type = types)),
      'BRK-INPUT-TYPE',
    );
    expect(message).toMatch(
      /The type changed from 'string' to '\["t0","t1","t2",… \(497 more\)\]'\. Keep the old type;/,
    );
  });

  it('shows a deep object by its first levels', () => {
    let deep: Json = {};
    const type = deep;
    for (let level = 0; level < 200; level++) deep = deep.x = {};
    const [message] = messagesOf(
      edited((_, after) => (title(after).type = type)),
      'BRK-INPUT-TYPE',
    );
    expect(message).toMatch(/to '\{"x":\{"x":\{…\}\}\}'\. Keep the old type;/);
  });

  it('still tells two long arrays apart that differ only after the entries shown', () => {
    const types = Array.from({ length: 500 }, (_, index) => `t${index}`);
    const result = edited((before, after) => {
      title(before).type = types;
      title(after).type = [...types.slice(0, 499), 'other'];
    });
    expect(withRule(result, 'BRK-INPUT-TYPE')).toHaveLength(1);
  });

  it('shows a long format cut (BRK-INPUT-FORMAT), and a response root type (BRK-RESPONSE-CODE)', () => {
    const [format] = messagesOf(
      edited((before, after) => {
        title(before).format = 'date-time';
        title(after).format = HOSTILE;
      }),
      'BRK-INPUT-FORMAT',
    );
    expect(format).toContain(`The format changed from 'date-time' to '${SHOWN}`);
    const [root] = messagesOf(
      edited((_, after) => {
        after.paths['/tasks/{taskId}'].get.responses['200'].schema = { type: HOSTILE };
      }),
      'BRK-RESPONSE-CODE',
    );
    expect(root).toContain(`The root type changed from 'object' to '${SHOWN}`);
  });
});

describe('every value a swagger change quotes is shown short and on one line', () => {
  const status = (swagger: Json): Json => swagger.paths['/tasks'].get.parameters[0] as Json;
  const body = (swagger: Json): Json => swagger.paths['/tasks'].post.parameters[0].schema as Json;
  const scenarios: [string, string, (before: Json, after: Json) => void][] = [
    [
      'enum values added to an input',
      'BRK-INPUT-ENUM-ADDED',
      (_, after) => (after.paths['/tasks/{taskId}'].get.parameters[0].enum = [HOSTILE, `${HOSTILE}2`]),
    ],
    ['enum values removed from an input', 'BRK-ENUM-NARROWED', (before) => status(before).enum.push(HOSTILE)],
    [
      'enum values removed from an output',
      'BRK-OUTPUT-ENUM-REMOVED',
      (before) => (before.definitions.Task.properties.status.enum = [HOSTILE]),
    ],
    [
      'an operation renamed',
      'BRK-OP-DELETED',
      (_, after) => (after.paths['/tasks/{taskId}'].get.operationId = HOSTILE),
    ],
    [
      'a path template changed',
      'BRK-PATH-CHANGED',
      (_, after) => {
        after.paths[`/tasks/${HOSTILE}`] = { post: after.paths['/tasks'].post };
        delete after.paths['/tasks'].post;
      },
    ],
    [
      'a trigger kind',
      'BRK-TRIGGER-KIND',
      (_, after) => (after.paths['/tasks'].get['x-ms-trigger'] = HOSTILE),
    ],
    [
      'keys added to an operation',
      'CHG-OTHER',
      (_, after) => Object.assign(after.paths['/tasks'].get, hostileKeys()),
    ],
    ['the host', 'BRK-HOST-BASEPATH', (_, after) => (after.host = HOSTILE)],
    ['a scheme dropped', 'BRK-HOST-BASEPATH', (before) => before.schemes.push(HOSTILE)],
    ['keys added to info', 'CHG-OTHER', (_, after) => Object.assign(after.info, hostileKeys())],
    ['a definition added', 'CHG-OTHER', (_, after) => (after.definitions[HOSTILE] = { type: 'string' })],
    ['a top-level key added', 'CHG-OTHER', (_, after) => (after[HOSTILE] = 1)],
    [
      'a parameter moved',
      'BRK-PARAM-LOCATION',
      (before, after) => {
        status(before).name = HOSTILE;
        Object.assign(status(after), { name: HOSTILE, in: 'header' });
      },
    ],
    [
      'an input field removed',
      'BRK-PARAM-DELETED',
      (before) => (body(before).properties[HOSTILE] = { type: 'string' }),
    ],
    [
      'an input field made required',
      'BRK-OPTIONAL-TO-REQUIRED',
      (before, after) => {
        body(before).properties[HOSTILE] = { type: 'string' };
        body(after).properties[HOSTILE] = { type: 'string' };
        body(after).required.push(HOSTILE);
      },
    ],
    [
      'a parameter renamed',
      'BRK-PARAM-RENAMED',
      (_, after) => {
        // The old parameter's description kept: what tells that it is the one renamed.
        const description = 'Only tasks with this status.';
        const added = { name: HOSTILE, in: 'query', type: 'string', required: true, description };
        after.paths['/tasks'].get.parameters = [added];
      },
    ],
    [
      'an optional parameter renamed',
      'BRK-OPTIONAL-PARAM-RENAMED',
      (_, after) => (after.paths['/tasks'].get.parameters[0].name = HOSTILE),
    ],
    [
      'response codes added',
      'CHG-OTHER',
      (_, after) => Object.assign(after.paths['/tasks'].get.responses, hostileKeys()),
    ],
    [
      'keys added to the success response',
      'CHG-OTHER',
      (_, after) => Object.assign(after.paths['/tasks'].get.responses['200'], hostileKeys()),
    ],
    [
      'keys added to a schema',
      'CHG-OTHER',
      (_, after) => Object.assign(after.definitions.Task, hostileKeys()),
    ],
  ];

  it.each(scenarios)('%s (%s)', (_, ruleId, edit) => {
    const messages = messagesOf(edited(edit), ruleId);
    expect(messages.some((message) => message.includes(SHOWN))).toBe(true);
  });
});

describe('every value a sign-in or apiProperties.json change quotes is shown short and on one line', () => {
  const connector = () => ({ swagger: validSwagger(), apiProperties: validApiProperties() });
  const parameters = (files: Json): Json => files.apiProperties.properties.connectionParameters as Json;
  const textParameter = (required: string): Json => ({
    type: 'string',
    uiDefinition: { displayName: 'Region', description: 'Where.', constraints: { required } },
  });
  const sets = (names: string[]): Json => ({
    values: names.map((name) => ({
      name,
      uiDefinition: { displayName: 'Region', description: 'Where.' },
      parameters: { api_key: validApiProperties().properties.connectionParameters.api_key },
    })),
  });
  const oauth = (identityProvider: string): Json => ({
    token: { type: 'oauthSetting', oAuthSettings: { identityProvider, clientId: 'id', scopes: [] } },
  });
  const scenarios: [string, string, (before: Json, after: Json) => void][] = [
    [
      'a required connection parameter added',
      'BRK-REQ-CONN-PARAM-ADDED',
      (_, after) => (parameters(after)[HOSTILE] = textParameter('true')),
    ],
    [
      'an optional connection parameter added',
      'CHG-OTHER',
      (_, after) => (parameters(after)[HOSTILE] = textParameter('false')),
    ],
    [
      'a connection parameter made required',
      'BRK-CONN-OPTIONAL-TO-REQUIRED',
      (before, after) => {
        parameters(before)[HOSTILE] = textParameter('false');
        parameters(after)[HOSTILE] = textParameter('true');
      },
    ],
    [
      'keys added to a connection parameter',
      'CHG-OTHER',
      (_, after) => Object.assign(parameters(after).api_key.uiDefinition, hostileKeys()),
    ],
    [
      'keys added to properties and to the root',
      'CHG-OTHER',
      (_, after) => {
        after.apiProperties.properties[HOSTILE] = 1;
        after.apiProperties[HOSTILE] = 1;
      },
    ],
    [
      'a parameter set added',
      'CHG-OTHER',
      (before, after) => {
        delete before.apiProperties.properties.connectionParameters;
        delete after.apiProperties.properties.connectionParameters;
        before.apiProperties.properties.connectionParameterSets = sets(['us']);
        after.apiProperties.properties.connectionParameterSets = sets(['us', HOSTILE]);
      },
    ],
    [
      'a parameter set removed',
      'BRK-AUTH-TYPE',
      (before, after) => {
        delete before.apiProperties.properties.connectionParameters;
        delete after.apiProperties.properties.connectionParameters;
        before.apiProperties.properties.connectionParameterSets = sets(['us', HOSTILE]);
        after.apiProperties.properties.connectionParameterSets = sets(['us']);
      },
    ],
    [
      'a parameter set renamed',
      'BRK-AUTH-TYPE',
      (before, after) => {
        delete before.apiProperties.properties.connectionParameters;
        delete after.apiProperties.properties.connectionParameters;
        before.apiProperties.properties.connectionParameterSets = sets(['us', 'eu']);
        after.apiProperties.properties.connectionParameterSets = sets(['us', HOSTILE]);
      },
    ],
    [
      'a policy rerouting requests edited',
      'BRK-POLICY-REROUTE',
      (before, after) => {
        const host = (urlTemplate: string): Json => ({
          templateId: 'dynamichosturl',
          title: HOSTILE,
          parameters: { 'x-ms-apimTemplateParameter.urlTemplate': urlTemplate },
        });
        before.apiProperties.properties.policyTemplateInstances = [host('https://api.contoso.com')];
        after.apiProperties.properties.policyTemplateInstances = [host(HOSTILE)];
      },
    ],
    [
      'an identity provider changed',
      'BRK-AUTH-TYPE',
      (before, after) => {
        before.apiProperties.properties.connectionParameters = oauth('aad');
        after.apiProperties.properties.connectionParameters = oauth(HOSTILE);
      },
    ],
    [
      'a security definition of another type, where the swagger decides the sign-in',
      'BRK-AUTH-TYPE',
      (before, after) => {
        delete before.apiProperties.properties.connectionParameters;
        delete after.apiProperties.properties.connectionParameters;
        after.swagger.securityDefinitions.API_Key.type = HOSTILE;
      },
    ],
    [
      'an OAuth flow changed, where the swagger decides the sign-in',
      'BRK-AUTH-TYPE',
      (before, after) => {
        for (const files of [before, after]) delete files.apiProperties.properties.connectionParameters;
        const definition = { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'a', tokenUrl: 't' };
        before.swagger.securityDefinitions = { oauth: definition };
        after.swagger.securityDefinitions = { oauth: { ...definition, flow: HOSTILE } };
      },
    ],
  ];

  it.each(scenarios)('%s (%s)', (_, ruleId, edit) => {
    const before = connector();
    const after = connector();
    edit(before, after);
    const messages = messagesOf(diffConnectors(before, after), ruleId);
    expect(messages.some((message) => message.includes(SHOWN))).toBe(true);
  });
});
