import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { JsonDocument } from '../../src/json/json-document.js';
import { decodeUtf8 } from '../../src/loader/decode.js';
import { documentTextRules } from '../../src/rules/swagger/document-text.js';
import { validateFolder } from '../../src/validate.js';

const englishRule = documentTextRules.filter((rule) => rule.id === 'GEN-ENGLISH');

async function englishFindings(swaggerText: string) {
  const folder = writeConnector({ ...validConnectorFiles(), 'apiDefinition.swagger.json': swaggerText });
  return (await validateFolder(folder, { rules: englishRule, cwd: path.dirname(folder) })).findings;
}

/** The swagger with a Cyrillic summary, every character above U+007F written as a `\u` escape. */
function escapedCyrillicSwagger(): string {
  const swagger = validSwagger();
  swagger.paths['/tasks'].get.summary = 'Получить задачи';
  return JSON.stringify(swagger, null, 2).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

describe('ASCII-only documents', () => {
  it('are told apart by the decoder', () => {
    expect(decodeUtf8(Buffer.from('{"a": "b"}')).ascii).toBe(true);
    expect(decodeUtf8(Buffer.from('{"a": "café"}')).ascii).toBeUndefined();
    expect(decodeUtf8(Buffer.from('\uFEFF{}')).ascii).toBeUndefined();
  });

  it('have ASCII strings only when the text has no \\u escape', () => {
    expect(JsonDocument.parse('{"a": "b"}', { asciiText: true }).stringsAreAscii).toBe(true);
    expect(JsonDocument.parse('{"a": "\\u0416"}', { asciiText: true }).stringsAreAscii).toBe(false);
    expect(JsonDocument.parse('{"a": "b"}').stringsAreAscii).toBe(false);
  });

  it('still get GEN-ENGLISH findings for non-Latin words written as \\u escapes', async () => {
    const text = escapedCyrillicSwagger();
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    expect(await englishFindings(text)).toMatchObject([
      { ruleId: 'GEN-ENGLISH', pointer: '/paths/~1tasks/get/summary' },
    ]);
  });

  it('get no GEN-ENGLISH finding when plain ASCII', async () => {
    expect(await englishFindings(JSON.stringify(validSwagger(), null, 2))).toEqual([]);
  });
});

describe('GEN-ENGLISH', () => {
  it('warns on a summary in another Latin-script language, naming the word', async () => {
    const swagger = validSwagger();
    swagger.paths['/tasks'].get.summary = 'Aufgaben für Benutzer abrufen';
    swagger.paths['/tasks'].get.description = 'Получить задачи für';
    expect(await englishFindings(JSON.stringify(swagger, null, 2))).toMatchObject([
      {
        pointer: '/paths/~1tasks/get/summary',
        severity: 'warning',
        message:
          'The \'summary\' value must be written in English. Found "für", which is not an English word: write it in English or leave it out.',
      },
      // A non-Latin word stays an error, reported once.
      {
        pointer: '/paths/~1tasks/get/description',
        severity: 'error',
        message:
          'The \'description\' value must be written in English. Found "Получить": write it in English or leave it out.',
      },
    ]);
  });

  it('names the non-English word, which a mostly English text hides', async () => {
    // As in Passage by 1Password - Auth: English, but with a Russian company name as an example.
    const swagger = validSwagger();
    swagger.definitions.Task.description =
      'A display name, for example "ACME Corporation" or "ОАО Примертех".';
    expect(await englishFindings(JSON.stringify(swagger, null, 2))).toMatchObject([
      {
        pointer: '/definitions/Task/description',
        message:
          'The \'description\' value must be written in English. Found "ОАО": write it in English or leave it out.',
      },
    ]);
  });

  it('reads the text fields of every kind of object that has them', async () => {
    const swagger = validSwagger();
    const word = 'Задачи';
    swagger.info.title = word;
    swagger.info.description = word;
    const list = swagger.paths['/tasks'].get;
    list.summary = word;
    list.description = word;
    list.parameters[0]['x-ms-summary'] = word;
    list.parameters[0].description = word;
    list.responses['200'].description = word;
    swagger.definitions.Task.title = word;
    swagger.definitions.Task.description = word;
    swagger.definitions.Task.properties.title['x-ms-summary'] = word;
    swagger.tags = [{ name: 'tasks', description: word }];
    const findings = await englishFindings(JSON.stringify(swagger, null, 2));
    expect(findings.map((finding) => finding.pointer).sort()).toEqual([
      '/definitions/Task/description',
      '/definitions/Task/properties/title/x-ms-summary',
      '/definitions/Task/title',
      '/info/description',
      '/info/title',
      '/paths/~1tasks/get/description',
      '/paths/~1tasks/get/parameters/0/description',
      '/paths/~1tasks/get/parameters/0/x-ms-summary',
      '/paths/~1tasks/get/responses/200/description',
      '/paths/~1tasks/get/summary',
      '/tags/0/description',
    ]);
  });
});
