import { describe, expect, it } from '@jest/globals';
import { diffConnectors, type ConnectorJson, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// A policy that is not rerouting (setheader, setqueryparameter, setproperty …) edited under its title
// is CHG-OTHER: the message says what its parameters changed and which operations gain or lose it, as
// BRK-POLICY-REROUTE says where a route went and goes (walkthrough s36, F-CHG-1).

function policy(templateId: string, title: string, parameters: Record<string, unknown>): Json {
  return { templateId, title, parameters };
}

const header = (name: string, value: string, operations?: string[]): Json =>
  policy('setheader', 'Set Authentication Header', {
    'x-ms-apimTemplateParameter.name': name,
    'x-ms-apimTemplateParameter.value': value,
    'x-ms-apimTemplateParameter.existsAction': 'override',
    ...(operations === undefined ? {} : { 'x-ms-apimTemplate-operationName': operations }),
  });

function withPolicies(...policies: Json[]): Required<ConnectorJson> {
  const apiProperties = validApiProperties();
  apiProperties.properties.policyTemplateInstances = policies;
  return { swagger: validSwagger(), apiProperties };
}

function messageOf(before: ConnectorJson, after: ConnectorJson): string {
  const changes = diffConnectors(before, after).changes;
  expect(changes.map((change) => [change.ruleId, change.impact, change.severity])).toEqual([
    ['CHG-OTHER', 'major', 'info'],
  ]);
  return changes[0]!.message;
}

/** The setheader policy titled `Header <index>`, for the tests of many edited policies. */
const titled = (index: number, value: string): Json =>
  policy('setheader', `Header ${index}`, {
    'x-ms-apimTemplateParameter.name': `X-${index}`,
    'x-ms-apimTemplateParameter.value': value,
  });

describe('CHG-OTHER of an edited policy: what its parameters changed', () => {
  it('masks a key a policy sent hard-coded, as GEN-SECRETS does, when an edit replaces or adds it', () => {
    // The edit GEN-SECRETS advises: the key it reported must not be printed in the pull request.
    const key = '9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d';
    const masked = "'9f8c****** (32 characters)'";
    const replaced = messageOf(
      withPolicies(header('X-Api-Key', key)),
      withPolicies(header('X-Api-Key', "@connectionParameters('api_key')")),
    );
    expect(replaced).toContain(`value ${masked} is now '@connectionParameters('api_key')'.`);
    const added = messageOf(
      withPolicies(header('X-Api-Key', 'YOUR_API_KEY')),
      withPolicies(header('X-Api-Key', key)),
    );
    expect(added).toContain(`value 'YOUR_API_KEY' is now ${masked}.`);
    for (const message of [replaced, added]) expect(message).not.toContain(key);
    // Under a name of no credential the value is no secret, and is shown.
    expect(
      messageOf(withPolicies(header('Accept', key)), withPolicies(header('Accept', 'text/csv'))),
    ).toContain(`value '${key}' is now 'text/csv'.`);
  });

  it('gives the old and new value of a credential-bearing header, with a note for the reviewer', () => {
    const message = messageOf(
      withPolicies(header('Authorization', "Bearer @connectionParameters('token')")),
      withPolicies(header('Authorization', "Token @connectionParameters('token')")),
    );
    expect(message).toBe(
      "Other properties have been changed. Changed: policyTemplateInstances 'Set Authentication Header' (setheader). 'Set Authentication Header' (setheader): value 'Bearer @connectionParameters('token')' is now 'Token @connectionParameters('token')'. The policy sends the credential of each connection: existing connections send the new value from this update on, so say in the pull request that the API accepts it.",
    );
  });

  it('tells a credential by the Authorization name or a connection parameter in any value, and only then', () => {
    const note = 'The policy sends the credential of each connection';
    expect(
      messageOf(
        withPolicies(header('authorization', 'Basic a')),
        withPolicies(header('authorization', 'Basic b')),
      ),
    ).toContain(note);
    expect(
      messageOf(
        withPolicies(header('X-Key', 'k')),
        withPolicies(header('X-Key', "@connectionParameters('key')")),
      ),
    ).toContain(note);
    expect(
      messageOf(
        withPolicies(header('Accept', 'application/json')),
        withPolicies(header('Accept', 'text/json')),
      ),
    ).not.toContain(note);
    // A reference is read as PROP-POLICY reads it: in the case merged connectors write.
    expect(
      messageOf(
        withPolicies(header('X-Key', 'k')),
        withPolicies(header('X-Key', "@ConnectionParameters('password')")),
      ),
    ).not.toContain(note);
  });

  it('names the operations a policy gains or loses', () => {
    const every = header('X-App', 'calendly');
    expect(
      messageOf(withPolicies(every), withPolicies(header('X-App', 'calendly', ['ListTasks']))),
    ).toContain(
      "'Set Authentication Header' (setheader): it now applies to 'ListTasks' only, where it applied to every operation.",
    );
    expect(
      messageOf(
        withPolicies(header('X-App', 'calendly', ['ListTasks', 'GetTask'])),
        withPolicies(header('X-App', 'calendly', ['ListTasks', 'CreateTask'])),
      ),
    ).toContain("it now also applies to 'CreateTask'; it no longer applies to 'GetTask'.");
    expect(messageOf(withPolicies(header('X-App', 'calendly', ['GetTask'])), withPolicies(every))).toContain(
      "it now applies to every operation, where it applied to 'GetTask'.",
    );
  });

  it('tells every template alike: parameters added, removed and edited', () => {
    const query = (parameters: Record<string, unknown>) =>
      policy('setqueryparameter', 'Set version', parameters);
    const message = messageOf(
      withPolicies(
        query({ 'x-ms-apimTemplateParameter.name': 'api-version', 'x-ms-apimTemplateParameter.value': '1' }),
      ),
      withPolicies(
        query({
          'x-ms-apimTemplateParameter.name': 'v',
          'x-ms-apimTemplateParameter.existsAction': 'skip',
          'x-ms-apimTemplateParameter.value': '1',
        }),
      ),
    );
    expect(message).toContain(
      "'Set version' (setqueryparameter): name 'api-version' is now 'v'; existsAction 'skip' added.",
    );
    expect(
      messageOf(
        withPolicies(
          query({ 'x-ms-apimTemplateParameter.name': 'a', 'x-ms-apimTemplateParameter.value': '1' }),
        ),
        withPolicies(query({ 'x-ms-apimTemplateParameter.name': 'a' })),
      ),
    ).toContain("'Set version' (setqueryparameter): value '1' removed.");
  });

  it('reads a parameter as one of the instance, whatever its name', () => {
    // `toString` is a key of every object's prototype: `in` read it there, as if it was.
    const query = (parameters: Record<string, unknown>) => policy('setproperty', 'Set top', parameters);
    expect(
      messageOf(
        withPolicies(query({ 'x-ms-apimTemplateParameter.newValue': '10' })),
        withPolicies(query({ 'x-ms-apimTemplateParameter.newValue': '10', toString: 'x' })),
      ),
    ).toContain("'Set top' (setproperty): toString 'x' added.");
  });

  it('says what each edited policy changed within a bound, and how many more', () => {
    const count = 100;
    const message = messageOf(
      withPolicies(...Array.from({ length: count }, (_, i) => titled(i, 'a'.repeat(200)))),
      withPolicies(...Array.from({ length: count }, (_, i) => titled(i, 'b'.repeat(200)))),
    );
    expect(message).toContain("'Header 0' (setheader): value 'aaaa");
    expect(message).toMatch(/ And \d+ more\.$/);
    const shown = message.match(/\(setheader\): value/g)!.length;
    expect(message).toMatch(new RegExp(` And ${count - shown} more\\.$`));
    expect(message.length).toBeLessThan(8000);
  });

  // Each policy of the base was searched for in the whole new list, by value and then by name: 10,000
  // edited policies (a fork's file) ran far past the suite's timeout. Now each is looked up once.
  it('finds each of thousands of edited policies by its title, whatever their order', () => {
    const count = 10_000;
    const message = messageOf(
      withPolicies(...Array.from({ length: count }, (_, i) => titled(i, 'a'))),
      withPolicies(...Array.from({ length: count }, (_, i) => titled(count - 1 - i, 'b'))),
    );
    expect(message).toContain("'Header 0' (setheader): value 'a' is now 'b'.");
    const shown = message.match(/\(setheader\): value 'a' is now 'b'/g)!.length;
    expect(message).toMatch(new RegExp(` And ${count - shown} more\\.$`));
  });

  it('adds nothing for a policy added, removed or reordered', () => {
    const one = header('Accept', 'application/json');
    const two = policy('setproperty', 'Set top', { 'x-ms-apimTemplateParameter.newValue': '10' });
    expect(messageOf(withPolicies(one), withPolicies(one, two))).toBe(
      "Other properties have been changed. Changed: policyTemplateInstances 'Set top' (setproperty) added.",
    );
    expect(messageOf(withPolicies(one, two), withPolicies(two, one))).toBe(
      'Other properties have been changed. Changed: policyTemplateInstances (their order).',
    );
  });
});

// A Function app's key set as a header by a policy is sent with every request, as an internal
// x-functions-key parameter's default is: the diff printed the old and the new key (session 77).
describe('CHG-OTHER of an edited policy masks a key it sends under a credential name', () => {
  it('masks the old and the new value of an x-functions-key header, and still tells the edit', () => {
    const [was, is] = ['Hj7kL2mN9pQ4rS6tV8wX1yZ3', 'Tt5gB8nM1kJ4hG7fD2sA9pO6'];
    const before = withPolicies(header('x-functions-key', was));
    const after = withPolicies(header('x-functions-key', is));
    expect(JSON.stringify(diffConnectors(before, after))).not.toMatch(new RegExp(`${was}|${is}`));
    expect(messageOf(before, after)).toContain(
      "'Set Authentication Header' (setheader): value 'Hj7k****** (24 characters)' is now 'Tt5g****** (24 characters)'.",
    );
  });

  it('shows the value of a header of no credential, and a reference to a connection parameter, as they are', () => {
    expect(
      messageOf(
        withPolicies(header('X-Tenant', 'Hj7kL2mN9pQ4rS6tV8wX1yZ3')),
        withPolicies(header('X-Tenant', 'b')),
      ),
    ).toContain("value 'Hj7kL2mN9pQ4rS6tV8wX1yZ3' is now 'b'");
    expect(
      messageOf(
        withPolicies(header('x-functions-key', "@connectionParameters('key')")),
        withPolicies(header('x-functions-key', "@connectionParameters('functionKey')")),
      ),
    ).toContain("value '@connectionParameters('key')' is now '@connectionParameters('functionKey')'");
  });
});
