import { describe, expect, it } from '@jest/globals';
import { swaggerCutBefore } from '../helpers/cut-swagger.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
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
