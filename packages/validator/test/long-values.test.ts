import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { validateFolder } from '../src/validate.js';
import { MAX_NAME_LENGTH } from '../src/text/message-values.js';
import { writeConnector } from './helpers/fixture.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSwagger,
} from './helpers/valid-connector.js';

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

  it('cuts long URL values, hosts, titles and readme lines', async () => {
    const swagger = validSwagger();
    swagger.host = `api-staging.${long('h')}.com`;
    swagger.info.title = long('T');
    swagger['x-ms-connector-metadata'][0].propertyValue = `www.${long('w')}`;
    const readme = validReadme().replace('## Prerequisites', `##Prerequisites ${long('p')}`);
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger,
      'readme.md': readme,
    });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    // Each rule that quotes one of them, so that the test cannot pass by their not firing.
    const quoting = (text: string) =>
      result.findings.filter((finding) => finding.message.includes(text)).map((finding) => finding.ruleId);
    expect(quoting('hhhhhhhhhh')).toContain('SWG-HOST-PROD');
    expect(quoting('wwwwwwwwww')).toContain('SWG-META-URL');
    expect(quoting('TTTTTTTTTT')).toContain('REPO-FOLDER-NAME');
    expect(quoting('pppppppppp').length).toBeGreaterThan(0);
    const longest = result.findings
      .filter((finding) => finding.message.length > MAX_MESSAGE)
      .map((finding) => `${finding.ruleId}: ${finding.message.length}`);
    expect(longest).toEqual([]);
  });

  it('cuts long tags, words, refs, flows, families, value paths, publishers and script class names', async () => {
    const swagger = validSwagger();
    swagger.tags = [{ name: long('g') }, { name: long('g') }];
    swagger.info.description = `Contoso Tasks lets teams plan their work. ${'日'.repeat(LONG)}`;
    swagger.securityDefinitions.oauth = { type: 'oauth2', flow: long('f'), in: 'header' };
    const list = swagger.paths['/tasks'].get;
    list['x-ms-api-annotation'] = { family: long('y'), revision: 1 };
    list.parameters[0]['x-ms-dynamic-values'] = {
      operationId: 'GetTask',
      parameters: { taskId: { value: '1' } },
      'value-collection': long('z'),
    };
    list.parameters.push({ $ref: `#/parameters/${long('r')}` });
    list.parameters.push({
      name: 'ids',
      in: 'query',
      type: 'array',
      items: { type: 'string' },
      collectionFormat: long('k'),
      'x-ms-summary': 'IDs',
      description: 'The identifiers.',
    });
    const get = swagger.paths['/tasks/{taskId}'].get;
    get['x-ms-api-annotation'] = { family: long('y'), revision: 1 };
    const apiProperties = validApiProperties();
    apiProperties.properties.publisher = `Name of company or organization ${long('n')}`;
    apiProperties.properties.connectionParameters.api_key.uiDefinition.constraints.hidden = long('e');
    const script = `public class ${long('c')} : ScriptBase { }\n`;
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swagger,
      'apiProperties.json': apiProperties,
      'script.csx': script,
    });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    const quoting = (letter: string) =>
      result.findings.filter((finding) => finding.message.includes(letter.repeat(20))).map((f) => f.ruleId);
    // Each value is quoted by some rule, so that the test cannot pass by their not firing.
    for (const letter of ['g', '日', 'f', 'y', 'r', 'k', 'z', 'n', 'e', 'c']) {
      expect([letter, quoting(letter).length > 0]).toEqual([letter, true]);
    }
    const longest = result.findings
      .filter((finding) => finding.message.length > MAX_MESSAGE)
      .map((finding) => `${finding.ruleId}: ${finding.message.length}`);
    expect(longest).toEqual([]);
  });

  it('names the first definitions of a long loop of required properties, each as an excerpt', async () => {
    // Six definitions of 3,000-character names (keys are read up to 4,096), each requiring the next.
    const swagger = validSwagger();
    const names = Array.from({ length: 6 }, (_, index) => `${'d'.repeat(3000)}${index}`);
    names.forEach((name, index) => {
      const next = names[(index + 1) % names.length]!;
      swagger.definitions[name] = {
        type: 'object',
        required: ['next'],
        properties: { next: { $ref: `#/definitions/${next}` } },
      };
    });
    const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger });
    const result = await validateFolder(folder, { cwd: path.dirname(folder) });
    const loops = result.findings.filter((finding) => finding.message.startsWith('Loops of required'));
    expect(loops).toHaveLength(1);
    expect(loops[0]!.message).toContain(`${'d'.repeat(MAX_NAME_LENGTH - 1)}…`);
    expect(loops[0]!.message).toContain('(2 more)');
    expect(loops[0]!.message.length).toBeLessThan(6000);
  });
});
