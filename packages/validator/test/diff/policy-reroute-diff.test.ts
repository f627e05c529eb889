import { describe, expect, it } from '@jest/globals';
import { diffConnectors, lineOf, type ConnectorJson, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// A policy template can send a request elsewhere than the swagger says: dynamichosturl (the host, as
// JIRA's 'Set JIRA Address'), routerequesttoendpoint (the path and method, as JIRA's 'Route Request -
// CreateIssue'). Changing one moves existing flows' calls as a host or basePath change does.

const RULE = 'BRK-POLICY-REROUTE';

function route(title: string, newPath: string, operations: string[]): Json {
  return {
    templateId: 'routerequesttoendpoint',
    title,
    parameters: {
      'x-ms-apimTemplateParameter.newPath': newPath,
      'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
      'x-ms-apimTemplate-operationName': operations,
    },
  };
}

function dynamicHost(urlTemplate: string, templateId = 'dynamichosturl'): Json {
  return {
    templateId,
    title: 'Set host',
    parameters: { 'x-ms-apimTemplateParameter.urlTemplate': urlTemplate },
  };
}

const setHeader = (value: string): Json => ({
  templateId: 'setheader',
  title: 'Accept JSON',
  parameters: { 'x-ms-apimTemplateParameter.name': 'Accept', 'x-ms-apimTemplateParameter.value': value },
});

/** The valid connector with these policies. */
function withPolicies(...policies: Json[]): Required<ConnectorJson> {
  const apiProperties = validApiProperties();
  if (policies.length > 0) apiProperties.properties.policyTemplateInstances = policies;
  return { swagger: validSwagger(), apiProperties };
}

function rulesOf(before: ConnectorJson, after: ConnectorJson): string[] {
  return diffConnectors(before, after).changes.map((change) => change.ruleId);
}

describe(`${RULE}: a policy that sends existing operations' requests elsewhere`, () => {
  it('fires as a warning on the policy, naming the operation and both paths, when a route moves', () => {
    const before = withPolicies(
      setHeader('application/json'),
      route('Route ListTasks', '/v1/tasks', ['ListTasks']),
    );
    const after = withPolicies(
      setHeader('application/json'),
      route('Route ListTasks', '/v2/tasks', ['ListTasks']),
    );
    const result = diffConnectors(before, after);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: RULE,
        breaking: true,
        severity: 'warning',
        operationId: 'ListTasks',
        file: 'apiProperties.json',
        side: 'new',
        pointer: '/properties/policyTemplateInstances/1',
        line: lineOf(after.apiProperties, '"templateId": "routerequesttoendpoint"') - 1,
      }),
    ]);
    expect(result.changes[0]!.message).toBe(
      "A policy that decides where requests go has been added, removed or changed. Existing flows now call another address. The policy 'Route ListTasks' (routerequesttoendpoint) changed: requests of 'ListTasks' went to newPath '/v1/tasks' and now go to newPath '/v2/tasks'. If the new address serves the same API for existing connections, say so in the pull request, as reviewers ask; otherwise keep the old one.",
    );
    expect(result.classification).toBe('breaking');
  });

  it('fires when a dynamic host is added, for every operation, whatever the case of its templateId', () => {
    const after = withPolicies(
      dynamicHost("https://@connectionParameters('region').contoso.com", 'dynamicHostUrl'),
    );
    const changes = diffConnectors(withPolicies(), after).changes;
    expect(changes.map((change) => change.ruleId)).toEqual([RULE]);
    expect(changes[0]!.message).toMatch(
      /The policy 'Set host' \(dynamicHostUrl\) has been added: requests of every operation now go to urlTemplate 'https:\/\/@connectionParameters\('region'\)\.contoso\.com'\./,
    );
  });

  it('fires on the base version of a policy that was removed', () => {
    const before = withPolicies(route('Route ListTasks', '/v1/tasks', ['ListTasks']));
    const changes = diffConnectors(before, withPolicies()).changes;
    expect(changes).toEqual([
      expect.objectContaining({
        ruleId: RULE,
        side: 'old',
        pointer: '/properties/policyTemplateInstances/0',
      }),
    ]);
    expect(changes[0]!.message).toMatch(
      /has been removed: requests of 'ListTasks' no longer go to newPath '\/v1\/tasks'/,
    );
  });

  it('fires when a route is applied to another existing operation', () => {
    const before = withPolicies(route('Route tasks', '/v1/tasks', ['ListTasks']));
    const after = withPolicies(route('Route tasks', '/v1/tasks', ['ListTasks', 'GetTask']));
    const changes = diffConnectors(before, after).changes;
    expect(changes).toEqual([expect.objectContaining({ ruleId: RULE, operationId: 'GetTask' })]);
    expect(changes[0]!.message).toMatch(
      /applied to 'ListTasks' and now applies to 'ListTasks', 'GetTask': requests of 'GetTask'/,
    );
  });

  it('lists a route added for an operation new in this update as a non-breaking change (a _V2 beside the old one)', () => {
    const before = withPolicies();
    const after = withPolicies(route('Route ListTasks_V2', '/v2/tasks', ['ListTasks_V2']));
    after.swagger.paths['/tasks/v2'] = {
      get: { ...structuredClone(after.swagger.paths['/tasks'].get), operationId: 'ListTasks_V2' },
    };
    const result = diffConnectors(before, after);
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(result.changes.map((change) => change.message)).toContain(
      "Other properties have been changed. Changed: policyTemplateInstances 'Route ListTasks_V2' (routerequesttoendpoint) added, which moves no operation of the base version.",
    );
  });

  it('lists a policy retitled, or policies reordered, as a non-breaking change', () => {
    const host = dynamicHost('https://api.contoso.com');
    const listTasks = route('Route ListTasks', '/v1/tasks', ['ListTasks']);
    const retitled = { ...structuredClone(listTasks), title: 'Send ListTasks to v1' };
    expect(rulesOf(withPolicies(host, listTasks), withPolicies(host, retitled))).toEqual(['CHG-OTHER']);
    expect(rulesOf(withPolicies(host, listTasks), withPolicies(listTasks, host))).toEqual(['CHG-OTHER']);
  });

  it("lists a policy given the policy section 'Request', where it already ran, as a non-breaking change", () => {
    // Cradl AI (PowerPlatformConnectors a36b76e8) wrote the section its host policies ran in anyway.
    const host = dynamicHost('https://api.contoso.com');
    const inRequest = structuredClone(host);
    inRequest.parameters['x-ms-apimTemplate-policySection'] = 'Request';
    expect(rulesOf(withPolicies(host), withPolicies(inRequest))).toEqual(['CHG-OTHER']);
    expect(rulesOf(withPolicies(inRequest), withPolicies(host))).toEqual(['CHG-OTHER']);
  });

  it("lists host policies whose last URL is the swagger's own scheme, host and base path as a non-breaking change", () => {
    // Cradl AI (PowerPlatformConnectors 5bf25552) sends the sign-in call to its auth host, then sends
    // every request back to 'https://api.lucidtech.ai/v1', its swagger's own address.
    const toAuth = { ...dynamicHost('https://auth.contoso.com'), title: 'Change host to auth' };
    const back = { ...dynamicHost('https://API.contoso.com/v1/'), title: 'Change host back' };
    const after = withPolicies(toAuth, setHeader('application/json'), back);
    const changes = diffConnectors(withPolicies(), after).changes;
    // The two host policies and the header policy, each listed on its own.
    expect(changes.map((change) => change.ruleId)).toEqual(['CHG-OTHER', 'CHG-OTHER', 'CHG-OTHER']);
    expect(changes.map((change) => change.message).join('\n')).toMatch(
      /'Change host to auth' \(dynamichosturl\) added, which keeps the requests of 'ListTasks'.* going to the host they went to in the base version/,
    );
    expect(rulesOf(withPolicies(toAuth, back), withPolicies())).toEqual(['CHG-OTHER', 'CHG-OTHER']);
  });

  it("lists such host policies as a non-breaking change when an operation's path moves in the same update", () => {
    // Cradl AI's 5bf25552 also moved CreateRun from '/runs' to '/workflows'. Path changes (here of
    // ListTasks and CreateTask) are the swagger's (BRK-PATH-CHANGED); the host policies still send
    // the requests to the host they went to.
    const after = withPolicies(
      dynamicHost('https://auth.contoso.com'),
      dynamicHost('https://api.contoso.com/v1'),
    );
    const paths = after.swagger.paths as Record<string, Json>;
    paths['/todo'] = paths['/tasks'];
    delete paths['/tasks'];
    expect(rulesOf(withPolicies(), after).sort()).toEqual([
      'BRK-PATH-CHANGED',
      'BRK-PATH-CHANGED',
      'CHG-OTHER',
      'CHG-OTHER',
    ]);
  });

  it("still fires when the last host URL differs from the swagger's own in scheme, host or base path", () => {
    for (const url of [
      'http://api.contoso.com/v1',
      'https://eu.contoso.com/v1',
      'https://api.contoso.com/v2',
    ]) {
      expect(rulesOf(withPolicies(), withPolicies(dynamicHost(url)))).toEqual([RULE]);
    }
    const back = dynamicHost('https://api.contoso.com/v1');
    expect(rulesOf(withPolicies(back), withPolicies(back, dynamicHost('https://auth.contoso.com')))).toEqual([
      RULE,
    ]);
    // Content Manager Power Connect (4fbf2360) moved its swagger's host and its host policy together:
    // each version's policy is at its own swagger's address, but the requests moved.
    const moved = withPolicies(dynamicHost('https://eu.contoso.com/v1'));
    moved.swagger.host = 'eu.contoso.com';
    expect(rulesOf(withPolicies(back), moved)).toContain(RULE);
  });

  it('still fires when a host policy is moved to the response section, where it sets no host', () => {
    const host = dynamicHost('https://api.contoso.com');
    const inResponse = structuredClone(host);
    inResponse.parameters['x-ms-apimTemplate-policySection'] = 'Response';
    expect(rulesOf(withPolicies(host), withPolicies(inResponse))).toEqual([RULE]);
  });

  it('keeps listing the other policies edited in the same update', () => {
    const before = withPolicies(setHeader('application/json'), dynamicHost('https://api.contoso.com'));
    const after = withPolicies(setHeader('application/xml'), dynamicHost('https://eu.contoso.com'));
    const changes = diffConnectors(before, after).changes;
    expect(changes.map((change) => change.ruleId).sort()).toEqual([RULE, 'CHG-OTHER']);
    expect(changes.find((change) => change.ruleId === 'CHG-OTHER')!.message).toBe(
      "Other properties have been changed. Changed: policyTemplateInstances 'Accept JSON' (setheader). 'Accept JSON' (setheader): value 'application/json' is now 'application/xml'.",
    );
  });

  describe('a host policy that reads a new connection parameter with a default (Oneflow, b9678af7)', () => {
    // Oneflow added 'instance_url' (production or test) and a policy to
    // "@connectionParameters('instance_url', 'https://api.oneflow.com/v1')": connections made before
    // have no 'instance_url', so they get the default, the swagger's own address.
    const instanceUrl = { type: 'string', uiDefinition: { displayName: 'API URL' } };
    function withInstanceUrl(...policies: Json[]): Required<ConnectorJson> {
      const connector = withPolicies(...policies);
      connector.apiProperties.properties.connectionParameters.instance_url = instanceUrl;
      return connector;
    }
    const byInstance = (fallback: string) =>
      dynamicHost(`@connectionParameters('instance_url', '${fallback}')`);

    it("is no breaking change when the default is the swagger's address, and says why", () => {
      const changes = diffConnectors(
        withPolicies(),
        withInstanceUrl(byInstance('https://api.contoso.com/v1')),
      ).changes;
      expect(changes.map((change) => change.ruleId)).toEqual(['CHG-OTHER', 'CHG-OTHER']);
      expect(changes.map((change) => change.message)).toContain(
        "Other properties have been changed. Changed: policyTemplateInstances 'Set host' (dynamichosturl) added, which sends the requests of existing connections where they went in the base version: made without 'instance_url', they get its default 'https://api.contoso.com/v1'.",
      );
    });

    it('breaks when the default is another address', () => {
      const after = withInstanceUrl(byInstance('https://eu.contoso.com/v1'));
      expect(rulesOf(withPolicies(), after)).toContain(RULE);
    });

    it('breaks when existing connections have the parameter: their value is not known', () => {
      const after = withInstanceUrl(byInstance('https://api.contoso.com/v1'));
      expect(rulesOf(withInstanceUrl(), after)).toEqual([RULE]);
    });

    it('reads a default in part of the URL too', () => {
      const after = withInstanceUrl(
        dynamicHost("https://@connectionParameters('instance_url','api.contoso.com')/v1"),
      );
      expect(rulesOf(withPolicies(), after)).toEqual(['CHG-OTHER', 'CHG-OTHER']);
    });
  });

  it('stays quiet when the policies are the same', () => {
    const policies = [setHeader('application/json'), dynamicHost('https://api.contoso.com')];
    expect(rulesOf(withPolicies(...policies), withPolicies(...structuredClone(policies)))).toEqual([]);
  });
});

// A Function app's address carries its key as `?code=`: the tester's urlTemplate was printed whole.
describe(`${RULE} masks a key in the addresses it names`, () => {
  it('masks the `code` of a Function app in the old and the new urlTemplate, keeping the rest of each', () => {
    const [was, is] = ['Wq3eR5tY7uI9oP1aS3dF5gH7', 'Pm2nB4vC6xZ8lK1jH3gF5dS7'];
    const result = diffConnectors(
      withPolicies(dynamicHost(`https://contoso-old.azurewebsites.net/api?code=${was}`)),
      withPolicies(dynamicHost(`https://contoso-new.azurewebsites.net/api?code=${is}`)),
    );
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${was}|${is}`));
    const [change] = result.changes.filter((found) => found.ruleId === RULE);
    expect(change!.message).toContain(
      "went to urlTemplate 'https://contoso-old.azurewebsites.net/api?code=Wq3e****** (24 characters)' and now go to urlTemplate 'https://contoso-new.azurewebsites.net/api?code=Pm2n****** (24 characters)'.",
    );
  });
});
