import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { lineOf, validateEditAgainstDev } from './pull-request-edit.js';
import type { Json } from '../diff/diff-fixture.js';

// A pull request that renames something existing flows or connections use by name, or moves where
// their requests go, as a reviewer reads it in `validate --base`: one finding naming both sides, on
// the line of the current file that made the change.

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = 'apiDefinition.swagger.json';
const PROPERTIES = 'apiProperties.json';

/** The breaking changes of a pull request that makes `edit` on `base`, and the files it leaves. */
async function breakingFindings(edit: (files: Json) => void, base?: Json) {
  const { result, files } = await validateEditAgainstDev(FOLDER, edit, base);
  return { findings: result.findings.filter((finding) => finding.ruleId.startsWith('BRK-')), files };
}

describe('validateAgainstBase: renames and rerouting, as a reviewer reads them', () => {
  it('reports a renamed optional query parameter once, naming both names, on the new one', async () => {
    const { findings, files } = await breakingFindings((after) => {
      after[SWAGGER].paths['/tasks'].get.parameters[0].name = 'state';
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-OPTIONAL-PARAM-RENAMED',
        severity: 'warning',
        file: `${FOLDER}/${SWAGGER}`,
        pointer: '/paths/~1tasks/get/parameters/0',
        line: lineOf(files[SWAGGER], '{', '"parameters"'),
        baseline: 'new',
      }),
    ]);
    expect(findings[0]!.message).toMatch(
      /'status' is now 'state'\..* ValuePath: operation\/ListTasks\/parameter\/state/,
    );
  });

  it('reports a renamed connection parameter set once, naming both names, on the new set', async () => {
    const base = validConnectorFiles() as Json;
    const apiKey = base[PROPERTIES].properties.connectionParameters;
    const set = (name: string): Json => ({
      name,
      uiDefinition: { displayName: name, description: `Sign in with ${name}.` },
      parameters: structuredClone(apiKey),
    });
    delete base[PROPERTIES].properties.connectionParameters;
    base[PROPERTIES].properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Authentication', description: 'How to sign in.' },
      values: [set('europe'), set('americas')],
    };
    const { findings, files } = await breakingFindings((after) => {
      after[PROPERTIES].properties.connectionParameterSets.values[0].name = 'eu';
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-AUTH-TYPE',
        file: `${FOLDER}/${PROPERTIES}`,
        pointer: '/properties/connectionParameterSets/values/0',
        line: lineOf(files[PROPERTIES], '"name": "eu"') - 1,
      }),
    ]);
    expect(findings[0]!.message).toMatch(/The parameter set 'europe' is now 'eu'/);
  });

  it('reports a route moved by a policy on the policy, naming the operation and both paths', async () => {
    const base = validConnectorFiles() as Json;
    const route = (newPath: string): Json => ({
      templateId: 'routerequesttoendpoint',
      title: 'Route ListTasks',
      parameters: {
        'x-ms-apimTemplateParameter.newPath': newPath,
        'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
        'x-ms-apimTemplate-operationName': ['ListTasks'],
      },
    });
    base[PROPERTIES].properties.policyTemplateInstances = [route('/v1/tasks')];
    const { findings, files } = await breakingFindings((after) => {
      after[PROPERTIES].properties.policyTemplateInstances = [route('/v2/tasks')];
    }, base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-POLICY-REROUTE',
        severity: 'warning',
        file: `${FOLDER}/${PROPERTIES}`,
        pointer: '/properties/policyTemplateInstances/0',
        line: lineOf(files[PROPERTIES], '{', '"policyTemplateInstances"'),
      }),
    ]);
    expect(findings[0]!.message).toMatch(
      /requests of 'ListTasks' went to newPath '\/v1\/tasks' and now go to newPath '\/v2\/tasks'/,
    );
  });
});
