import { describe, expect, it } from '@jest/globals';
import { swaggerCutBefore } from '../helpers/cut-swagger.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSwagger,
} from '../helpers/valid-connector.js';
import { validateFilesAgainstDev } from './pull-request-edit.js';
import type { Json } from '../diff/diff-fixture.js';

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = `${FOLDER}/apiDefinition.swagger.json`;

/** The valid swagger with a typo'd extension on GetTask (SWG-XMS-UNKNOWN), past where it is cut. */
function swaggerWithFinding(): Record<string, any> {
  const swagger = validSwagger();
  swagger.paths['/tasks/{taskId}'].get['x-ms-visibilty'] = 'important';
  return swagger;
}

/** Commits `base` on dev, then `files` on a pull-request branch, and validates against dev. */
async function validated(base: Json, files: Json) {
  const { result } = await validateFilesAgainstDev(FOLDER, base, files);
  return { result, compared: result.diffs[0]! };
}

// A swagger cut off mid-save was compared as far as it could be read: every operation past the cut
// was a BRK-OP-DELETED, and every finding of the base's swagger past it was "fixed".
describe('validateAgainstBase with a swagger cut off', () => {
  it('compares nothing of a current swagger cut off, and fixes none of the base swagger findings', async () => {
    const { result, compared } = await validated(
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': swaggerWithFinding() },
      {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swaggerCutBefore('"/tasks/{taskId}"', swaggerWithFinding()),
      },
    );
    expect(result.findings.filter(({ ruleId }) => ruleId.startsWith('BRK-'))).toEqual([]);
    expect(result.findings.filter(({ file }) => file === SWAGGER).map(({ ruleId }) => ruleId)).toEqual([
      'GEN-JSON-PARSE',
    ]);
    expect(compared.diff!.changes.map(({ ruleId, side, impact }) => [ruleId, side, impact])).toEqual([
      ['CHG-UNCOMPARABLE', 'new', 'breaking'],
    ]);
    expect(compared.diff!.changes[0]!.message).toMatch(
      /so it was not compared\. The file ends before .* it looks cut off/,
    );
    expect(compared.fixed?.filter(({ file }) => file.endsWith('apiDefinition.swagger.json'))).toEqual([]);
  });

  it('compares nothing of a base swagger cut off, as a major change told in the base', async () => {
    const { result, compared } = await validated(
      { ...validConnectorFiles(), 'apiDefinition.swagger.json': swaggerCutBefore('"definitions"') },
      validConnectorFiles(),
    );
    expect(result.findings.filter(({ ruleId }) => ruleId.startsWith('BRK-'))).toEqual([]);
    expect(compared.diff!.changes.map(({ ruleId, side, impact }) => [ruleId, side, impact])).toEqual([
      ['CHG-UNCOMPARABLE', 'old', 'major'],
    ]);
    expect(compared.diff!.changes[0]!.message).toMatch(/it looks cut off/);
  });
});

// A rule of another file that reads the swagger (README-OPS-MATCH) judges nothing of a readme beside
// a swagger it cannot read: its base findings were counted fixed though the readme had not changed.
describe('validateAgainstBase with a JSON file cut off, on the findings of other files that read it', () => {
  const readmeListing = (extra: string) =>
    validReadme().replace('### Get a task\n', `### Delete a task\nDeletes a task.\n### Get a task\n`) + extra;

  it('counts fixed only the base findings that do not read the swagger', async () => {
    const { result, compared } = await validated(
      { ...validConnectorFiles(), 'readme.md': readmeListing('\nTODO: add the screenshots.\n') },
      {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swaggerCutBefore('"/tasks/{taskId}"'),
        'readme.md': readmeListing(''),
      },
    );
    expect(result.findings.map(({ ruleId }) => ruleId)).toEqual(['GEN-JSON-PARSE']);
    // README-OPS-MATCH and REPO-FOLDER-NAME (the title) read the swagger; the placeholder is gone.
    expect(compared.fixed!.map(({ ruleId }) => ruleId)).toEqual(['README-PLACEHOLDER']);
  });

  it('counts none fixed of a rule of the readme that reads a cut-off apiProperties.json', async () => {
    const apiProperties = validApiProperties();
    apiProperties.properties.connectionParameters = {
      token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } },
    };
    const cut = JSON.stringify(apiProperties, null, 2);
    const { result, compared } = await validated(
      { ...validConnectorFiles(), 'apiProperties.json': apiProperties },
      { ...validConnectorFiles(), 'apiProperties.json': cut.slice(0, cut.indexOf('"iconBrandColor"')) },
    );
    expect(result.findings.filter(({ baseline }) => baseline === 'new').map(({ ruleId }) => ruleId)).toEqual([
      'GEN-JSON-PARSE',
    ]);
    // The base's readme does not tell how to register the OAuth app (README-OAUTH-STEPS): still so.
    expect(compared.fixed).toEqual([]);
  });
});
