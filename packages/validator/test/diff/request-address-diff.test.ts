import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffConnectors, lineOf, type ConnectorJson, type Json } from './diff-fixture.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// Breaking changes follow where a request really goes: a path template moved while a
// routerequesttoendpoint policy still sends the requests to the old address, or a swagger host that
// no request goes to because a dynamichosturl policy sets every operation's host, breaks no flow.

function route(newPath: string, operations: string[], httpMethod = '@Request.OriginalHTTPMethod'): Json {
  return {
    templateId: 'routerequesttoendpoint',
    title: `Route ${operations.join('/')}`,
    parameters: {
      'x-ms-apimTemplateParameter.newPath': newPath,
      'x-ms-apimTemplateParameter.httpMethod': httpMethod,
      'x-ms-apimTemplate-operationName': operations,
    },
  };
}

function dynamicHost(operations?: string[]): Json {
  return {
    templateId: 'dynamichosturl',
    title: 'Set Contoso Address',
    parameters: {
      'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('instance').contoso.com/v1",
      ...(operations ? { 'x-ms-apimTemplate-operationName': operations } : {}),
    },
  };
}

/** The valid connector with these policies. */
function withPolicies(...policies: Json[]): Required<ConnectorJson> {
  const apiProperties = validApiProperties();
  if (policies.length > 0) apiProperties.properties.policyTemplateInstances = policies;
  return { swagger: validSwagger(), apiProperties };
}

/** GetTask's path item moved from '/tasks/{taskId}' to `path`, its operation to `method`. */
function moveGetTask(connector: Required<ConnectorJson>, path: string, method = 'get'): void {
  const paths = connector.swagger.paths;
  paths[path] = { [method]: paths['/tasks/{taskId}'].get };
  delete paths['/tasks/{taskId}'];
}

function rulesOf(before: ConnectorJson, after: ConnectorJson): string[] {
  return diffConnectors(before, after)
    .changes.map((change) => change.ruleId)
    .sort();
}

describe('a path template changed, with a route that keeps the old address', () => {
  it('is no breaking change when the added route sends the requests where they went: both edits are listed', () => {
    const after = withPolicies(route('/tasks/{taskId}', ['GetTask']));
    moveGetTask(after, '/v2/tasks/{taskId}');
    const result = diffConnectors(withPolicies(), after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        file: 'apiDefinition.swagger.json',
        operationId: 'GetTask',
        pointer: '/paths/~1v2~1tasks~1{taskId}',
        line: lineOf(after.swagger, '"/v2/tasks/{taskId}"'),
        message:
          "Other properties have been changed. Changed: path template, with the policy 'Route GetTask' (routerequesttoendpoint) of apiProperties.json still sending its requests to 'GET /v1/tasks/{taskId}'.",
      }),
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        file: 'apiProperties.json',
        pointer: '/properties/policyTemplateInstances/0',
        message:
          "Other properties have been changed. Changed: policyTemplateInstances 'Route GetTask' (routerequesttoendpoint) added, which keeps the requests of 'GetTask' going to the address they went to in the base version.",
      }),
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('is no breaking change when a route is removed as the path template moves to where it went', () => {
    const before = withPolicies(route('/tasks/{taskId}', ['GetTask']));
    moveGetTask(before, '/v2/tasks/{taskId}');
    const changes = diffConnectors(before, withPolicies()).changes;
    expect(changes.map((change) => [change.ruleId, change.side])).toEqual([
      ['CHG-OTHER', 'new'],
      ['CHG-OTHER', 'old'],
    ]);
    expect(changes[0]!.message).toBe(
      "Other properties have been changed. Changed: path template, now at 'GET /v1/tasks/{taskId}', where the base version's policy 'Route GetTask' (routerequesttoendpoint) sent its requests.",
    );
  });

  it('follows a route that sets the method: a GET moved to POST and routed back to GET calls the same address', () => {
    const after = withPolicies(route('/tasks/{taskId}', ['GetTask'], 'GET'));
    moveGetTask(after, '/v2/tasks/{taskId}/read', 'post');
    expect(rulesOf(withPolicies(), after)).toEqual(['CHG-OTHER', 'CHG-OTHER']);
  });

  it('is no breaking change when the same route rewrites the moved path to the same address (JIRA keeps its routes)', () => {
    const policy = route('/issues/{taskId}', ['GetTask']);
    const after = withPolicies(policy);
    moveGetTask(after, '/v2/tasks/{taskId}');
    expect(rulesOf(withPolicies(policy), after)).toEqual(['CHG-OTHER']);
  });

  it('reads a route that takes a query parameter the operation has', () => {
    const policy = route("/tasks/{taskId}/@queryParameters('view')", ['GetTask']);
    const before = withPolicies(policy);
    before.swagger.paths['/tasks/{taskId}'].get.parameters.push({
      name: 'view',
      in: 'query',
      type: 'string',
    });
    const after = withPolicies(policy);
    after.swagger = structuredClone(before.swagger);
    moveGetTask(after, '/v2/tasks/{taskId}');
    expect(rulesOf(before, after)).toEqual(['CHG-OTHER']);
  });

  it('keeps both breaks when the route sends the requests to another address', () => {
    const after = withPolicies(route('/todos/{taskId}', ['GetTask']));
    moveGetTask(after, '/v2/tasks/{taskId}');
    expect(rulesOf(withPolicies(), after)).toEqual(['BRK-PATH-CHANGED', 'BRK-POLICY-REROUTE']);
  });

  it.each([
    ['a path parameter the operation does not have', route('/tasks/{id}', ['GetTask'])],
    [
      'a query parameter the operation does not have',
      route("/tasks/@queryParameters('taskId')", ['GetTask']),
    ],
    ['an expression it does not read', route("/tasks/@body('taskId')", ['GetTask'])],
    ['a newPath that does not start with /', route('tasks/{taskId}', ['GetTask'])],
    ['a method outside the template', route('/tasks/{taskId}', ['GetTask'], 'FETCH')],
  ])('keeps the breaks when the route takes %s', (_, policy) => {
    const after = withPolicies(policy);
    moveGetTask(after, '/v2/tasks/{taskId}');
    expect(rulesOf(withPolicies(), after)).toEqual(['BRK-PATH-CHANGED', 'BRK-POLICY-REROUTE']);
  });

  it('keeps the breaks when two routes apply to the operation', () => {
    const after = withPolicies(route('/tasks/{taskId}', ['GetTask']), route('/tasks/{taskId}', ['GetTask']));
    moveGetTask(after, '/v2/tasks/{taskId}');
    expect(rulesOf(withPolicies(), after)).toContain('BRK-PATH-CHANGED');
  });
});

/** GetTask moved from '/tasks/{taskId}' to `path`, its path parameter renamed 'id' (of `type`). */
function moveAndRenameGetTask(connector: Required<ConnectorJson>, path: string, type = 'string'): void {
  moveGetTask(connector, path);
  const [parameter] = connector.swagger.paths[path].get.parameters;
  parameter.name = 'id';
  parameter.type = type;
}

describe('a path template changed and its path parameter renamed, with a route that keeps the old address', () => {
  it('is no path change when the route puts the renamed parameter where the old one was: the rename is reported', () => {
    const after = withPolicies(route('/tasks/{id}', ['GetTask']));
    moveAndRenameGetTask(after, '/v2/tasks/{id}');
    const result = diffConnectors(withPolicies(), after);
    expect(result.changes.map((change) => [change.ruleId, change.file])).toEqual([
      ['CHG-OTHER', 'apiDefinition.swagger.json'],
      ['BRK-PARAM-RENAMED', 'apiDefinition.swagger.json'],
      ['CHG-OTHER', 'apiProperties.json'],
    ]);
    expect(result.changes[0]!.message).toBe(
      "Other properties have been changed. Changed: path template, with the policy 'Route GetTask' (routerequesttoendpoint) of apiProperties.json still sending its requests to 'GET /v1/tasks/{id}', the base version's 'GET /v1/tasks/{taskId}' with its path parameter renamed.",
    );
    expect(result.changes[1]!.message).toContain("'taskId' is now 'id'.");
    expect(result.changes[2]!.message).toBe(
      "Other properties have been changed. Changed: policyTemplateInstances 'Route GetTask' (routerequesttoendpoint) added, which keeps the requests of 'GetTask' going to the address they went to in the base version.",
    );
  });

  it('lists a route edited along with a renamed path parameter as no move', () => {
    const before = withPolicies(route('/tasks/{taskId}', ['GetTask']));
    moveGetTask(before, '/v2/tasks/{taskId}');
    const after = withPolicies(route('/tasks/{id}', ['GetTask']));
    moveAndRenameGetTask(after, '/v2/tasks/{id}');
    expect(rulesOf(before, after)).toEqual(['BRK-PARAM-RENAMED', 'CHG-OTHER']);
  });

  it('is no path change when a route is removed as the path template, its parameter renamed, moves to where it went', () => {
    const before = withPolicies(route('/tasks/{taskId}', ['GetTask']));
    moveGetTask(before, '/v2/tasks/{taskId}');
    const after = withPolicies();
    moveAndRenameGetTask(after, '/tasks/{id}');
    const changes = diffConnectors(before, after).changes;
    expect(changes.map((change) => change.ruleId)).toEqual(['CHG-OTHER', 'BRK-PARAM-RENAMED', 'CHG-OTHER']);
    expect(changes[0]!.message).toBe(
      "Other properties have been changed. Changed: path template, now at 'GET /v1/tasks/{id}', where the base version's policy 'Route GetTask' (routerequesttoendpoint) sent its requests ('GET /v1/tasks/{taskId}', with its path parameter renamed).",
    );
  });

  it('keeps the breaks when the route puts the renamed parameter elsewhere', () => {
    const after = withPolicies(route('/tasks/{id}/details', ['GetTask']));
    moveAndRenameGetTask(after, '/v2/tasks/{id}');
    expect(rulesOf(withPolicies(), after)).toEqual([
      'BRK-PARAM-RENAMED',
      'BRK-PATH-CHANGED',
      'BRK-POLICY-REROUTE',
    ]);
  });

  it('keeps the breaks when the new parameter may not be the old one renamed (another type)', () => {
    const after = withPolicies(route('/tasks/{id}', ['GetTask']));
    moveAndRenameGetTask(after, '/v2/tasks/{id}', 'integer');
    expect(rulesOf(withPolicies(), after)).toEqual([
      'BRK-PARAM-DELETED',
      'BRK-PATH-CHANGED',
      'BRK-POLICY-REROUTE',
      'BRK-REQ-PARAM-ADDED',
    ]);
  });
});

describe('a swagger host change while a dynamichosturl policy sets the host', () => {
  const newHost = (connector: Required<ConnectorJson>) => {
    connector.swagger.host = 'yourhost.yourdomain.com';
    return connector;
  };

  it('is no breaking change when the policy sets the host of every operation in both versions', () => {
    const after = newHost(withPolicies(dynamicHost()));
    const result = diffConnectors(withPolicies(dynamicHost()), after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        pointer: '/host',
        line: lineOf(after.swagger, '"host"'),
        message:
          "Other properties have been changed. Changed: host, which no request goes to: the policy 'Set Contoso Address' (dynamichosturl) of apiProperties.json sets the host of every operation, in both versions.",
      }),
    ]);
    expect(result.classification).toBe('major-update');
  });

  it('counts policies that name every operation between them', () => {
    const policies = [dynamicHost(['ListTasks', 'CreateTask']), dynamicHost(['GetTask'])];
    expect(rulesOf(withPolicies(...policies), newHost(withPolicies(...policies)))).toEqual(['CHG-OTHER']);
  });

  it('stays a breaking change when an operation calls the swagger host', () => {
    const some = dynamicHost(['ListTasks', 'CreateTask']);
    expect(rulesOf(withPolicies(some), newHost(withPolicies(some)))).toEqual(['BRK-HOST-BASEPATH']);
  });

  it('stays a breaking change when only one version has the policy, told once, by the policy', () => {
    // The new swagger host is where no request goes: the policy's urlTemplate is, and the policy
    // comparison tells that move (BRK-POLICY-REROUTE); the host edit is listed, not reported again.
    const result = diffConnectors(withPolicies(), newHost(withPolicies(dynamicHost())));
    expect(result.changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['CHG-OTHER', '/host'],
      ['BRK-POLICY-REROUTE', '/properties/policyTemplateInstances/0'],
    ]);
    expect(result.changes[0]!.message).toBe(
      "Other properties have been changed. Changed: host, which no request goes to in the new version: the policy 'Set Contoso Address' (dynamichosturl) of apiProperties.json sets the host of every operation, and where requests moved is told with the policy.",
    );
    const removed = diffConnectors(withPolicies(dynamicHost()), newHost(withPolicies()));
    expect(removed.changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['CHG-OTHER', '/host'],
      ['BRK-POLICY-REROUTE', '/properties/policyTemplateInstances/0'],
    ]);
    expect(removed.changes[0]!.message).toContain(
      "Changed: host, which no request went to in the base version: the policy 'Set Contoso Address' (dynamichosturl) of apiProperties.json set the host of every operation,",
    );
  });

  it('reports a move to a new host policy, base path and path template once for the host URL and once for the path', () => {
    // Veterans Affairs (PowerPlatformConnectors e803c3ff) added 'Set environment' and changed the
    // swagger's host and basePath, and StatusPost's path template: the swagger's host and basePath
    // are used by no request of the new version.
    const policy = dynamicHost();
    policy.parameters['x-ms-apimTemplateParameter.urlTemplate'] =
      "https://@connectionParameters('instance').contoso.com";
    const after = withPolicies(policy);
    after.swagger.host = 'contoso.com';
    after.swagger.basePath = '/';
    moveGetTask(after, '/v2/tasks/{taskId}');
    const result = diffConnectors(withPolicies(), after);
    expect(result.changes.map((change) => [change.ruleId, change.pointer])).toEqual([
      ['CHG-OTHER', '/host'],
      ['CHG-OTHER', '/basePath'],
      ['BRK-PATH-CHANGED', '/paths/~1v2~1tasks~1{taskId}'],
      ['BRK-POLICY-REROUTE', '/properties/policyTemplateInstances/0'],
    ]);
    expect(result.changes[2]!.message).toContain(
      "It changed from 'GET /tasks/{taskId}' to 'GET /v2/tasks/{taskId}', the full path from '/v1/tasks/{taskId}' to '/v2/tasks/{taskId}'.",
    );
  });

  it('stays a breaking change when the policy runs on the response', () => {
    const policy = dynamicHost();
    policy.parameters['x-ms-apimTemplate-policySection'] = 'Response';
    expect(rulesOf(withPolicies(policy), newHost(withPolicies(policy)))).toEqual(['BRK-HOST-BASEPATH']);
  });
});

// dynamichosturl's urlTemplate is the whole URL an operation's path goes below: scheme, host and
// base path (request-address.ts gives the evidence). The swagger's basePath and schemes are then
// used by no request, and a path template is read below the urlTemplate.
describe('a base path or scheme change while a dynamichosturl policy sets the host URL', () => {
  it('is no breaking change when the policy sets the host URL of every operation in both versions', () => {
    const after = withPolicies(dynamicHost());
    after.swagger.basePath = '/v2';
    const result = diffConnectors(withPolicies(dynamicHost()), after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        pointer: '/basePath',
        line: lineOf(after.swagger, '"basePath"'),
        message:
          "Other properties have been changed. Changed: basePath, which no request goes to: the policy 'Set Contoso Address' (dynamichosturl) of apiProperties.json sets the host URL of every operation, scheme and base path included, in both versions.",
      }),
    ]);
  });

  it('takes a dropped scheme as no breaking change either', () => {
    const before = withPolicies(dynamicHost());
    before.swagger.schemes = ['https', 'http'];
    const changes = diffConnectors(before, withPolicies(dynamicHost())).changes;
    expect(changes.map((change) => [change.ruleId, change.pointer])).toEqual([['CHG-OTHER', '/schemes']]);
    expect(changes[0]!.message).toBe(
      "Other properties have been changed. Changed: schemes, which no request uses: the policy 'Set Contoso Address' (dynamichosturl) of apiProperties.json sets the host URL of every operation, scheme and base path included, in both versions.",
    );
  });

  it('stays a breaking change when an operation goes below the swagger base path', () => {
    const some = dynamicHost(['ListTasks', 'CreateTask']);
    const after = withPolicies(some);
    after.swagger.basePath = '/v2';
    after.swagger.schemes = ['http'];
    expect(rulesOf(withPolicies(some), after)).toEqual(['BRK-HOST-BASEPATH', 'BRK-HOST-BASEPATH']);
  });

  it.each([
    ['old', [dynamicHost(['ListTasks'])], []],
    ['new', [], [dynamicHost(['ListTasks'])]],
  ])(
    'leaves out of the base path move an operation whose host URL a policy sets only in the %s version',
    (_, oldPolicies, newPolicies) => {
      // That operation's new address is the policy's change (BRK-POLICY-REROUTE), not the base path's.
      const after = withPolicies(...newPolicies);
      after.swagger.basePath = '/v2';
      const changes = diffConnectors(withPolicies(...oldPolicies), after).changes;
      expect(changes.find((change) => change.ruleId === 'BRK-HOST-BASEPATH')!.message).toContain(
        "The basePath changed from '/v1' to '/v2', moving the operations whose path template stayed: 'CreateTask', 'GetTask'.",
      );
    },
  );

  it('reports path templates that took over the base path: below the urlTemplate, they are another address', () => {
    const after = withPolicies(dynamicHost());
    after.swagger.basePath = '/';
    for (const path of Object.keys(after.swagger.paths)) {
      after.swagger.paths[`/v1${path}`] = after.swagger.paths[path];
      delete after.swagger.paths[path];
    }
    expect(rulesOf(withPolicies(dynamicHost()), after)).toEqual([
      'BRK-PATH-CHANGED',
      'BRK-PATH-CHANGED',
      'BRK-PATH-CHANGED',
      'CHG-OTHER',
    ]);
  });

  it('reads a route below the urlTemplate: a new base path leaves a routed operation where it went', () => {
    const policies = [dynamicHost(), route('/tasks/{taskId}', ['GetTask'])];
    const before = withPolicies(...policies);
    moveGetTask(before, '/v2/tasks/{taskId}');
    const after = withPolicies(...policies);
    moveGetTask(after, '/v3/tasks/{taskId}');
    after.swagger.basePath = '/v2';
    const changes = diffConnectors(before, after).changes;
    expect(changes.map((change) => change.ruleId)).toEqual(['CHG-OTHER', 'CHG-OTHER']);
    expect(changes[1]!.message).toContain(
      `still sending its requests to 'GET https://@connectionParameters('instance').contoso.com/v1/tasks/{taskId}'`,
    );
  });
});

const describeCorpus = corpusAvailable ? describe : describe.skip;
if (!corpusAvailable) console.warn(`Skipping the JIRA route checks: ${CORPUS_DIR} is absent.`);

describeCorpus("JIRA's real files", () => {
  const folder = path.join(CORPUS_DIR, 'certified-connectors', 'JIRA');
  const jira = (): Required<ConnectorJson> => ({
    swagger: JSON.parse(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')),
    apiProperties: JSON.parse(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')),
  });

  it("take a new placeholder host as no break: 'Set JIRA Address' sets every operation's host", () => {
    const after = jira();
    after.swagger.host = 'jira.example.com';
    expect(rulesOf(jira(), after)).toEqual(['CHG-OTHER']);
  });

  it("take a new basePath as no break: 'Set JIRA Address' gives the base path with the host", () => {
    const after = jira();
    after.swagger.basePath = '/rest/api/latest';
    expect(rulesOf(jira(), after)).toEqual(['CHG-OTHER']);
  });

  it("take CreateIssue's path template moved as no break: its route still sends it to /rest/api/2/issue", () => {
    const after = jira();
    after.swagger.paths['/v3/issue'] = after.swagger.paths['/issue'];
    delete after.swagger.paths['/issue'];
    expect(rulesOf(jira(), after)).toEqual(['CHG-OTHER']);
  });
});
