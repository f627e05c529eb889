import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { writeConnector } from '../helpers/fixture.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSettings,
  validSwagger,
} from '../helpers/valid-connector.js';
import { secretRules } from '../../src/rules/general-secrets.js';
import { validateFolder } from '../../src/validate.js';

async function scan(files: Record<string, string | object>) {
  const folder = writeConnector(files);
  return (await validateFolder(folder, { rules: secretRules, cwd: path.dirname(folder) })).findings;
}

const AWS_KEY = 'AKIA' + 'Z7Q2M4X9R1T8B3N6';
const API_KEY = '9f8c2e7d4b1a6f3e0c5d8b2a7e4f1c6d';

describe('GEN-SECRETS', () => {
  it('fires on an AWS key in the readme, at it, without printing it', async () => {
    const findings = await scan({
      ...validConnectorFiles(),
      'readme.md': `${validReadme()}\nKey: ${AWS_KEY}\n`,
    });
    expect(findings).toMatchObject([{ ruleId: 'GEN-SECRETS', severity: 'error', line: 26, column: 6 }]);
    expect(findings[0]!.message).not.toContain(AWS_KEY);
    expect(findings[0]!.message).toMatch(/AWS access key/);
  });
  it('fires on a secret-named value in script.csx', async () => {
    const findings = await scan({ ...validConnectorFiles(), 'script.csx': `var apiKey = "${API_KEY}";\n` });
    expect(findings).toMatchObject([{ severity: 'error', line: 1, column: 15 }]);
    expect(findings[0]!.message).not.toContain(API_KEY);
  });
  // PROP-OAUTH-SECRET reports apiProperties' clientSecret; in the other files client_secret is this rule's.
  it('fires on a client_secret in script.csx', async () => {
    const script = `var client_secret = "${API_KEY}";\n`;
    expect(await scan({ ...validConnectorFiles(), 'script.csx': script })).toMatchObject([{ line: 1 }]);
  });
  it('fires on a secret in settings.json', async () => {
    const settings = { ...validSettings(), password: API_KEY };
    expect(await scan({ ...validConnectorFiles(), 'settings.json': settings })).toMatchObject([
      { file: expect.stringMatching(/settings\.json$/) },
    ]);
  });
  // Twelve characters is as short as a generated secret is taken to be.
  it('fires on a generated-looking value of 12 characters, and not of 11', async () => {
    const withPassword = (value: string) => ({
      ...validConnectorFiles(),
      'script.csx': `var password = "${value}";\n`,
    });
    expect(await scan(withPassword('Xq7mP2vL9rK4'))).toMatchObject([{ line: 1, column: 17 }]);
    expect(await scan(withPassword('Xq7mP2vL9rK'))).toEqual([]);
  });
  it('accepts placeholders', async () => {
    const script =
      'var apiKey = "YOUR_API_KEY"; var password = "<Enter your password>"; var client_secret = "[[DUMMY]]";\n';
    expect(await scan({ ...validConnectorFiles(), 'script.csx': script })).toEqual([]);
  });
  it('accepts values typed for documentation, as in URLs: in assignments, parameter defaults and token formats', async () => {
    // An ascending run, one character five times, a repeated unit: what URLs' values are let off for.
    const script =
      'var apiKey = "1234567890abcdef"; var client_secret = "k7Qz9WmPk7Qz9WmPk7Qz9WmP"; var password = "Zq8Rr00000Lr2pWk9";\n';
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters.push({
      name: 'X-Api-Key',
      in: 'header',
      type: 'string',
      default: 'abcdef0123456789ABCDEF',
    });
    const readme = `${validReadme()}\nAn AWS key looks like ${'AKIA' + '1234567890QWERTY'}.\n`;
    expect(
      await scan({
        ...validConnectorFiles(),
        'script.csx': script,
        'apiDefinition.swagger.json': swagger,
        'readme.md': readme,
      }),
    ).toEqual([]);
  });
  it('fires on a key hard-coded as the default of a secret-named parameter, at the default', async () => {
    for (const [name, location, value] of [
      ['api_key', 'query', API_KEY],
      ['Ocp-Apim-Subscription-Key', 'header', API_KEY],
      ['Authorization', 'header', 'Basic dXNlcm5hbWU6cGFzc3dvcmQxMjM0NQ=='],
      // Names the text scan knows as keys (SECRET_NAMES) count as parameter names too.
      ['refresh_token', 'query', API_KEY],
      ['pwd', 'query', API_KEY],
    ]) {
      const swagger = validSwagger();
      swagger.paths['/tasks'].get.parameters.push({
        name,
        in: location,
        type: 'string',
        required: true,
        default: value,
        'x-ms-visibility': 'internal',
      });
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings).toMatchObject([
        { ruleId: 'GEN-SECRETS', pointer: '/paths/~1tasks/get/parameters/1/default' },
      ]);
      expect(findings[0]!.message).toMatch(
        new RegExp(
          `^The default of the ${location} parameter '${name}' looks like a real secret .*: every user of the connector would send it\\.`,
        ),
      );
      expect(findings[0]!.message).not.toContain(value);
    }
  });
  it('fires on a key hard-coded as the default of a secret-named body sent as a string, at its default', async () => {
    // The body has no default of its own: its schema's is the whole body, named by the parameter.
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.parameters.push({
      name: 'api_key',
      in: 'body',
      required: true,
      schema: { type: 'string', default: API_KEY },
      'x-ms-visibility': 'internal',
    });
    const text = JSON.stringify(swagger, null, 2);
    const line = text.split('\n').findIndex((candidate) => candidate.includes(API_KEY)) + 1;
    const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
    expect(findings).toMatchObject([
      { ruleId: 'GEN-SECRETS', pointer: '/paths/~1tasks/get/parameters/1/schema/default', line },
    ]);
    expect(findings[0]!.message).toBe(
      "The default of the body parameter 'api_key' looks like a real secret (9f8c****** (32 characters)): every user of the connector would send it. Remove the default, let each user give their own key in a connection parameter, and revoke this one, since it stays in the git history.",
    );
  });

  it('fires on a key hard-coded as the default of the string a secret-named body reaches through $ref, at that default', async () => {
    // Key's default is the whole body, as one written in place is; a chain of references counts too.
    for (const [schema, pointer] of [
      [{ $ref: '#/definitions/Key' }, '/definitions/Key/default'],
      [{ $ref: '#/definitions/KeyAlias' }, '/definitions/Key/default'],
    ] as const) {
      const swagger = validSwagger();
      swagger.definitions.Key = { type: 'string', default: API_KEY };
      swagger.definitions.KeyAlias = { $ref: '#/definitions/Key' };
      swagger.paths['/tasks'].get.parameters.push({
        name: 'api_key',
        in: 'body',
        required: true,
        schema,
        'x-ms-visibility': 'internal',
      });
      const text = JSON.stringify(swagger, null, 2);
      const line = text.split('\n').findIndex((candidate) => candidate.includes(API_KEY)) + 1;
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
      expect(findings).toMatchObject([{ ruleId: 'GEN-SECRETS', pointer, line }]);
      expect(findings[0]!.message).toBe(
        "The default of the body parameter 'api_key' looks like a real secret (9f8c****** (32 characters)): every user of the connector would send it. Remove the default, let each user give their own key in a connection parameter, and revoke this one, since it stays in the git history.",
      );
    }
  });

  it('leaves a body reached through $ref alone under a name of no credential, as a placeholder, and through a circular or broken $ref', async () => {
    for (const [name, ref, value] of [
      ['body', '#/definitions/Key', API_KEY],
      ['api_key', '#/definitions/Key', 'YOUR_API_KEY'],
      ['api_key', '#/definitions/Loop', API_KEY],
      ['api_key', '#/definitions/Missing', API_KEY],
    ]) {
      const swagger = validSwagger();
      swagger.definitions.Key = { type: 'string', default: value };
      swagger.definitions.Loop = { $ref: '#/definitions/Loop2' };
      swagger.definitions.Loop2 = { $ref: '#/definitions/Loop' };
      swagger.paths['/tasks'].get.parameters.push({ name, in: 'body', schema: { $ref: ref } });
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect({ name, ref, value, findings }).toEqual({ name, ref, value, findings: [] });
    }
  });

  it("leaves a string body's default alone under a name of no credential, as a placeholder, or as `code` on a Function app", async () => {
    // A Function app reads its key (`code`) from the query or a header, never a body.
    for (const [name, value] of [
      ['body', API_KEY],
      ['api_key', 'YOUR_API_KEY'],
      ['code', API_KEY],
    ]) {
      const swagger = validSwagger();
      swagger.host = 'liquidloom.azurewebsites.net';
      swagger.paths['/tasks'].get.parameters.push({
        name,
        in: 'body',
        schema: { type: 'string', default: value },
      });
      expect(await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger })).toEqual([]);
    }
  });

  it('leaves placeholders, expressions and short defaults of secret-named parameters alone', async () => {
    const swagger = validSwagger();
    for (const [name, value] of [
      ['api_key', 'YOUR_API_KEY'],
      ['api_key', "@connectionParameters('key')"],
      ['password', 'evapps'],
      ['key', 'rrnames'],
      ['Authorization', 'Bearer <token>'],
    ])
      swagger.paths['/tasks'].get.parameters.push({ name, in: 'query', type: 'string', default: value });
    expect(await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger })).toEqual([]);
  });
  it('fires on an Azure Function key as the default of `code` on a Function app, or of x-functions-key', async () => {
    // Weavo Liquid Loom's swagger had its Function key as an internal `code` in each operation, until
    // PowerPlatformConnectors #3269. Elsewhere `code` is an OAuth authorization code.
    for (const [host, name, location, fires] of [
      ['liquidloom.azurewebsites.net', 'code', 'query', true],
      ['api.contoso.com', 'x-functions-key', 'header', true],
      ['api.contoso.com', 'code', 'query', false],
    ] as const) {
      const swagger = validSwagger();
      swagger.host = host;
      swagger.paths['/tasks'].get.parameters.push({
        name,
        in: location,
        type: 'string',
        required: true,
        default: API_KEY,
        'x-ms-visibility': 'internal',
      });
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect({ host, name, findings }).toMatchObject({
        host,
        name,
        findings: fires ? [{ pointer: '/paths/~1tasks/get/parameters/1/default' }] : [],
      });
    }
  });

  describe('secret defaults of body and response schema properties', () => {
    /** The swagger with CreateTask's body given `properties` beside its title, and its text. */
    function withBodyProperties(properties: Record<string, unknown>) {
      const swagger = validSwagger();
      Object.assign(swagger.paths['/tasks'].post.parameters[0].schema.properties, properties);
      return swagger;
    }
    const BODY = '/paths/~1tasks/post/parameters/0/schema/properties';

    it('fires on a key hard-coded as the default of a secret-named body field, at its default line', async () => {
      const swagger = withBodyProperties({ api_key: { type: 'string', default: API_KEY } });
      const text = JSON.stringify(swagger, null, 2);
      const line = text.split('\n').findIndex((candidate) => candidate.includes(API_KEY)) + 1;
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
      expect(findings).toMatchObject([{ ruleId: 'GEN-SECRETS', pointer: `${BODY}/api_key/default`, line }]);
      expect(findings[0]!.message).toMatch(
        /^The default of the body field 'api_key' looks like a real secret \(9f8c\*{6} \(32 characters\)\): every user of the connector would send it\./,
      );
      expect(findings[0]!.message).not.toContain(API_KEY);
    });

    it("fires on nested properties, on an array of them, and on an array's items by the array's name", async () => {
      const swagger = withBodyProperties({
        auth: { type: 'object', properties: { client_secret: { type: 'string', default: API_KEY } } },
        accounts: {
          type: 'array',
          items: { type: 'object', properties: { password: { type: 'string', default: 'Zq8Rr2Lr2pWk9xT' } } },
        },
        api_keys: { type: 'array', items: { type: 'string', default: 'k7Qz9WmP2vLx8RtN4bYc' } },
      });
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings.map((finding) => finding.pointer)).toEqual([
        `${BODY}/auth/properties/client_secret/default`,
        `${BODY}/accounts/items/properties/password/default`,
        `${BODY}/api_keys/items/default`,
      ]);
      expect(findings.map((finding) => /field '([^']+)'/.exec(finding.message)![1])).toEqual([
        'client_secret',
        'password',
        'api_keys',
      ]);
    });

    it('fires on a field of a definition a body uses through $ref, and on a field whose $ref has the default', async () => {
      const swagger = validSwagger();
      swagger.paths['/tasks'].post.parameters[0].schema = { $ref: '#/definitions/NewTask' };
      swagger.definitions.NewTask = {
        type: 'object',
        properties: {
          title: { type: 'string' },
          settings: { $ref: '#/definitions/Settings' },
          'x-api-key': { $ref: '#/definitions/Key' },
        },
      };
      swagger.definitions.Settings = {
        type: 'object',
        properties: { api_key: { type: 'string', default: API_KEY } },
      };
      // Named by the field that uses it: `Key` says nothing of a credential, `x-api-key` does.
      swagger.definitions.Key = { type: 'string', default: 'k7Qz9WmP2vLx8RtN4bYc' };
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings).toMatchObject([
        { pointer: '/definitions/Settings/properties/api_key/default' },
        { pointer: '/definitions/Key/default' },
      ]);
      expect(findings[0]!.message).toMatch(
        /^The default of the field 'api_key' looks like a real secret .*: it is published with the connector/,
      );
      expect(findings[1]!.message).toMatch(/^The default of the field 'x-api-key' looks like a real secret/);
    });

    it("fires on a response field's default, which is published though not sent", async () => {
      const swagger = validSwagger();
      swagger.paths['/tasks'].get.responses['200'].schema = {
        type: 'object',
        properties: { access_token: { type: 'string', default: API_KEY } },
      };
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings).toMatchObject([
        { pointer: '/paths/~1tasks/get/responses/200/schema/properties/access_token/default' },
      ]);
      expect(findings[0]!.message).toMatch(
        /^The default of the response field 'access_token' looks like a real secret .*: no request sends it, but it is published with the connector/,
      );
    });

    it('is one finding with the same key as a parameter default, at the first in the file', async () => {
      const swagger = withBodyProperties({ api_key: { type: 'string', default: API_KEY } });
      swagger.paths['/tasks'].get.parameters.push({
        name: 'api_key',
        in: 'query',
        type: 'string',
        default: API_KEY,
      });
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings).toMatchObject([{ pointer: '/paths/~1tasks/get/parameters/1/default' }]);
      expect(findings[0]!.message).toMatch(
        / The same value is in 1 more place, on line \d+: remove it there too\.$/,
      );
    });

    it("leaves placeholders, other names, a Function key name in a body, and a whole body's default alone", async () => {
      const swagger = withBodyProperties({
        api_key: { type: 'string', default: 'YOUR_API_KEY' },
        password: { type: 'string', default: '<Enter your password>' },
        token: { type: 'string', default: "@connectionParameters('token')" },
        // `code` is an Azure Function's key in the query of a Function app only.
        code: { type: 'string', default: API_KEY },
        requestId: { type: 'string', default: API_KEY },
        // A map's values and a definition's own default have no field name of their own.
        labels: { type: 'object', additionalProperties: { type: 'string', default: API_KEY } },
        secretLength: { type: 'integer', default: 32 },
      });
      swagger.host = 'liquidloom.azurewebsites.net';
      swagger.definitions.ApiKey = { type: 'string', default: API_KEY };
      swagger.definitions.Task.properties.owner = { $ref: '#/definitions/ApiKey' };
      expect(await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger })).toEqual([]);
    });
  });

  describe('one secret in several places of a file', () => {
    const OTHER_KEY = '7c1e94b2' + 'd6f08a3e5c7b9d1f2a4e6c8b0d3f';

    it('is one finding, at its first place, that names the lines of the others; another secret is its own', async () => {
      const readme = [
        validReadme(),
        `Try https://api.example.com/v1/items?api_key=${API_KEY}`,
        `Or https://api.example.com/v1/items?api_key=${API_KEY} and https://api.example.com/v2/items?api_key=${API_KEY}`,
        `A second key: https://api.example.com/v1/items?api_key=${OTHER_KEY}`,
        `In code: "api_key": "${API_KEY}"`,
        '',
      ].join('\n');
      const findings = await scan({ ...validConnectorFiles(), 'readme.md': readme });
      expect(findings).toMatchObject([
        { line: 26, column: 46 },
        { line: 28, column: 56 },
      ]);
      expect(findings[0]!.message).toMatch(
        /\(9f8c\*{6} \(32 characters\)\).* The same value is in 3 more places, on lines 27 and 29: remove it from each\.$/,
      );
      expect(findings[1]!.message).toMatch(/\(7c1e\*{6} \(36 characters\)\).*git history\.$/);
      for (const finding of findings) expect(finding.message).not.toContain(API_KEY);
    });

    it('counts the parameter defaults that hold it with the text, in the order of the file', async () => {
      // Ten operations with the same internal key, and the key in the description above them: one
      // error, at the description, which comes first in the file.
      const swagger = validSwagger();
      swagger.info.description = `Call https://api.contoso.com/v1/tasks?api_key=${API_KEY} to try it.`;
      const key = {
        name: 'api_key',
        in: 'query',
        type: 'string',
        default: API_KEY,
        'x-ms-visibility': 'internal',
      };
      swagger.paths['/tasks'].get.parameters.push(key);
      swagger.paths['/tasks'].post.parameters.push(key);
      const text = JSON.stringify(swagger, null, 2);
      const lines = text.split('\n');
      const defaults = lines.flatMap((line, index) =>
        line.includes(`"default": "${API_KEY}"`) ? [index + 1] : [],
      );
      expect(defaults).toHaveLength(2);
      const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
      expect(findings).toMatchObject([
        { line: lines.findIndex((line) => line.includes('"description": "Call')) + 1 },
      ]);
      expect(findings[0]!.message).toMatch(/^This URL carries its api_key in the query/);
      expect(findings[0]!.message).toContain(
        ` The same value is in 2 more places, on lines ${defaults[0]} and ${defaults[1]}: remove it from each.`,
      );
    });

    it('is one finding past the per-rule cap too, not a thousand and a count of the rest', async () => {
      const line = `https://api.example.com/v1/items?api_key=${API_KEY}`;
      const readme = `${validReadme()}\n${Array(2500).fill(line).join('\n')}\n`;
      const findings = await scan({ ...validConnectorFiles(), 'readme.md': readme });
      expect(findings).toMatchObject([{ line: 26 }]);
      expect(findings[0]!.message).toMatch(
        / The same value is in 2,499 more places, on lines 27, 28, 29 and 2,496 more: remove it from each\.$/,
      );
    });

    it('says "there too" of one other place, and counts places on one line once by line', async () => {
      const once = await scan({
        ...validConnectorFiles(),
        'script.csx': `var apiKey = "${API_KEY}";\nvar password = "${API_KEY}";\n`,
      });
      expect(once).toMatchObject([{ line: 1 }]);
      expect(once[0]!.message).toMatch(
        / The same value is in 1 more place, on line 2: remove it there too\.$/,
      );
      const url = `https://api.example.com/v1/items?api_key=${API_KEY}`;
      const many = await scan({
        ...validConnectorFiles(),
        'script.csx': `${[url, url, url, url].join(' ')}\n\n${url}\n${url}\n${url}\n${url}\n`,
      });
      expect(many).toMatchObject([{ line: 1 }]);
      expect(many[0]!.message).toMatch(
        / The same value is in 7 more places, on lines 1, 3, 4 and 2 more: remove it from each\.$/,
      );
    });
  });

  describe('credentials in URLs', () => {
    // Built from pieces so that no secret-shaped literal is committed.
    const HEX_KEY = '3f9a' + '71c0e4b28d5a96f1c3e07b4d2a8f615e';
    const GOOGLE_KEY = 'AIza' + 'Sy9Kq2Lm7Xw4Rt8Vb1Nc6Hd3Jf0Gp5Ze2Ua';
    const PASSWORD = 'Wq7' + 'rT2!vLp';

    it('fires on a key or token in the query of a readme URL, at the value, without printing it', async () => {
      for (const [url, parameter, value] of [
        [`https://api.example.com/v1/items?api_key=${HEX_KEY}`, 'api_key', HEX_KEY],
        [`https://api.example.com/v1/items?format=json&access_token=${HEX_KEY}.`, 'access_token', HEX_KEY],
        [`https://api.example.com/v1/items?X-Api-Key=${HEX_KEY}#top`, 'X-Api-Key', HEX_KEY],
        [`https://fn.azurewebsites.net/api/run?code=${HEX_KEY}%3D%3D`, 'code', HEX_KEY],
      ]) {
        const line = `Call it: ${url}`;
        const findings = await scan({ ...validConnectorFiles(), 'readme.md': `${validReadme()}\n${line}\n` });
        expect({ url, findings }).toMatchObject({
          url,
          findings: [
            { ruleId: 'GEN-SECRETS', file: 'Contoso/readme.md', line: 26, column: line.indexOf(value) + 1 },
          ],
        });
        expect(findings[0]!.message).toContain(
          `carries its ${parameter} in the query (${value.slice(0, 4)}******`,
        );
        expect(findings[0]!.message).not.toContain(value);
      }
    });

    it('splits a query whose `&` is written `\\u0026`, as .NET serializers write JSON, in the swagger and in script.csx', async () => {
      const swagger = validSwagger();
      swagger.info.description = `Try https://api.example.com/v1/items?format=json&api_key=${HEX_KEY}&limit=5`;
      // JSON.stringify writes `&` as it is; System.Text.Json and Newtonsoft's EscapeHtml write `\u0026`.
      const swaggerText = JSON.stringify(swagger, null, 2).replaceAll('&', '\\u0026');
      const script = `var url = "https://api.example.com/v1/items?format=json\\u0026access_token=${HEX_KEY}\\u0026limit=5";\n`;
      const findings = await scan({
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swaggerText,
        'script.csx': script,
      });
      const descriptionLine = swaggerText.split('\n').findIndex((line) => line.includes(HEX_KEY));
      expect(findings).toMatchObject([
        {
          file: 'Contoso/apiDefinition.swagger.json',
          line: descriptionLine + 1,
          column: swaggerText.split('\n')[descriptionLine]!.indexOf(HEX_KEY) + 1,
          message: expect.stringContaining('carries its api_key in the query (3f9a****** (36 characters))'),
        },
        {
          file: 'Contoso/script.csx',
          column: script.indexOf(HEX_KEY) + 1,
          message: expect.stringContaining(
            'carries its access_token in the query (3f9a****** (36 characters))',
          ),
        },
      ]);
    });

    it('reads a query value through the JSON escapes it may hold (`\\/`, `\\u002B`)', async () => {
      // Each half is too short to look generated: only the whole value is a key.
      const [first, second] = ['Zq81xMv0', 'Lr2pWk9T'];
      for (const escaped of ['\\/', '\\u002B', '\\u002b']) {
        const swagger = validSwagger();
        swagger.info.description = `Try https://api.example.com/v1?key=${first}ESCAPED${second}&a=1`;
        const text = JSON.stringify(swagger, null, 2).replace('ESCAPED', escaped);
        const line = text.split('\n').find((candidate) => candidate.includes(first))!;
        const findings = await scan({ ...validConnectorFiles(), 'apiDefinition.swagger.json': text });
        expect({ escaped, findings }).toMatchObject({
          escaped,
          findings: [
            {
              column: line.indexOf(first) + 1,
              message: expect.stringContaining('carries its key in the query (Zq81****** (17 characters))'),
            },
          ],
        });
      }
    });

    it('reports a known token format in a URL once, as that format', async () => {
      const line = `See https://maps.example.com/api?key=${GOOGLE_KEY}`;
      const findings = await scan({ ...validConnectorFiles(), 'readme.md': `${validReadme()}\n${line}\n` });
      expect(findings).toMatchObject([{ line: 26, column: line.indexOf(GOOGLE_KEY) + 1 }]);
      expect(findings[0]!.message).toMatch(/Google API key/);
    });

    it('fires on a password in the user information of a URL, in script.csx and in a swagger description', async () => {
      const script = `var url = "https://svc:${PASSWORD}@api.example.com/v2";\n`;
      const swagger = validSwagger();
      swagger.info.description = `Reads tasks from ftp://backup:${PASSWORD}@files.example.com/tasks`;
      const findings = await scan({
        ...validConnectorFiles(),
        'script.csx': script,
        'apiDefinition.swagger.json': swagger,
      });
      expect(findings).toMatchObject([
        {
          file: 'Contoso/apiDefinition.swagger.json',
          message: expect.stringMatching(/password in its user information/),
        },
        { file: 'Contoso/script.csx', line: 1, column: script.indexOf(PASSWORD) + 1 },
      ]);
      for (const finding of findings) expect(finding.message).not.toContain(PASSWORD);
    });

    it('fires on a key in a URL of apiProperties and of an x-ms-* documentation URL', async () => {
      const swagger = validSwagger();
      swagger['x-ms-connector-metadata'] = [
        { propertyName: 'Website', propertyValue: `https://tasks.example.com/?token=${HEX_KEY}` },
      ];
      const properties = validApiProperties();
      properties.properties.connectionParameters.api_key.uiDefinition.tooltip = `Try https://tasks.example.com/?apikey=${HEX_KEY}`;
      const findings = await scan({
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swagger,
        'apiProperties.json': properties,
      });
      expect(findings).toMatchObject([
        { file: 'Contoso/apiDefinition.swagger.json', ruleId: 'GEN-SECRETS' },
        { file: 'Contoso/apiProperties.json', ruleId: 'GEN-SECRETS' },
      ]);
    });

    it('leaves the token of a link that shares one file for download alone, in the readme', async () => {
      // Connect Bridge's readme (PowerPlatformConnectors, certified) links its installer so; Firebase
      // Storage links a file so. Each token opens that one file.
      const TOKEN = 'Zt8q' + 'Lm3RvX6pKw2NcY9bTf4HsJ7dGa1eUo5i';
      const UUID = '3656bfa6' + '-0047-4fd2-944b-ffdc4b44c7e0';
      const readme = [
        validReadme(),
        `Download the installer: [Setup.exe](https://share.example.com/download.php?id=202&token=${TOKEN})`,
        `Connect Bridge's: https://share.connecting-software.com/download.php?id=202&token=${TOKEN}`,
        `![Logo](https://firebasestorage.googleapis.com/v0/b/app.appspot.com/o/images%2Flogo.png?alt=media&token=${UUID})`,
        `The guide: https://files.example.com/guides/Setup%20Guide.pdf?token=${TOKEN}`,
        `Or https://share.example.com/download?id=7&amp;token=${TOKEN}`,
        '',
      ].join('\n');
      expect(await scan({ ...validConnectorFiles(), 'readme.md': readme })).toEqual([]);
    });

    it("still fires on a token sent to an API's address, on a data file, or under a credential's name", async () => {
      for (const url of [
        `https://api.example.com/v1/files/42/download?token=${HEX_KEY}`,
        `https://api.contoso.com/v2/reports/download?token=${HEX_KEY}`,
        `https://api-eu.example.com/files/report.pdf?token=${HEX_KEY}`,
        `https://example.com/api/download?token=${HEX_KEY}`,
        // Moodle's way to fetch a file with the user's web-service token, which opens the whole API.
        `https://moodle.example.edu/webservice/pluginfile.php/123/mod_resource/content/1/syllabus.pdf?token=${HEX_KEY}`,
        `https://app.contoso.com/rest/v2/reports/download?token=${HEX_KEY}`,
        `https://app.contoso.com/reports/v2/download?token=${HEX_KEY}`,
        `https://app.contoso.com/v1.0/files/report.pdf?token=${HEX_KEY}`,
        `https://app.contoso.com/graphql/download?token=${HEX_KEY}`,
        `https://app.contoso.com/services/files/download?token=${HEX_KEY}`,
        `https://content.dropboxapi.com/files/download?token=${HEX_KEY}`,
        `https://files.graphapi.example.com/report.pdf?token=${HEX_KEY}`,
        // Firebase's host, but not its object's download link.
        `https://firebasestorage.googleapis.com/v1/projects/app/buckets/b/download?token=${HEX_KEY}`,
        `https://calendar.example.com/feeds/team.ics?token=${HEX_KEY}`,
        `https://example.com/export/items.json?token=${HEX_KEY}`,
        `https://share.example.com/download.php?id=202&access_token=${HEX_KEY}`,
        `https://share.example.com/setup.exe?api_key=${HEX_KEY}`,
        `https://tasks.example.com/?token=${HEX_KEY}`,
      ]) {
        const findings = await scan({ ...validConnectorFiles(), 'readme.md': `${validReadme()}\n${url}\n` });
        expect({ url, findings }).toMatchObject({ url, findings: [{ ruleId: 'GEN-SECRETS', line: 26 }] });
      }
    });

    it('fires on a file link with a token in script.csx and in the swagger: there it is a call, with a credential', async () => {
      const script = `var url = "https://share.example.com/download.php?id=202&token=${HEX_KEY}";\n`;
      const swagger = validSwagger();
      swagger.info.description = `Install https://share.example.com/download?id=202&token=${HEX_KEY} first.`;
      const swaggerText = JSON.stringify(swagger, null, 2).replaceAll('/', '\\/');
      const findings = await scan({
        ...validConnectorFiles(),
        'script.csx': script,
        'apiDefinition.swagger.json': swaggerText,
      });
      expect(findings).toMatchObject([
        {
          file: 'Contoso/apiDefinition.swagger.json',
          message: expect.stringContaining('carries its token in the query'),
        },
        { file: 'Contoso/script.csx', line: 1, column: script.indexOf(HEX_KEY) + 1 },
      ]);
    });

    it('leaves placeholders, paging tokens, documentation values and plain user names alone', async () => {
      const urls = [
        'https://api.example.com/v1?api_key=YOUR_API_KEY',
        'https://api.example.com/v1?api_key={apiKey}',
        'https://api.example.com/v1?access_token=<token>',
        'https://api.example.com/v1?key=xxxxxxxxxxxxxxxxxxxx',
        'https://api.example.com/v1?token=***',
        'https://api.example.com/v1?api_key=[API key]',
        'https://api.example.com/v1?apikey=z',
        'https://api.example.com/v1?key=',
        'https://api.example.com/v1?key=abc123',
        'https://api.example.com/v1?api_key=1234567890abcdef',
        'https://api.example.com/v1?api_key=a1b2c3a1b2c3a1b2c3',
        "https://api.example.com/v1?token=@{parameters('token')}",
        `https://api.example.com/v1?$skiptoken=${HEX_KEY}`,
        `https://api.example.com/v1?pageToken=${HEX_KEY}`,
        `https://login.example.com/callback?code=${HEX_KEY}`,
        `https://api.example.com/v1?monkey=${HEX_KEY}`,
        'https://user:password@host.example.com/',
        'https://user:<password>@host.example.com/',
        'https://user:********@host.example.com/',
        'https://user:{password}@host.example.com/',
        'https://user:pass@host.example.com/',
        'https://john@example.com/profile',
        'https://example.com:8443/path?contact=me@example.com',
        'mailto:team@example.com',
      ];
      const readme = `${validReadme()}\n${urls.map((url) => `- ${url}`).join('\n')}\n`;
      expect(await scan({ ...validConnectorFiles(), 'readme.md': readme })).toEqual([]);
      // Code that only looks like a query: a comparison after `&&`, a null-conditional member.
      const script = `if (ok&&token==${HEX_KEY}x) { settings?.Key=${HEX_KEY}; }\n`;
      expect(await scan({ ...validConnectorFiles(), 'script.csx': script })).toEqual([]);
    });
  });

  describe('secrets that setheader and setqueryparameter policies send', () => {
    const VALUE = 'x-ms-apimTemplateParameter.value';

    /** A policy that sets `name` to `value` with `template` (setheader unless given). */
    function policy(name: string, value: string, template = 'setheader') {
      return {
        templateId: template,
        title: 'Set the key',
        parameters: {
          'x-ms-apimTemplateParameter.name': name,
          [VALUE]: value,
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      };
    }

    /** The findings of the valid connector with these policies, and the text of its apiProperties.json. */
    async function scanPolicies(policies: object[], host?: string) {
      const properties = validApiProperties();
      properties.properties.policyTemplateInstances = policies;
      const swagger = validSwagger();
      if (host !== undefined) swagger.host = host;
      const text = JSON.stringify(properties, null, 2);
      const findings = await scan({
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swagger,
        'apiProperties.json': text,
      });
      return { findings, text };
    }

    it('fires on a key a setheader policy sends under a secret-named header, at its value, masked', async () => {
      const { findings, text } = await scanPolicies([
        policy('Accept', 'application/json'),
        policy('api-key', API_KEY),
      ]);
      const valueLine = text.split('\n').findIndex((line) => line.includes(API_KEY)) + 1;
      expect(findings).toMatchObject([
        {
          ruleId: 'GEN-SECRETS',
          severity: 'error',
          file: 'Contoso/apiProperties.json',
          pointer: `/properties/policyTemplateInstances/1/parameters/${VALUE}`,
          line: valueLine,
        },
      ]);
      expect(findings[0]!.message).toMatch(
        /^The setheader policy sets the header 'api-key' to what looks like a real secret \(9f8c\*{6} \(32 characters\)\): every call of every user/,
      );
      expect(findings[0]!.message).not.toContain(API_KEY);
    });

    it('fires under every name a secret parameter default is reported under, in any case of the template id', async () => {
      for (const [template, name, value, host] of [
        ['setheader', 'x-functions-key', API_KEY, undefined],
        ['SetHeader', 'Ocp-Apim-Subscription-Key', API_KEY, undefined],
        ['setHeader', 'Authorization', 'Basic dXNlcm5hbWU6cGFzc3dvcmQxMjM0NQ==', undefined],
        ['setheader', 'X-Client-Secret', API_KEY, undefined],
        ['setqueryparameter', 'api_key', API_KEY, undefined],
        ['setqueryparameter', 'access_token', API_KEY, undefined],
        // An Azure Function's key in the query, on a Function app's host.
        ['setqueryparameter', 'code', API_KEY, 'contoso-tasks.azurewebsites.net'],
      ] as const) {
        const { findings } = await scanPolicies([policy(name, value, template)], host);
        const sets = template === 'setqueryparameter' ? 'query parameter' : 'header';
        expect({ template, name, findings }).toMatchObject({
          template,
          name,
          findings: [{ pointer: `/properties/policyTemplateInstances/0/parameters/${VALUE}` }],
        });
        expect(findings[0]!.message).toContain(`The ${template} policy sets the ${sets} '${name}' to`);
      }
    });

    it('leaves placeholders and expressions alone', async () => {
      const values = [
        "@connectionParameters('apiKey')",
        "@connectionParameters('api_key','')",
        "Bearer @connectionParameters('api_key')",
        "@headers('X-Api-Key')",
        "@queryParameters('key')",
        "@{connectionParameters('apiKey')}",
        '{apiKey}',
        '',
        '<your key>',
        'YOUR_API_KEY',
        'PLACEHOLDER_API_KEY',
        'dummy-value',
        'xxxx',
        'xxxxxxxxxxxxxxxxxxxxxxxx',
        '[[DUMMY]]',
        'Bearer <token>',
        // Typed for documentation: an ascending run.
        'abcdef0123456789ABCDEF',
      ];
      const { findings } = await scanPolicies(values.map((value) => policy('X-Api-Key', value)));
      expect(findings).toEqual([]);
    });

    it('leaves a key-like value under a name of no credential, or set by another template, alone', async () => {
      const { findings } = await scanPolicies(
        [
          policy('X-Request-Id', API_KEY),
          policy('Accept', API_KEY),
          policy('tenant', API_KEY, 'setqueryparameter'),
          // `code` is an Azure Function's key only in the query of a Function app: elsewhere it is an
          // OAuth authorization code, and a Function app reads no `code` header.
          policy('code', API_KEY, 'setqueryparameter'),
          {
            templateId: 'setproperty',
            title: 'Key',
            parameters: {
              'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body()',
              'x-ms-apimTemplateParameter.newPropertySubPathTemplate': 'api_key',
              [VALUE]: API_KEY,
            },
          },
          {
            templateId: 'stringreplace',
            title: 'Key',
            parameters: { 'x-ms-apimTemplateParameter.name': 'api_key', [VALUE]: API_KEY },
          },
        ],
        'api.contoso.com',
      );
      expect(findings).toEqual([]);
      const onFunctionApp = await scanPolicies([policy('code', API_KEY)], 'contoso-tasks.azurewebsites.net');
      expect(onFunctionApp.findings).toEqual([]);
    });

    it('is one finding with the same key in a URL of the file, at the first place', async () => {
      const properties = validApiProperties();
      properties.properties.connectionParameters.api_key.uiDefinition.tooltip = `Try https://tasks.example.com/?apikey=${API_KEY}`;
      properties.properties.policyTemplateInstances = [policy('X-Api-Key', API_KEY)];
      const findings = await scan({ ...validConnectorFiles(), 'apiProperties.json': properties });
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toMatch(
        /^This URL carries its apikey in the query .* The same value is in 1 more place, on line \d+: remove it there too\.$/,
      );
    });
  });

  it('is quiet on the valid connector', async () => {
    expect(await scan(validConnectorFiles())).toEqual([]);
  });
});
