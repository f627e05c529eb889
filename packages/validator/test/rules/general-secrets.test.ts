import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme, validSwagger } from '../helpers/valid-connector.js';
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
  it('accepts placeholders', async () => {
    const script =
      'var apiKey = "YOUR_API_KEY"; var password = "<Enter your password>"; var client_secret = "[[DUMMY]]";\n';
    expect(await scan({ ...validConnectorFiles(), 'script.csx': script })).toEqual([]);
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
  it('is quiet on the valid connector', async () => {
    expect(await scan(validConnectorFiles())).toEqual([]);
  });
});
