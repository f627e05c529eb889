import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { fixJsonSlips } from '../../src/fix/fix-folders.js';
import { diffConnectorFiles } from '../../src/diff/connector-diff.js';
import { JsonDocument } from '../../src/json/json-document.js';
import { diffEdited, withRule, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// `validate --fix` writes an x-ms-api-annotation status and the connector's categories in the case
// the schema and Microsoft's list spell them (SWG-API-STATUS, SWG-META-CATEGORY). Such a respelling
// is a minor change: running --fix must not make the next diff a major update.

const categoriesOf = (swagger: Json): Json =>
  swagger['x-ms-connector-metadata'].find((entry: Json) => entry.propertyName === 'Categories');

/** The valid swagger with a status and categories in other case, as ten merged connectors write them. */
function slipped(): Json {
  const swagger = validSwagger();
  swagger.info['x-ms-api-annotation'] = { status: 'production' };
  swagger.paths['/tasks'].get['x-ms-api-annotation'] = { status: 'preview', family: 'ListTasks' };
  categoriesOf(swagger).propertyValue = 'productivity;Collaboration';
  return swagger;
}

describe('a change of letter case alone, as validate --fix writes it', () => {
  it("of info's x-ms-api-annotation status is a minor change, told as a respelling", () => {
    const result = diffEdited(
      (swagger) => (swagger.info['x-ms-api-annotation'].status = 'Production'),
      slipped(),
    );
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        impact: 'minor',
        pointer: '/info/x-ms-api-annotation/status',
        message:
          "Other properties have been changed. Respelled: info.x-ms-api-annotation.status, 'production' as 'Production', a change of letter case only.",
      }),
    ]);
    expect(result.classification).toBe('minor-update');
  });

  it("of an operation's x-ms-api-annotation status is a minor change, on the status", () => {
    const result = diffEdited(
      (swagger) => (swagger.paths['/tasks'].get['x-ms-api-annotation'].status = 'Preview'),
      slipped(),
    );
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        impact: 'minor',
        operationId: 'ListTasks',
        pointer: '/paths/~1tasks/get/x-ms-api-annotation/status',
        message:
          "Other properties have been changed. Respelled: x-ms-api-annotation.status, 'preview' as 'Preview', a change of letter case only.",
      }),
    ]);
    expect(result.classification).toBe('minor-update');
  });

  it('of the Categories of x-ms-connector-metadata is a minor change, on the value', () => {
    const result = diffEdited(
      (swagger) => (categoriesOf(swagger).propertyValue = 'Productivity;Collaboration'),
      slipped(),
    );
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        impact: 'minor',
        pointer: '/x-ms-connector-metadata/2/propertyValue',
        message:
          "Other properties have been changed. Respelled: the Categories of x-ms-connector-metadata, 'productivity;Collaboration' as 'Productivity;Collaboration', a change of letter case only.",
      }),
    ]);
    expect(result.classification).toBe('minor-update');
  });

  it('of every one of them, in the files validate --fix wrote, is a minor update', async () => {
    const before = JSON.stringify(slipped(), null, 2);
    const folder = path.join(temporaryFolder('case-respelling-'), 'certified-connectors', 'Contoso');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), before);
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
    await fixJsonSlips(['.'], { cwd: path.dirname(path.dirname(folder)) });
    const after = readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8');
    expect(after).not.toBe(before);
    const result = diffConnectorFiles(
      { swagger: JsonDocument.parse(before), swaggerPath: 'old.swagger.json' },
      { swagger: JsonDocument.parse(after), swaggerPath: 'new.swagger.json' },
    );
    expect(result.changes.map((change) => `${change.ruleId} ${change.impact} ${change.pointer}`)).toEqual([
      'CHG-OTHER minor /info/x-ms-api-annotation/status',
      'CHG-OTHER minor /paths/~1tasks/get/x-ms-api-annotation/status',
      'CHG-OTHER minor /x-ms-connector-metadata/2/propertyValue',
    ]);
    expect(result.classification).toBe('minor-update');
  });
});

describe('a change of more than letter case stays a major one', () => {
  it.each<[string, (swagger: Json) => void]>([
    ['another status', (swagger) => (swagger.info['x-ms-api-annotation'].status = 'Preview')],
    [
      'a status respelled beside a new family',
      (swagger) => {
        const annotation = swagger.paths['/tasks'].get['x-ms-api-annotation'];
        annotation.status = 'Preview';
        annotation.family = 'Tasks';
      },
    ],
    [
      'a category respelled beside one added',
      (swagger) => (categoriesOf(swagger).propertyValue = 'Productivity;AI'),
    ],
    [
      'a category respelled beside another entry edited',
      (swagger) => {
        categoriesOf(swagger).propertyValue = 'Productivity;Collaboration';
        swagger['x-ms-connector-metadata'][0].propertyValue = 'https://contoso.com';
      },
    ],
    [
      'the letter case of another entry',
      (swagger) => (swagger['x-ms-connector-metadata'][0].propertyName = 'website'),
    ],
  ])('%s', (_name, edit) => {
    const result = diffEdited(edit, slipped());
    expect(withRule(result, 'CHG-OTHER').map((change) => change.impact)).toEqual(['major']);
    expect(result.changes[0]!.message).not.toMatch(/Respelled/);
    expect(result.classification).toBe('major-update');
  });
});
