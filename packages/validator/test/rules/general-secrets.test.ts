import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';
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
  it('is quiet on the valid connector', async () => {
    expect(await scan(validConnectorFiles())).toEqual([]);
  });
});
