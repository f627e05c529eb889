import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { validateFolder } from '../src/validate.js';
import { MAX_NAME_LENGTH } from '../src/text/message-values.js';
import { writeConnector } from './helpers/fixture.js';
import { validApiProperties, validConnectorFiles, validSwagger } from './helpers/valid-connector.js';

/*
 * Values (not keys: key-length.ts bounds those) that a pull request makes as long as it likes, each
 * where a rule quotes it in its message. Every finding must quote an excerpt: a message of a few
 * hundred characters of its own, plus at most MAX_NAME_LENGTH of each value it names.
 */

const LONG = 50_000;
/** Room for a message's own words and two names. */
const MAX_MESSAGE = 2 * MAX_NAME_LENGTH + 600;

function long(letter: string, index = 0): string {
  return `${letter.repeat(LONG)}${index}`;
}

async function longestMessages(files: Record<string, object | string>) {
  const folder = writeConnector(files);
  const result = await validateFolder(folder, { cwd: path.dirname(folder) });
  return result.findings
    .filter((finding) => finding.message.length > MAX_MESSAGE)
    .map((finding) => `${finding.ruleId}: ${finding.message.length}`);
}

describe('values from the file are quoted as excerpts', () => {
  it('cuts operationIds of 50,000 characters in every message that names the operation', async () => {
    const swagger = validSwagger();
    const paths: Record<string, unknown> = {};
    for (let index = 0; index < 20; index++) {
      paths[`/items${index}/{id}`] = {
        get: {
          operationId: long('o', index),
          summary: 'Get item',
          description: 'Gets an item.',
          deprecated: true,
          parameters: [{ name: 'other', in: 'path', required: true, type: 'string' }],
          responses: { default: { description: 'x' } },
        },
      };
    }
    swagger.paths = paths;
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    const naming = result.findings.filter((finding) => finding.message.includes('oooooooooo'));
    // SWG-OP-RESP-SUCCESS, SWG-DEPRECATED-LABEL and SWG-PATH-MISSING-PARAM, for each operation.
    expect(new Set(naming.map((finding) => finding.ruleId)).size).toBeGreaterThanOrEqual(3);
    for (const finding of naming) {
      expect(finding.message).toContain(`'${'o'.repeat(MAX_NAME_LENGTH - 1)}…'`);
      expect(finding.message.length).toBeLessThan(MAX_NAME_LENGTH + 400);
    }
  });

  it('cuts long parameter names, formats, MIME types, visibilities and paths', async () => {
    const swagger = validSwagger();
    swagger.paths[`/long/{${'a'.repeat(3000)}}`] = {
      get: {
        operationId: 'GetLong',
        summary: 'Get long',
        description: 'Gets something long.',
        'x-ms-visibility': long('v'),
        consumes: [long('c')],
        parameters: [
          { name: long('b'), in: 'path', required: true, type: 'string', 'x-ms-summary': 'B' },
          { name: 'q', in: 'query', type: 'string', format: long('m'), 'x-ms-summary': 'Q' },
        ],
        responses: { 200: { description: 'OK', schema: { type: 'object' } } },
      },
    };
    const messages = await longestMessages({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger,
    });
    expect(messages).toEqual([]);
  });

  it('cuts long values of apiProperties and the script', async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.iconBrandColor = long('#');
    apiProperties.properties.capabilities = [long('C')];
    apiProperties.properties.connectionParameters = { key: { type: long('J') } };
    apiProperties.properties.policyTemplateInstances = [
      { templateId: long('I'), title: 't', parameters: {} },
    ];
    const script = `using ${long('u')};\npublic class Script : ScriptBase { }\n`;
    const messages = await longestMessages({
      ...validConnectorFiles(),
      'apiProperties.json': apiProperties,
      'script.csx': script,
    });
    expect(messages).toEqual([]);
  });
});
