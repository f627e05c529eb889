import { describe, expect, it } from '@jest/globals';
import { validateEditAgainstDev } from './pull-request-edit.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';

// A pull request that moves an operation's path template and adds a routerequesttoendpoint policy
// so that its requests still reach the old address does what reviewers ask: `validate --base`
// reports no breaking change for it, and lists both edits.

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = 'apiDefinition.swagger.json';
const PROPERTIES = 'apiProperties.json';

/** A pull request that makes `edit` on the valid connector: the ids of its breaking changes, and its diff. */
async function againstBase(edit: (files: Json) => void) {
  const { result } = await validateEditAgainstDev(FOLDER, edit);
  return {
    breaking: result.findings.filter((finding) => finding.ruleId.startsWith('BRK-')).map((f) => f.ruleId),
    diff: result.diffs[0]!.diff!,
  };
}

/** GetTask moved from '/tasks/{taskId}' to '/v2/tasks/{taskId}'. */
function moveGetTask(files: Json): void {
  const paths = files[SWAGGER].paths;
  paths['/v2/tasks/{taskId}'] = paths['/tasks/{taskId}'];
  delete paths['/tasks/{taskId}'];
}

describe('validateAgainstBase: a path template moved with a route to the old address', () => {
  it('reports the move alone as breaking', async () => {
    const { breaking } = await againstBase(moveGetTask);
    expect(breaking).toEqual(['BRK-PATH-CHANGED']);
  });

  it('reports no breaking change when a route keeps the requests at the old address', async () => {
    const { breaking, diff } = await againstBase((files) => {
      moveGetTask(files);
      files[PROPERTIES].properties.policyTemplateInstances = [
        {
          templateId: 'routerequesttoendpoint',
          title: 'Route Request - GetTask',
          parameters: {
            'x-ms-apimTemplateParameter.newPath': '/tasks/{taskId}',
            'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
            'x-ms-apimTemplate-operationName': ['GetTask'],
          },
        },
      ];
    });
    expect(breaking).toEqual([]);
    expect(diff.classification).toBe('major-update');
    expect(diff.changes.map((change) => [change.ruleId, change.file])).toEqual([
      ['CHG-OTHER', `${FOLDER}/${SWAGGER}`],
      ['CHG-OTHER', `${FOLDER}/${PROPERTIES}`],
    ]);
  });

  it('reports only the rename as breaking when the route puts a renamed path parameter where the old one was', async () => {
    const { breaking, diff } = await againstBase((files) => {
      moveGetTask(files);
      files[SWAGGER].paths['/v2/tasks/{id}'] = files[SWAGGER].paths['/v2/tasks/{taskId}'];
      delete files[SWAGGER].paths['/v2/tasks/{taskId}'];
      files[SWAGGER].paths['/v2/tasks/{id}'].get.parameters[0].name = 'id';
      files[PROPERTIES].properties.policyTemplateInstances = [
        {
          templateId: 'routerequesttoendpoint',
          title: 'Route Request - GetTask',
          parameters: {
            'x-ms-apimTemplateParameter.newPath': '/tasks/{id}',
            'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
            'x-ms-apimTemplate-operationName': ['GetTask'],
          },
        },
      ];
    });
    expect(breaking).toEqual(['BRK-PARAM-RENAMED']);
    expect(diff.changes.map((change) => [change.ruleId, change.file])).toEqual([
      ['CHG-OTHER', `${FOLDER}/${SWAGGER}`],
      ['BRK-PARAM-RENAMED', `${FOLDER}/${SWAGGER}`],
      ['CHG-OTHER', `${FOLDER}/${PROPERTIES}`],
    ]);
  });
});

describe('validateAgainstBase: a base path changed under a dynamichosturl policy for every operation', () => {
  const setHost = {
    templateId: 'dynamichosturl',
    title: 'Set Contoso Address',
    parameters: {
      'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('instance').contoso.com/v1",
    },
  };
  const withHostPolicy = (): Json => {
    const files: Json = validConnectorFiles();
    files[PROPERTIES].properties.policyTemplateInstances = [setHost];
    return files;
  };

  it('reports no breaking change: the urlTemplate, not the basePath, is what requests go below', async () => {
    const { result } = await validateEditAgainstDev(
      FOLDER,
      (files) => {
        files[SWAGGER].basePath = '/v2';
        files[SWAGGER].schemes = ['http'];
      },
      withHostPolicy(),
    );
    const changes = result.diffs[0]!.diff!.changes;
    expect(changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['CHG-OTHER', '/basePath'],
      ['CHG-OTHER', '/schemes'],
    ]);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('BRK-'))).toEqual([]);
  });
});

describe('validateAgainstBase: edits PowerPlatformConnectors merged that move no request', () => {
  const hostPolicy = (parameters: Json): Json => ({
    templateId: 'dynamichosturl',
    title: 'Set host',
    parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 'https://api.contoso.com', ...parameters },
  });

  it("reports no breaking change when a host policy is given the section 'Request' it ran in", async () => {
    const base = validConnectorFiles() as Json;
    base[PROPERTIES].properties.policyTemplateInstances = [hostPolicy({})];
    const { result } = await validateEditAgainstDev(
      FOLDER,
      (files) => {
        files[PROPERTIES].properties.policyTemplateInstances = [
          hostPolicy({ 'x-ms-apimTemplate-policySection': 'Request' }),
        ];
      },
      base,
    );
    const diff = result.diffs[0]!.diff!;
    expect(diff.classification).toBe('major-update');
    expect(diff.changes.map((change) => [change.ruleId, change.file])).toEqual([
      ['CHG-OTHER', `${FOLDER}/${PROPERTIES}`],
    ]);
  });

  it("reports no breaking change when 'http' is dropped beside 'https'", async () => {
    const base = validConnectorFiles() as Json;
    base[SWAGGER].schemes = ['https', 'http'];
    const { result } = await validateEditAgainstDev(
      FOLDER,
      (files) => (files[SWAGGER].schemes = ['https']),
      base,
    );
    const diff = result.diffs[0]!.diff!;
    expect(diff.classification).toBe('major-update');
    expect(diff.changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['CHG-OTHER', '/schemes'],
    ]);
  });
});
