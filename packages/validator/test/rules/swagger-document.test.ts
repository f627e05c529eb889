import { describe, expect, it } from '@jest/globals';
import { runRules } from '../helpers/fixture.js';
import { describeRuleCases, editableConnector, findingsOf, type Loose } from './swagger/rule-cases.js';
import { closestExtension, suggestExtension } from '../../src/rules/swagger/known-extensions.js';
import { swapAwareDistance } from '@connector-alm/core';
import { mayRepeatName, onlyRepeatsName } from '../../src/rules/swagger/repeated-name.js';
import { mayBeBlank } from '../../src/rules/swagger/structure/field-notes.js';

describeRuleCases([
  {
    id: 'SWG-VERSION',
    fires: 'fires on "swagger": "3.0"',
    breaks: (c) => (c.swagger.swagger = '3.0'),
    pointer: '/swagger',
  },
  {
    id: 'SWG-REQUIRED-ROOT',
    fires: 'fires on a missing info.version',
    breaks: (c) => delete c.swagger.info.version,
    pointer: '/info/version',
  },
  {
    id: 'SWG-REQUIRED-ROOT',
    fires: 'fires on a missing paths, shown on the root',
    breaks: (c) => delete c.swagger.paths,
    pointer: '/paths',
    onFirstLine: true,
  },
  {
    id: 'SWG-ADDL-PROP',
    fires: 'fires on "basepath" at the root, suggesting basePath',
    breaks: (c) => (c.swagger.basepath = '/v1'),
    pointer: '/basepath',
    message: /The property 'basepath' is not allowed and must be removed\. Did you mean 'basePath'\?/,
  },
  {
    id: 'SWG-ADDL-PROP',
    fires: 'fires on an unknown property in a schema',
    breaks: (c) => (c.swagger.definitions.Task.properties.id.descripton = 'The id'),
    pointer: '/definitions/Task/properties/id/descripton',
  },
  {
    id: 'SWG-KEYWORD',
    fires: 'fires on an OpenAPI 3 keyword in a schema, with what to write instead',
    breaks: (c) => (c.swagger.definitions.Task.properties.id.nullable = true),
    pointer: '/definitions/Task/properties/id/nullable',
    message: /^The 'nullable' keyword is not supported\. Remove it: a property that is not in "required"/,
  },
  {
    id: 'SWG-KEYWORD',
    fires: 'fires on oneOf in a body parameter schema',
    breaks: (c) => (c.swagger.definitions.Task.oneOf = [{ type: 'object' }, { type: 'string' }]),
    pointer: '/definitions/Task/oneOf',
    message: /x-ms-dynamic-schema/,
  },
  {
    id: 'SWG-KEYWORD',
    fires: 'fires on examples in a query parameter',
    breaks: (c) => (c.swagger.paths['/tasks'].get.parameters[0].examples = { open: 'open' }),
    pointer: '/paths/~1tasks/get/parameters/0/examples',
  },
  {
    id: 'SWG-EXT-NAME',
    fires: 'fires on X-ms-summary, suggesting x-ms-summary',
    breaks: (c) => (c.swagger.paths['/tasks'].get.parameters[0]['X-ms-summary'] = 'Status'),
    pointer: '/paths/~1tasks/get/parameters/0/X-ms-summary',
    message: /must begin with "x-"\. Did you mean 'x-ms-summary'\?/,
  },
  {
    id: 'SWG-XMS-UNKNOWN',
    fires: 'fires on x-ms-visibilty, suggesting x-ms-visibility',
    breaks: (c) => (c.swagger.paths['/tasks'].get.parameters[0]['x-ms-visibilty'] = 'advanced'),
    pointer: '/paths/~1tasks/get/parameters/0/x-ms-visibilty',
    severity: 'warning',
    message: /Did you mean 'x-ms-visibility'\?/,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "required": true inside a schema',
    breaks: (c) => (c.swagger.definitions.Task.required = true),
    pointer: '/definitions/Task/required',
    message: /Expected type 'Array', but value is of type 'Boolean'\./,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on securityDefinitions given as an array',
    breaks: (c) => (c.swagger.securityDefinitions = []),
    pointer: '/securityDefinitions',
    message: /Expected type 'Object', but value is of type 'Array'\./,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "maxLength": "100", naming the number it stands for',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.maxLength = '100'),
    pointer: '/definitions/Task/properties/title/maxLength',
    message:
      /^The type of the property is incorrect\. Expected type 'Integer', but value is of type 'String'\. Write 100, without quotes\. `connector-alm validate --fix` writes 100\.$/,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "maxLength": "0100", naming no number: its form may be meant',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.maxLength = '0100'),
    pointer: '/definitions/Task/properties/title/maxLength',
    message:
      /^The type of the property is incorrect\. Expected type 'Integer', but value is of type 'String'\.$/,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "consumes": "application/json", naming the list it stands for',
    breaks: (c) => (c.swagger.consumes = 'application/json'),
    pointer: '/consumes',
    message:
      /^The type of the property is incorrect\. Expected type 'Array', but value is of type 'String'\. Write it as a list: \["application\/json"\]\. `connector-alm validate --fix` writes \["application\/json"\]\.$/,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on an operation\'s "produces" of two types a comma separates, naming both',
    breaks: (c) => (c.swagger.paths['/tasks'].get.produces = 'application/json, text/plain'),
    pointer: '/paths/~1tasks/get/produces',
    message: / Write it as a list: \["application\/json", "text\/plain"\]\. /,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "schemes": "HTTPS", naming the list of https',
    breaks: (c) => (c.swagger.schemes = 'HTTPS'),
    pointer: '/schemes',
    message: / Write it as a list: \["https"\]\. /,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on an operation\'s "tags": "Tasks, lists", naming the one tag',
    breaks: (c) => (c.swagger.paths['/tasks'].get.tags = 'Tasks, lists'),
    pointer: '/paths/~1tasks/get/tags',
    message: / Write it as a list: \["Tasks, lists"\]\. /,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on a schema\'s "required": "title, status", naming the properties',
    breaks: (c) => (c.swagger.definitions.Task.required = 'title, status'),
    pointer: '/definitions/Task/required',
    message: / Write it as a list: \["title", "status"\]\. /,
  },
  {
    // Parse JSON's schemas write a value that may be missing so.
    id: 'SWG-JSONTYPE',
    fires: 'fires on "type": ["string", "null"], naming the one type',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.type = ['string', 'null']),
    pointer: '/definitions/Task/properties/title/type',
    message:
      /^The type of the property is incorrect\. Expected type 'String', but value is of type 'Array'\. Write "string": Swagger 2\.0 gives one type, and has no 'null' type\. `connector-alm validate --fix` writes "string"\.$/,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "type": ["Object"], naming the type in lower case',
    breaks: (c) => (c.swagger.definitions.Task.type = ['Object']),
    pointer: '/definitions/Task/type',
    message: / Write "object": Swagger 2\.0 gives one type, not a list\. /,
  },
  {
    id: 'SWG-JSONTYPE',
    fires: 'fires on "type": ["string", "integer"], naming no type',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.type = ['string', 'integer']),
    pointer: '/definitions/Task/properties/title/type',
    message:
      /^The type of the property is incorrect\. Expected type 'String', but value is of type 'Array'\.$/,
  },
  {
    // A security scheme's type is no data type.
    id: 'SWG-JSONTYPE',
    fires: 'fires on a security scheme\'s "type": ["apiKey"], naming no type',
    breaks: (c) => (c.swagger.securityDefinitions.API_Key.type = ['apiKey']),
    pointer: '/securityDefinitions/API_Key/type',
    message:
      /^The type of the property is incorrect\. Expected type 'String', but value is of type 'Array'\.$/,
  },
  {
    // A schema told it is required, which its parent's list says: no list of it is meant.
    id: 'SWG-JSONTYPE',
    fires: 'fires on a schema\'s "required": "true", naming no list',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.required = 'true'),
    pointer: '/definitions/Task/properties/title/required',
    message:
      /^The type of the property is incorrect\. Expected type 'Array', but value is of type 'String'\.$/,
  },
  {
    // The document's tags are tag objects, not names.
    id: 'SWG-JSONTYPE',
    fires: 'fires on the document\'s "tags": "Tasks", naming no list',
    breaks: (c) => (c.swagger.tags = 'Tasks'),
    pointer: '/tags',
    message:
      /^The type of the property is incorrect\. Expected type 'Array', but value is of type 'String'\.$/,
  },
  {
    id: 'SWG-JSONENUM',
    fires: 'fires on "type": "String", suggesting the lower case',
    breaks: (c) => (c.swagger.definitions.Task.properties.title.type = 'String'),
    pointer: '/definitions/Task/properties/title/type',
    message: /Did you mean 'string'\?/,
  },
  {
    id: 'SWG-JSONENUM',
    fires: 'fires on "type": "null", saying what to write instead',
    // CompanyConnect: schemas generated from a sample response whose values were null.
    breaks: (c) => (c.swagger.definitions.Task.properties.title.type = 'null'),
    pointer: '/definitions/Task/properties/title/type',
    message:
      /^The property value must be one of the following: string, number, integer, boolean, array, object, file\. Swagger 2\.0 has no 'null' type: write the type of the value when it is set\.$/,
  },
  {
    id: 'SWG-ARRAY-DUP',
    fires: 'fires on a repeated enum value, at the repeat',
    breaks: (c) => c.swagger.paths['/tasks'].get.parameters[0].enum.push('open'),
    pointer: '/paths/~1tasks/get/parameters/0/enum/2',
  },
  {
    id: 'SWG-REQUIRED-EMPTY',
    fires: 'fires on an empty title',
    breaks: (c) => (c.swagger.info.title = ''),
    pointer: '/info/title',
    message: /^The 'title' property must have not empty value\. Give the connector its name\.$/,
  },
  {
    id: 'SWG-REQUIRED-EMPTY',
    // E-goi's body parameter is named " ".
    fires: 'says that a name of spaces is empty too',
    breaks: (c) => (c.swagger.paths['/tasks'].post.parameters[0].name = ' '),
    pointer: '/paths/~1tasks/post/parameters/0/name',
    message:
      /^The 'name' property must have not empty value: it holds only white space\. Name the parameter \(a body parameter is usually named "body"\)\.$/,
  },
  {
    id: 'SWG-REQUIRED-EMPTY',
    fires: 'says what to write in an empty version',
    breaks: (c) => (c.swagger.info.version = ''),
    pointer: '/info/version',
    message:
      /^The 'version' property must have not empty value\. Give the version of the API, such as "1\.0"\.$/,
  },
  {
    id: 'SWG-REQUIRED-EMPTY',
    fires: 'says what to write in an empty tag name',
    breaks: (c) => (c.swagger.tags = [{ name: '' }]),
    pointer: '/tags/0/name',
    message: /^The 'name' property must have not empty value\. Name the tag, or remove it\.$/,
  },
  {
    id: 'SWG-HOST',
    fires: 'fires on a host with a scheme, naming the host meant',
    breaks: (c) => (c.swagger.host = 'https://api.contoso.com/'),
    pointer: '/host',
    message:
      /^The 'host' property, if present, must be a valid URI host without a scheme or path\. Write 'api\.contoso\.com'\. `connector-alm validate --fix` writes "api\.contoso\.com"\.$/,
  },
  {
    id: 'SWG-HOST',
    fires: 'fires on a host with a path, naming no host: the path is for basePath',
    breaks: (c) => (c.swagger.host = 'https://api.contoso.com/v1'),
    pointer: '/host',
    message: /^The 'host' property, if present, must be a valid URI host without a scheme or path\.$/,
  },
  {
    id: 'SWG-HOST-PROD',
    fires: 'fires on a staging host',
    breaks: (c) => (c.swagger.host = 'api-staging.contoso.com'),
    pointer: '/host',
    severity: 'warning',
  },
  {
    id: 'SWG-HOST-PROD',
    fires: 'fires on an ngrok tunnel',
    breaks: (c) => (c.swagger.host = 'a1b2c3d4.ngrok.io'),
    pointer: '/host',
    severity: 'warning',
  },
  {
    id: 'SWG-BASEPATH',
    fires: 'fires on a basePath without a slash',
    breaks: (c) => (c.swagger.basePath = 'v1'),
    pointer: '/basePath',
    message:
      /must start with a '\/' character\. Write '\/v1'\. `connector-alm validate --fix` writes "\/v1"\.$/,
  },
  {
    id: 'SWG-BASEPATH',
    fires: 'fires on an empty basePath, naming nothing to write',
    breaks: (c) => (c.swagger.basePath = ''),
    pointer: '/basePath',
    message: /must start with a '\/' character\.$/,
  },
  {
    id: 'SWG-SCHEMES-EMPTY',
    fires: 'fires on the template\'s "schemes": []',
    breaks: (c) => (c.swagger.schemes = []),
    pointer: '/schemes',
  },
  {
    id: 'SWG-SCHEMES-VALID',
    fires: 'fires on wss',
    breaks: (c) => c.swagger.schemes.push('wss'),
    pointer: '/schemes/1',
    message: /WebSocket transfer protocol schemes are not supported/,
  },
  {
    id: 'SWG-SCHEMES-VALID',
    fires: 'fires on HTTPS, naming https',
    breaks: (c) => (c.swagger.schemes = ['HTTPS']),
    pointer: '/schemes/0',
    message: /from the list: http, https\. Write 'https'\. `connector-alm validate --fix` writes "https"\.$/,
  },
  {
    // The string holds no entry to point at, and --fix writes the list first (SWG-JSONTYPE).
    id: 'SWG-SCHEMES-VALID',
    fires: 'fires on "schemes": "wss", at the string',
    breaks: (c) => (c.swagger.schemes = 'wss'),
    pointer: '/schemes',
    message: /WebSocket transfer protocol schemes are not supported\.$/,
  },
  {
    id: 'SWG-SCHEMES-VALID',
    fires: 'warns on "schemes": "http", the list of http only',
    breaks: (c) => (c.swagger.schemes = 'http'),
    pointer: '/schemes',
    severity: 'warning',
  },
  {
    id: 'SWG-SCHEMES-VALID',
    fires: 'warns on http only',
    breaks: (c) => (c.swagger.schemes = ['http']),
    pointer: '/schemes',
    severity: 'warning',
  },
  {
    id: 'SWG-OPS-MAX',
    fires: 'fires on 257 operations',
    breaks: (c) => {
      for (let i = 0; i < 257; i++) {
        c.swagger.paths[`/items${i}`] = {
          get: { operationId: `Get${i}`, responses: { '200': { description: 'OK' } } },
        };
      }
    },
    pointer: '/paths',
  },
  {
    id: 'SWG-TAG-DUP',
    fires: 'fires on a tag defined twice',
    breaks: (c) => (c.swagger.tags = [{ name: 'Tasks' }, { name: 'Tasks' }]),
    pointer: '/tags/1/name',
  },
  {
    id: 'GEN-ENGLISH',
    fires: 'fires on a Cyrillic summary',
    breaks: (c) => (c.swagger.paths['/tasks'].get.summary = 'Получить задачи'),
    pointer: '/paths/~1tasks/get/summary',
    message: /The 'summary' value must be written in English\./,
  },
  {
    id: 'SWG-FIELD-LEN',
    fires: 'fires on a property label of 81 characters',
    breaks: (c) => (c.swagger.definitions.Task.properties.title['x-ms-summary'] = 'T'.repeat(81)),
    pointer: '/definitions/Task/properties/title/x-ms-summary',
    severity: 'warning',
  },
  {
    id: 'SWG-END-ALNUM',
    fires: 'notes a label ending with a colon',
    breaks: (c) => (c.swagger.definitions.Task.properties.title['x-ms-summary'] = 'Title:'),
    pointer: '/definitions/Task/properties/title/x-ms-summary',
    severity: 'info',
    message:
      /^The 'x-ms-summary' value must end with alphanumeric character\. Remove the trailing ':'\. `connector-alm validate --fix` writes "Title"\.$/,
  },
  {
    id: 'SWG-END-ALNUM',
    fires: 'says to remove a trailing space',
    breaks: (c) => (c.swagger.definitions.Task.properties.title['x-ms-summary'] = 'Title '),
    pointer: '/definitions/Task/properties/title/x-ms-summary',
    severity: 'info',
    message:
      /^The 'x-ms-summary' value must end with alphanumeric character\. Remove the trailing space\. `connector-alm validate --fix` writes "Title"\.$/,
  },
  {
    id: 'SWG-TEXT-EMPTY',
    fires: 'warns on an empty title of a schema property (PR #1747)',
    breaks: (c) => (c.swagger.definitions.Task.properties.id.title = ''),
    pointer: '/definitions/Task/properties/id/title',
    severity: 'warning',
    message: /^The 'title' value is empty\. Write one that helps makers, or remove the property\.$/,
  },
  {
    id: 'SWG-TEXT-EMPTY',
    // nimflow's 31 empty response descriptions: Swagger 2.0 requires one, so removing it is no fix.
    fires: 'warns on a blank description of a response, which cannot be removed',
    breaks: (c) => (c.swagger.paths['/tasks'].get.responses['200'].description = '  '),
    pointer: '/paths/~1tasks/get/responses/200/description',
    severity: 'warning',
    message:
      /^The 'description' value is empty\. Write what the response is, such as "Created" or "The task": Swagger 2\.0 requires a response's description, so it cannot be removed\.$/,
  },
  {
    id: 'SWG-TEXT-EMPTY',
    fires: 'notes an empty label in a custom connector',
    breaks: (c) => (c.swagger.definitions.Task.properties.id['x-ms-summary'] = ''),
    pointer: '/definitions/Task/properties/id/x-ms-summary',
    severity: 'info',
    profile: 'custom',
  },
  {
    id: 'SWG-DESC-IS-NAME',
    fires: 'notes a property whose description is its name (PR #864)',
    breaks: (c) => (c.swagger.definitions.Task.properties.id.description = 'id'),
    pointer: '/definitions/Task/properties/id/description',
    severity: 'info',
    message: /^The description of 'id' only repeats its name\. Say in words what the value is/,
  },
  {
    id: 'SWG-DESC-IS-NAME',
    fires: 'names every such property of a schema once, at the first (PR #880)',
    breaks: (c) => {
      c.swagger.definitions.Task.properties.id.description = 'ID';
      c.swagger.definitions.Task.properties.status.description = 'Status';
    },
    pointer: '/definitions/Task/properties/id/description',
    severity: 'info',
    message: /^The descriptions of 2 properties only repeat their names: 'id', 'status'\./,
  },
  {
    id: 'SWG-DESC-IS-NAME',
    // One finding a nested schema was 3 or 4 for one copied response (Cognite Data Fusion: 623).
    fires: 'names such properties of the schemas written in a schema once, at the first, by their path',
    breaks: (c) => {
      c.swagger.definitions.Task.properties.id.description = 'id';
      c.swagger.definitions.Task.properties.error = {
        type: 'object',
        description: 'error',
        properties: {
          code: { type: 'string', description: 'code' },
          details: {
            type: 'array',
            items: { type: 'object', properties: { target: { type: 'string', description: 'Target' } } },
          },
        },
      };
    },
    pointer: '/definitions/Task/properties/id/description',
    severity: 'info',
    message:
      /^The descriptions of 4 properties only repeat their names: 'id', 'error', 'error\.code', 'error\.details\.target'\./,
  },
  {
    id: 'SWG-DESC-IS-NAME',
    fires: 'notes a parameter described by its name written as code (PR #943)',
    breaks: (c) => (c.swagger.paths['/tasks'].get.parameters[0].description = 'STATUS'),
    pointer: '/paths/~1tasks/get/parameters/0/description',
    severity: 'info',
  },
  {
    id: 'SWG-DESC-IS-NAME',
    // An operation's Accept and Content-Type headers were two findings (59 and 56 upstream).
    fires: "names such parameters of an operation once, at the first, and another list's apart",
    breaks: (c) => {
      const parameters = c.swagger.paths['/tasks'].get.parameters;
      parameters[0].description = 'status';
      parameters.push({ name: 'Accept', in: 'header', type: 'string', description: 'Accept' });
      c.swagger.paths['/tasks/{taskId}'].get.parameters[0].description = 'task_id';
    },
    pointer: '/paths/~1tasks/get/parameters/0/description',
    severity: 'info',
    message: /^The descriptions of 2 parameters only repeat their names: 'status', 'Accept'\./,
  },
]);

describe('SWG-DESC-IS-NAME', () => {
  it('tells a name written as code from a description', () => {
    expect(onlyRepeatsName('PhoneNumber', 'PhoneNumber')).toBe(true);
    expect(onlyRepeatsName('phone_number', 'PhoneNumber')).toBe(true);
    expect(onlyRepeatsName('isReadOnly', 'isReadOnly')).toBe(true);
    expect(onlyRepeatsName('Phone number', 'PhoneNumber')).toBe(false);
    expect(onlyRepeatsName('The phone number.', 'PhoneNumber')).toBe(false);
    expect(onlyRepeatsName('Identifier', 'id')).toBe(false);
    expect(onlyRepeatsName('_', '-')).toBe(false);
  });

  it("tells each list's parameters apart", async () => {
    const connector = editableConnector();
    connector.swagger.paths['/tasks'].get.parameters[0].description = 'status';
    connector.swagger.paths['/tasks/{taskId}'].get.parameters[0].description = 'task_id';
    const findings = await findingsOf('SWG-DESC-IS-NAME', connector);
    expect(findings.map((finding) => [finding.pointer, finding.message.split('.')[0]])).toEqual([
      ['/paths/~1tasks/get/parameters/0/description', "The description of 'status' only repeats its name"],
      [
        '/paths/~1tasks~1{taskId}/get/parameters/0/description',
        "The description of 'taskId' only repeats its name",
      ],
    ]);
  });

  it('leaves internal properties and parameters alone, and is off for custom connectors', async () => {
    const connector = editableConnector();
    Object.assign(connector.swagger.definitions.Task.properties.id, {
      description: 'id',
      'x-ms-visibility': 'internal',
    });
    Object.assign(connector.swagger.paths['/tasks'].get.parameters[0], {
      description: 'status',
      'x-ms-visibility': 'internal',
    });
    expect(await findingsOf('SWG-DESC-IS-NAME', connector)).toEqual([]);
    const custom = editableConnector();
    custom.swagger.definitions.Task.properties.id.description = 'id';
    expect(await findingsOf('SWG-DESC-IS-NAME', custom, 'custom')).toEqual([]);
  });
});

/**
 * Texts built from the characters the screens and the ASCII reading of onlyRepeatsName must tell
 * apart: letters, digits, separators, ASCII and other white space, and characters that lower-case
 * to ASCII letters (the Kelvin sign to 'k', 'İ' to 'i' and a combining dot).
 */
const TRICKY = [
  'a',
  'B',
  'k',
  'K',
  'i',
  '7',
  '_',
  '-',
  '.',
  ' ',
  '\t',
  '\n',
  '\v',
  '\u001f',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u212a',
  '\u0130',
  'é',
  'ß',
];

function textsOf(count: number, seed: number): string[] {
  const texts: string[] = [];
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
  for (let index = 0; index < count; index++) {
    let text = '';
    const length = next() % 6;
    for (let at = 0; at < length; at++) text += TRICKY[next() % TRICKY.length];
    texts.push(text);
  }
  return texts;
}

/** onlyRepeatsName as first written, without its reading in place of ASCII texts. */
function repeatsNameAsWritten(description: string, name: string): boolean {
  const text = description.trim();
  if (text === '' || /\s/.test(text)) return false;
  const bare = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare(text) !== '' && bare(text) === bare(name);
}

describe('SWG-DESC-IS-NAME and SWG-TEXT-EMPTY screens', () => {
  it('reads ASCII texts in place exactly as the trimmed, lower-cased copies read them', () => {
    const descriptions = textsOf(3000, 11);
    const names = textsOf(3000, 29);
    for (let index = 0; index < descriptions.length; index++) {
      const description = descriptions[index]!;
      // Half the pairs start alike, so that the comparison goes past the first letter.
      const name = index % 2 === 0 ? names[index]! : description.replace(/[_ ]/g, '-').toUpperCase();
      const expected = repeatsNameAsWritten(description, name);
      expect([description, name, onlyRepeatsName(description, name)]).toEqual([description, name, expected]);
      // The walk's screen may let through a pair that does not repeat the name, never drop one that does.
      if (expected)
        expect([description, name, mayRepeatName(description, name)]).toEqual([description, name, true]);
    }
  });

  it('lets through descriptions that start with white space or a character lower-cased to a letter', () => {
    expect(mayRepeatName(' id', 'id')).toBe(true);
    expect(mayRepeatName('\u212aey', 'key')).toBe(true);
    expect(onlyRepeatsName('\u212aey', 'key')).toBe(true);
    expect(mayRepeatName('_Id', 'id')).toBe(true);
    expect(mayRepeatName('The id', 'id')).toBe(false);
  });

  it('lets through every empty or blank text, whatever white space it is made of', () => {
    for (const text of [
      '',
      ' ',
      '\n',
      '\t  ',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u2028',
      ...textsOf(2000, 5),
    ]) {
      if (text.trim() === '') expect([text, mayBeBlank(text)]).toEqual([text, true]);
    }
    expect(mayBeBlank('Due date')).toBe(false);
    expect(mayBeBlank(undefined)).toBe(false);
  });
});

describe('SWG-DESC-IS-NAME in place', () => {
  it('finds a description that only repeats its name behind a non-ASCII letter or padding', async () => {
    const connector = editableConnector();
    const properties = connector.swagger.definitions.Task.properties;
    properties.id.description = ' ID ';
    properties.status.description = '\u212a';
    properties.k = { type: 'string', description: '\u212a' };
    const findings = await findingsOf('SWG-DESC-IS-NAME', connector);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^The descriptions of 2 properties only repeat their names: 'id', 'k'\./),
    ]);
  });

  it('leaves alone the properties of an internal schema, and reports those of a visible one inside it', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task['x-ms-visibility'] = 'Internal';
    connector.swagger.definitions.Task.properties.id.description = 'id';
    connector.swagger.definitions.Task.properties.owner = {
      type: 'object',
      properties: { email: { type: 'string', description: 'EMAIL' } },
    };
    const findings = await findingsOf('SWG-DESC-IS-NAME', connector);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/definitions/Task/properties/owner/properties/email/description',
    ]);
  });

  it('reads the properties of a schema as deep as the structure walk goes', async () => {
    const connector = editableConnector();
    // MAX_WALK_DEPTH (200) schemas below the definition, the last one with a property.
    let deepest: Loose = { type: 'object', properties: { id: { type: 'string', description: 'id' } } };
    for (let depth = 0; depth < 200; depth++) deepest = { type: 'array', items: deepest };
    connector.swagger.definitions.Deep = deepest;
    const findings = await findingsOf('SWG-DESC-IS-NAME', connector);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      `/definitions/Deep${'/items'.repeat(200)}/properties/id/description`,
    ]);
  });
});

describe('SWG-TEXT-EMPTY scope', () => {
  it('reports texts made of any white space, on schemas, labels, responses and tags', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.id.description = '\u00a0';
    connector.swagger.definitions.Task.properties.id['x-ms-summary'] = '\n';
    connector.swagger.definitions.Task.title = '\u3000 ';
    connector.swagger.paths['/tasks'].get.responses['200'].description = '\t';
    connector.swagger.tags = [{ name: 'Tasks', description: '\ufeff' }];
    const findings = await findingsOf('SWG-TEXT-EMPTY', connector);
    expect(findings.map((finding) => finding.pointer).sort()).toEqual([
      '/definitions/Task/properties/id/description',
      '/definitions/Task/properties/id/x-ms-summary',
      '/definitions/Task/title',
      '/paths/~1tasks/get/responses/200/description',
      '/tags/0/description',
    ]);
  });

  it('leaves alone texts that start with white space and go on', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.id.description = '\u00a0The identifier.';
    connector.swagger.definitions.Task.properties.id['x-ms-summary'] = ' Task ID';
    expect(await findingsOf('SWG-TEXT-EMPTY', connector)).toEqual([]);
  });

  it('leaves empty operation and parameter texts and the title to the rules that require them', async () => {
    const connector = editableConnector();
    connector.swagger.info.title = '';
    connector.swagger.paths['/tasks'].get.description = '';
    connector.swagger.paths['/tasks'].get.parameters[0].description = '';
    expect(await findingsOf('SWG-TEXT-EMPTY', connector)).toEqual([]);
    expect((await findingsOf('SWG-PARAM-DESC', connector)).length).toBe(1);
    expect((await findingsOf('SWG-OP-DESC-REQ', connector)).length).toBe(1);
  });

  it('leaves alone the texts of internal properties, which makers never see', async () => {
    const connector = editableConnector();
    Object.assign(connector.swagger.definitions.Task.properties.id, {
      title: '',
      'x-ms-visibility': 'internal',
    });
    expect(await findingsOf('SWG-TEXT-EMPTY', connector)).toEqual([]);
  });

  it('accepts texts that are written, and schemas without any', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.id.title = 'Task ID';
    delete connector.swagger.definitions.Task.properties.id.description;
    expect(await findingsOf('SWG-TEXT-EMPTY', connector)).toEqual([]);
  });
});

describe('SWG-XMS-UNKNOWN suggestions', () => {
  it('maps corpus typos to the extension they meant', () => {
    expect(suggestExtension('x-ms-summmary')).toBe('x-ms-summary');
    expect(suggestExtension('x-ms-sumamry')).toBe('x-ms-summary');
    expect(suggestExtension('x-ms-visbility')).toBe('x-ms-visibility');
    expect(suggestExtension('x-ms-api-annotations')).toBe('x-ms-api-annotation');
    expect(suggestExtension('x-ms-summary title')).toBe('x-ms-summary');
    expect(suggestExtension('x-ms-something-else')).toBeUndefined();
  });

  it('says when another known extension is as close as the one suggested: validate --fix leaves those', () => {
    expect(closestExtension('x-ms-visbility')).toEqual({ name: 'x-ms-visibility', tied: false });
    expect(closestExtension('x-ms-summary title')).toEqual({ name: 'x-ms-summary', tied: false });
    // Two edits from x-ms-dynamic-list and from x-ms-dynamic-tree.
    expect(closestExtension('x-ms-dynamic-trst')).toEqual({ name: 'x-ms-dynamic-list', tied: true });
    expect(closestExtension('x-ms-something-else')).toBeUndefined();
  });

  it('measures edit distances exactly, and up to a limit when given one', () => {
    // The full table, as the distance was first written: the reference for the bounded one.
    const reference = (a: string, b: string): number => {
      const rows = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            value = Math.min(value, rows[i - 2]![j - 2]! + 1);
          rows[i]![j] = value;
        }
      }
      return rows[a.length]![b.length]!;
    };
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'x-ms-summary', 'x-ms-summmary', 'x-ms-sumamry'];
    let seed = 7;
    const letter = () => 'abcx-'[(seed = (seed * 48271) % 2147483647) % 5]!;
    for (let n = 0; n < 400; n++) words.push(Array.from({ length: 1 + (n % 9) }, letter).join(''));
    // Compared in plain code, the disagreements listed for one expect: an expect per pair (some
    // 400,000) took most of this file's time, for the same comparisons.
    const disagreements: string[] = [];
    for (const a of words) {
      for (const b of words) {
        if (Math.abs(a.length - b.length) > 2) continue;
        const exact = reference(a, b);
        const got = swapAwareDistance(a, b);
        if (got !== exact)
          disagreements.push(`(${JSON.stringify(a)}, ${JSON.stringify(b)}) is ${got}, not ${exact}`);
        for (const limit of [0, 1, 2]) {
          const bounded = swapAwareDistance(a, b, limit);
          if (exact <= limit ? bounded !== exact : !(bounded > limit))
            disagreements.push(
              `(${JSON.stringify(a)}, ${JSON.stringify(b)}, ${limit}) is ${bounded}; the distance is ${exact}`,
            );
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(swapAwareDistance('x-ms-visibility', 'x-ms-visbility')).toBe(1);
  });

  it('allows real unschematized extensions', async () => {
    const connector = editableConnector();
    connector.swagger.paths['/tasks'].post['x-ms-require-user-confirmation'] = true;
    connector.swagger.paths['/tasks'].post['x-ms-openai-data'] = { 'openai-enabled': true };
    expect(await findingsOf('SWG-XMS-UNKNOWN', connector)).toEqual([]);
  });
});

describe('SWG-ADDL-PROP positions', () => {
  it('does not treat property names inside "properties" as keywords', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.basepath = { type: 'string' };
    connector.swagger.definitions.Task.properties['X-Custom'] = { type: 'string' };
    expect(await findingsOf('SWG-ADDL-PROP', connector)).toEqual([]);
    expect(await findingsOf('SWG-EXT-NAME', connector)).toEqual([]);
  });
});

describe('SWG-KEYWORD places', () => {
  it("accepts a response's examples and properties named like keywords", async () => {
    const connector = editableConnector();
    const response = Object.values(connector.swagger.paths['/tasks'].get.responses)[0] as Loose;
    response.examples = { 'application/json': [{ id: '1' }] };
    connector.swagger.definitions.Task.properties.deprecated = { type: 'boolean' };
    connector.swagger.definitions.Task.properties.const = { type: 'string' };
    expect(await findingsOf('SWG-KEYWORD', connector)).toEqual([]);
    expect(await findingsOf('SWG-ADDL-PROP', connector)).toEqual([]);
  });

  it('leaves the keywords to SWG-KEYWORD, not also to SWG-ADDL-PROP', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.id.const = '1';
    expect(await findingsOf('SWG-ADDL-PROP', connector)).toEqual([]);
    expect((await findingsOf('SWG-KEYWORD', connector)).map((f) => f.pointer)).toEqual([
      '/definitions/Task/properties/id/const',
    ]);
  });
});

describe('SWG-ARRAY-DUP at the root', () => {
  it('fires on a repeated produces', async () => {
    const connector = editableConnector();
    connector.swagger.produces = ['application/json', 'application/json'];
    expect(await findingsOf('SWG-ARRAY-DUP', connector)).toMatchObject([{ pointer: '/produces/1' }]);
  });
});

describe('SWG-OPS-MAX', () => {
  it('accepts 256 operations, the limit', async () => {
    const connector = editableConnector();
    connector.swagger.paths = {};
    for (let i = 0; i < 256; i++) {
      connector.swagger.paths[`/items${i}`] = {
        get: { operationId: `Get${i}`, responses: { '200': { description: 'OK' } } },
      };
    }
    expect(await findingsOf('SWG-OPS-MAX', connector)).toEqual([]);
  });
});

describe('SWG-SIZE', () => {
  it('fires on a swagger of 1 MB or more', async () => {
    const connector = editableConnector();
    connector.swagger.info['x-padding'] = 'x'.repeat(1024 * 1024);
    const findings = await findingsOf('SWG-SIZE', connector);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'SWG-SIZE', severity: 'error', line: 1 });
  });

  it('warns a custom connector over the 500,000 characters of a Dataverse solution', async () => {
    const connector = editableConnector();
    connector.swagger.info['x-padding'] = 'x'.repeat(600_000);
    const findings = await findingsOf('SWG-SIZE', connector, 'custom');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]!.message).toMatch(/500,000/);
  });

  it('stays quiet on a small swagger', async () => {
    expect(await findingsOf('SWG-SIZE', editableConnector())).toEqual([]);
  });

  /** The valid connector with its swagger padded to exactly `bytes`, as the fixture writes it. */
  const paddedTo = (bytes: number) => {
    const connector = editableConnector();
    connector.swagger.info['x-padding'] = '';
    const unpadded = Buffer.byteLength(JSON.stringify(connector.swagger, null, 2));
    connector.swagger.info['x-padding'] = 'x'.repeat(bytes - unpadded);
    return connector;
  };
  // "Less than 1 MB": exactly 1 MB is too large.
  it('fires on a swagger of exactly 1 MB', async () => {
    expect(await findingsOf('SWG-SIZE', paddedTo(1024 * 1024))).toMatchObject([{ severity: 'error' }]);
  });
  it('says the size in bytes, with the limit: "1.0 MB" just over it read as within it', async () => {
    const [finding] = await findingsOf('SWG-SIZE', paddedTo(1_054_187));
    expect(finding!.message).toMatch(/ This one is 1,054,187 bytes; 1 MB is 1,048,576 bytes\.$/);
  });
  it('leaves a swagger of exactly 500,000 characters, what a solution stores, alone', async () => {
    expect(await findingsOf('SWG-SIZE', paddedTo(500_000), 'custom')).toEqual([]);
  });

  it('measures the swagger as the repository has it, whatever the line endings of the checkout', async () => {
    // Just under 1 MB with LF, over it with the CRLF a Windows checkout gives its 50,000 lines.
    const connector = editableConnector();
    connector.swagger.info['x-padding'] = Array.from({ length: 50_000 }, () => 'aaaaaaaaaa');
    const lf = JSON.stringify(connector.swagger, null, 2);
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(Buffer.byteLength(lf)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(crlf)).toBeGreaterThan(1024 * 1024);
    const findings = async (text: string) =>
      (await runRules({ ...connector.files, 'apiDefinition.swagger.json': text }, ['SWG-SIZE'])).map(
        ({ severity, message }) => ({ severity, message }),
      );
    expect(await findings(lf)).toEqual([
      { severity: 'info', message: expect.stringMatching(/ It has 1,0\d\d,\d{3} characters\.$/) },
    ]);
    expect(await findings(crlf)).toEqual(await findings(lf));
  });
});

describe('SWG-SCHEMES-EMPTY and SWG-SCHEMES-VALID', () => {
  it('check the schemes of operations, but not of operations under an x- path key', async () => {
    const connector = editableConnector();
    const swagger = connector.swagger;
    swagger.paths['/tasks'].get.schemes = [];
    swagger.paths['/tasks'].post.schemes = ['https', 'ws'];
    swagger.paths['x-hidden'] = {
      get: { schemes: [], responses: {} },
      post: { schemes: ['ws'], responses: {} },
    };
    const pointers = async (ruleId: string) =>
      (await findingsOf(ruleId, connector)).map((finding) => finding.pointer);
    expect(await pointers('SWG-SCHEMES-EMPTY')).toEqual(['/paths/~1tasks/get/schemes']);
    expect(await pointers('SWG-SCHEMES-VALID')).toEqual(['/paths/~1tasks/post/schemes/1']);
  });
});

describe('SWG-SCHEMES-VALID on "schemes" written as a string', () => {
  const findings = async (schemes: string, ruleIds: string[]): Promise<string[]> => {
    const connector = editableConnector();
    connector.swagger.schemes = schemes;
    return (await runRules(connector.files, ruleIds)).map(
      (finding) => `${finding.ruleId} ${finding.pointer}: ${finding.message}`,
    );
  };

  it('leaves "HTTPS" to SWG-JSONTYPE, whose list names https (and --fix writes it)', async () => {
    expect(await findings('HTTPS', ['SWG-SCHEMES-VALID', 'SWG-JSONTYPE'])).toEqual([
      expect.stringMatching(/^SWG-JSONTYPE \/schemes: .* Write it as a list: \["https"\]\. /),
    ]);
  });

  it('names https at the string where SWG-JSONTYPE is off, with no fix: the string has no entry to write', async () => {
    expect(await findings('HTTPS', ['SWG-SCHEMES-VALID'])).toEqual([
      "SWG-SCHEMES-VALID /schemes: The 'schemes' property must only contain transfer protocols from the list: http, https. Write 'https'.",
    ]);
  });
});

describe('SWG-SCHEMA-COUNT and SWG-SCHEMA-DEPTH', () => {
  it('counts a doubling chain of definitions after expansion, without expanding it', async () => {
    const connector = editableConnector();
    // D0 has two properties of D1, D1 two of D2, …: 2^16 schemas once expanded.
    for (let i = 0; i < 16; i++) {
      connector.swagger.definitions[`D${i}`] = {
        type: 'object',
        properties: { a: { $ref: `#/definitions/D${i + 1}` }, b: { $ref: `#/definitions/D${i + 1}` } },
      };
    }
    connector.swagger.definitions.D16 = { type: 'string' };
    connector.swagger.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/D0' };
    const findings = await findingsOf('SWG-SCHEMA-COUNT', connector);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', pointer: '/paths/~1tasks/get' });
    expect(await findingsOf('SWG-SCHEMA-DEPTH', connector)).toEqual([]);
  });

  it('reports a schema nested deeper than the limit, and ends on recursive definitions', async () => {
    const connector = editableConnector();
    let schema: Loose = { type: 'string' };
    for (let i = 0; i < 40; i++) schema = { type: 'object', properties: { child: schema } };
    connector.swagger.definitions.Deep = schema;
    connector.swagger.definitions.Node = {
      type: 'object',
      properties: {
        next: { $ref: '#/definitions/Node' },
        items: { type: 'array', items: { $ref: '#/definitions/Node' } },
      },
    };
    connector.swagger.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/Deep' };
    connector.swagger.paths['/tasks'].post.responses['201'].schema = { $ref: '#/definitions/Node' };
    const findings = await findingsOf('SWG-SCHEMA-DEPTH', connector);
    expect(findings.map((finding) => finding.pointer)).toEqual(['/paths/~1tasks/get/responses/200/schema']);
    expect(await findingsOf('SWG-SCHEMA-COUNT', connector)).toEqual([]);
  });

  it('accepts a schema as deep as the limit, and reports one a level deeper', async () => {
    const nested = (levels: number) => {
      const connector = editableConnector();
      let schema: Loose = { type: 'string' };
      for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { child: schema } };
      connector.swagger.paths['/tasks'].get.responses['200'].schema = schema;
      return connector;
    };
    expect(await findingsOf('SWG-SCHEMA-DEPTH', nested(32))).toEqual([]);
    expect(await findingsOf('SWG-SCHEMA-DEPTH', nested(33))).toHaveLength(1);
  });

  it('stays quiet on a valid connector', async () => {
    expect(await findingsOf('SWG-SCHEMA-COUNT', editableConnector())).toEqual([]);
    expect(await findingsOf('SWG-SCHEMA-DEPTH', editableConnector())).toEqual([]);
  });
});

describe('the rules that read some kinds of objects', () => {
  it('read every kind they check, wherever it is written', async () => {
    const connector = editableConnector();
    const swagger = connector.swagger;
    const get = swagger.paths['/tasks'].get;
    swagger.schemes = ['https', 'https'];
    get.tags = ['a', 'a'];
    get.parameters.push({ name: 'ids', in: 'query', type: 'array', items: { type: 'text', enum: [1, 1] } });
    get.responses['200'].headers = { 'x-next': { type: 'String', enum: ['a', 'a'] } };
    swagger.definitions.Task.type = 'Object';
    swagger.definitions.Task.required = ['id', 'id'];
    swagger.tags = [{ name: ' ' }];
    swagger.info.title = '';
    const pointers = async (id: string) =>
      (await findingsOf(id, connector)).map((finding) => finding.pointer);
    const ids = '/paths/~1tasks/get/parameters/1';
    const header = '/paths/~1tasks/get/responses/200/headers/x-next';
    expect(await pointers('SWG-JSONENUM')).toEqual(
      expect.arrayContaining(['/definitions/Task/type', `${ids}/items/type`, `${header}/type`]),
    );
    expect(await pointers('SWG-JSONENUM')).toHaveLength(3);
    expect((await pointers('SWG-ARRAY-DUP')).sort()).toEqual(
      [
        '/schemes/1',
        '/paths/~1tasks/get/tags/1',
        `${ids}/items/enum/1`,
        `${header}/enum/1`,
        '/definitions/Task/required/1',
      ].sort(),
    );
    expect((await pointers('SWG-REQUIRED-EMPTY')).sort()).toEqual(['/info/title', '/tags/0/name']);
  });
});

describe('SWG-HOST', () => {
  it('accepts a host with a port', async () => {
    const connector = editableConnector();
    connector.swagger.host = 'api.contoso.com:8443';
    expect(await findingsOf('SWG-HOST', connector)).toEqual([]);
  });
});

describe('SWG-HOST-PROD', () => {
  // Inserve, Delinea Secret Server, QPP NextGen: "test.com"-like hosts that a dynamichosturl policy
  // replaces with the connection's host for every operation.
  const policy = (operations?: string[]) => ({
    templateId: 'dynamicHostUrl',
    title: 'Host of the connection',
    parameters: {
      'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('host')",
      ...(operations ? { 'x-ms-apimTemplate-operationName': operations } : {}),
    },
  });
  it('is quiet when a dynamichosturl policy replaces the host of every operation', async () => {
    for (const instance of [policy(), policy(['ListTasks', 'CreateTask', 'GetTask'])]) {
      const connector = editableConnector();
      connector.swagger.host = 'test.contoso.com';
      connector.apiProperties.properties.policyTemplateInstances = [instance];
      expect(await findingsOf('SWG-HOST-PROD', connector)).toEqual([]);
    }
  });
  it('fires when the policy leaves an operation on the host', async () => {
    const connector = editableConnector();
    connector.swagger.host = 'test.contoso.com';
    connector.apiProperties.properties.policyTemplateInstances = [policy(['ListTasks'])];
    expect(await findingsOf('SWG-HOST-PROD', connector)).toMatchObject([{ pointer: '/host' }]);
  });
  it('judges the host of a host written as a URL, which SWG-HOST also reports', async () => {
    // The scheme hid a label at the host's start and an IP address from the check.
    for (const host of ['https://dev.contoso.com', 'https://10.0.0.1:8443/api', 'http://localhost/v1']) {
      const connector = editableConnector();
      connector.swagger.host = host;
      expect({ host, findings: await findingsOf('SWG-HOST-PROD', connector) }).toMatchObject({
        host,
        findings: [{ pointer: '/host', message: expect.stringContaining(`'${host}'`) }],
      });
    }
    const production = editableConnector();
    production.swagger.host = 'https://api.contoso.com/dev';
    expect(await findingsOf('SWG-HOST-PROD', production)).toEqual([]);
  });
});

describe('SWG-JSONTYPE on the root', () => {
  // Every other swagger rule reads a Swagger object: without this case such a file passed untouched.
  it.each([
    ['an array', [{ swagger: '2.0' }], 'Array'],
    ['a string', 'apiDefinition', 'String'],
    ['a number', 2, 'Integer'],
  ])('fires at the root of a swagger that holds %s, in every profile', async (_name, value, type) => {
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      const connector = editableConnector();
      connector.files['apiDefinition.swagger.json'] = JSON.stringify(value);
      const findings = await findingsOf('SWG-JSONTYPE', connector, profile);
      expect(findings).toMatchObject([
        { ruleId: 'SWG-JSONTYPE', severity: 'error', pointer: '', line: 1, column: 1 },
      ]);
      expect(findings[0]!.message).toContain(`Expected type 'Object', but value is of type '${type}'.`);
    }
  });

  it('fires on a swagger that is null', async () => {
    const connector = editableConnector();
    connector.files['apiDefinition.swagger.json'] = 'null';
    expect(await findingsOf('SWG-JSONTYPE', connector)).toMatchObject([
      { message: expect.stringContaining("value is of type 'Null'") },
    ]);
  });

  it('leaves an empty swagger to GEN-JSON-PARSE', async () => {
    const connector = editableConnector();
    connector.files['apiDefinition.swagger.json'] = '';
    expect(await findingsOf('SWG-JSONTYPE', connector)).toEqual([]);
    expect(await findingsOf('GEN-JSON-PARSE', connector)).toMatchObject([{ ruleId: 'GEN-JSON-PARSE' }]);
  });
});

// Content Manager Power Connect's `"x-ms-summary": " "`: a blank label is an empty one. Told to
// remove its trailing space, the maker would leave no label at all.
describe('a blank label', () => {
  it('is told empty, by the rule for its place, and not told to lose its trailing space', async () => {
    const connector = editableConnector();
    connector.swagger.definitions.Task.properties.title['x-ms-summary'] = ' ';
    connector.swagger.paths['/tasks'].get.parameters[0]['x-ms-summary'] = ' ';
    expect(await findingsOf('SWG-END-ALNUM', connector)).toEqual([]);
    const empty = async (ruleId: string) =>
      (await findingsOf(ruleId, connector)).map((finding) => finding.pointer);
    expect(await empty('SWG-TEXT-EMPTY')).toEqual(['/definitions/Task/properties/title/x-ms-summary']);
    expect(await empty('SWG-PARAM-XMS-SUMMARY')).toEqual(['/paths/~1tasks/get/parameters/0']);
  });
});

// A string written for a list is quoted as the list meant; a token pasted as that string was printed
// whole (session 77).
describe('SWG-JSONTYPE never prints a secret of the list it names', () => {
  it('masks it in the list to write and in the note of what --fix writes', async () => {
    const connector = editableConnector();
    const token = 'ghp_q8ZrT3vX9kL2mN5pQ7sW1yB4dF6hJ0aC2eGxY';
    connector.swagger.paths['/tasks'].get.tags = token;
    const [finding] = await findingsOf('SWG-JSONTYPE', connector);
    expect(finding!.message).not.toContain(token);
    expect(finding!.message).toMatch(
      / Write it as a list: \["ghp_\*{6} \(41 characters\)"\]\. `connector-alm validate --fix` writes \["ghp_\*{6} \(41 characters\)"\]\.$/,
    );
    expect(finding!.fixable).toBe(true);
  });
});
