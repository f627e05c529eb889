import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import type { Finding } from '../../src/model/finding.js';
import { validateFolder } from '../../src/validate.js';
import { writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';

// GIPHY's swagger (independent-publisher-connectors/GIPHY) writes its x-ms-connector-metadata after
// the root object's closing brace. Reading stops at the end of the root: GEN-JSON-PARSE says so, and
// SWG-META-REQ said the metadata the file writes was missing.

/** The valid swagger with its root member `key` written after the root's closing brace. */
function swaggerWithMemberAfterEnd(key: string, swagger: Record<string, unknown> = validSwagger()): string {
  const { [key]: member, ...rest } = swagger;
  const trailing = JSON.stringify({ [key]: member }, null, 2).slice(2, -2);
  return `${JSON.stringify(rest, null, 2)}\n${trailing}\n`;
}

async function swaggerFindings(folder: string): Promise<Finding[]> {
  const { findings } = await validateFolder(folder, { profile: 'certified' });
  return findings.filter(({ file }) => file.endsWith('apiDefinition.swagger.json'));
}

describe('text after the end of the top-level value', () => {
  it('is where reading stopped, and what follows is not in the value', () => {
    const text = swaggerWithMemberAfterEnd('x-ms-connector-metadata');
    const document = JsonDocument.parse(text);
    expect(document.unreadFrom).toBe(text.indexOf('"x-ms-connector-metadata"'));
    expect(document.value).not.toHaveProperty('x-ms-connector-metadata');
  });

  it('is not said of a value read to its end', () => {
    expect(JsonDocument.parse(JSON.stringify(validSwagger())).unreadFrom).toBeUndefined();
    // A ';' after the value is removed, and nothing is left unread.
    expect(JsonDocument.parse('{ "swagger": "2.0" };').unreadFrom).toBeUndefined();
    expect(JsonDocument.parse('{ "swagger": "2.0", }').unreadFrom).toBeUndefined();
  });

  it('gets GEN-JSON-PARSE, and no finding that a member it writes is missing', async () => {
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swaggerWithMemberAfterEnd('x-ms-connector-metadata'),
    });
    expect((await swaggerFindings(folder)).map(({ ruleId, message }) => `${ruleId} ${message}`)).toEqual([
      expect.stringMatching(/^GEN-JSON-PARSE There is more text after the end of the JSON value: /),
    ]);
  });

  it('still leaves a missing member said when the text after the end does not write it', async () => {
    const swagger = validSwagger();
    delete swagger['x-ms-connector-metadata'];
    const folder = writeConnector({
      ...validConnectorFiles(),
      'apiDefinition.swagger.json': swaggerWithMemberAfterEnd('tags', swagger),
    });
    expect(
      (await swaggerFindings(folder)).map(({ ruleId, pointer }) => `${ruleId} ${pointer ?? ''}`),
    ).toEqual(['SWG-META-REQ /x-ms-connector-metadata', 'GEN-JSON-PARSE ']);
  });
});
