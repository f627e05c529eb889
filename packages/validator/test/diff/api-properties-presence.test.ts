import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { writeConnector } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles } from '../helpers/valid-connector.js';

// A new user compared a folder that held only the swagger with one that also had apiProperties.json
// and read "Edited: iconBrandColor", "Changed: capabilities" at the new file's lines, as if the old
// version had held other values. The file is in one version only, and diff says so, once.

/** The valid connector, without its apiProperties.json. */
function withoutApiProperties(): string {
  const files = validConnectorFiles();
  delete files['apiProperties.json'];
  return writeConnector(files);
}

const summary = (change: { ruleId: string; side: string; impact: string; file: string }) =>
  `${change.ruleId} ${change.side} ${change.impact} ${path.basename(change.file)}`;

describe('diff of an apiProperties.json that only one version has', () => {
  it('says the file was added, once, at its start, and lists none of its properties as edited', async () => {
    const before = withoutApiProperties();
    const after = writeConnector(validConnectorFiles());
    const result = await diffPaths(before, after);
    expect(result.changes.map(summary)).toEqual(['CHG-OTHER new major apiProperties.json']);
    const [added] = result.changes;
    expect(added!.message).toBe(
      'Other properties have been changed. The file apiProperties.json has been added: the base version has none, so all it holds is new.',
    );
    expect([path.resolve(added!.file), added!.line, added!.column]).toEqual([
      path.join(after, 'apiProperties.json'),
      1,
      1,
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('says the file was deleted, as a breaking change located in the base version', async () => {
    const before = writeConnector(validConnectorFiles());
    const after = withoutApiProperties();
    const result = await diffPaths(before, after);
    expect(result.changes.map(summary)).toEqual([
      'BRK-API-PROPERTIES-DELETED old breaking apiProperties.json',
    ]);
    const [deleted] = result.changes;
    expect(path.resolve(deleted!.file)).toBe(path.join(before, 'apiProperties.json'));
    expect(deleted!.severity).toBe('error');
    expect(deleted!.message).toBe(
      'The file apiProperties.json has been deleted. The connector cannot be certified without it, and existing connections lose the connection parameters and policies it defined. Keep apiProperties.json, and edit what it holds instead.',
    );
    expect(result.classification).toBe('breaking');
  });

  it('still compares the sign-in that the file decided: the swagger now decides it', async () => {
    // OAuth in apiProperties.json, an API key in the swagger: without the file, connections made
    // with OAuth cannot sign in.
    const properties = validApiProperties();
    properties.properties.connectionParameters = {
      token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad' } },
    };
    const before = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties });
    const result = await diffPaths(before, withoutApiProperties());
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual([
      'BRK-API-PROPERTIES-DELETED',
      'BRK-AUTH-TYPE',
    ]);
  });

  it('leaves an added file that holds no JSON object to CHG-UNCOMPARABLE, which says all of it', async () => {
    const after = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': '[]' });
    const result = await diffPaths(withoutApiProperties(), after);
    expect(result.changes.map(summary)).toEqual(['CHG-UNCOMPARABLE new breaking apiProperties.json']);
  });

  it('compares the file as before when both versions have it', async () => {
    const properties = validApiProperties();
    properties.properties.iconBrandColor = '#da3b01';
    const before = writeConnector(validConnectorFiles());
    const after = writeConnector({ ...validConnectorFiles(), 'apiProperties.json': properties });
    const result = await diffPaths(before, after);
    expect(result.changes.map((change) => change.message)).toEqual([
      'Text has been edited. Edited: iconBrandColor.',
    ]);
  });
});
