import { describe, expect, it } from '@jest/globals';
import { diffApiProperties, lineOf, withRule, type Json } from './diff-fixture.js';
import { validApiProperties } from '../helpers/valid-connector.js';

// apiProperties.json compared on its own: what each edit is listed as, and in which version's file
// it is placed (a key removed is found in the base version, so its line is that file's).

describe('apiProperties.json edits', () => {
  it.each(['iconBrandColor', 'publisher', 'stackOwner'])(
    'lists an edited %s as a minor text edit, as Microsoft counts it',
    (key) => {
      const result = diffApiProperties((file) => (file.properties[key] = `${file.properties[key]}0`));
      expect(result.changes).toEqual([
        expect.objectContaining({
          ruleId: 'CHG-TEXT-EDITED',
          impact: 'minor',
          message: `Text has been edited. Edited: ${key}.`,
        }),
      ]);
    },
  );

  it('places a removed property in the base version, on its line there', () => {
    const result = diffApiProperties((file) => delete file.properties.capabilities);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        side: 'old',
        pointer: '/properties/capabilities',
        line: lineOf(validApiProperties(), '"capabilities"'),
      }),
    ]);
  });

  it('places a removed key beside properties in the base version too', () => {
    const before: Json = { ...validApiProperties(), $comment: 'Reviewed by the team.' };
    const result = diffApiProperties((file) => delete file.$comment, before);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        side: 'old',
        pointer: '/$comment',
        line: lineOf(before, '"$comment"'),
      }),
    ]);
  });

  it('places a removed connection parameter in the base version', () => {
    const before = validApiProperties();
    before.properties.connectionParameters.region = {
      type: 'string',
      uiDefinition: { displayName: 'Region' },
    };
    const result = diffApiProperties((file) => delete file.properties.connectionParameters.region, before);
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-OTHER',
        side: 'old',
        pointer: '/properties/connectionParameters/region',
        line: lineOf(before, '"region"'),
        message: expect.stringContaining("The connection parameter 'region' has been removed;"),
      }),
    ]);
  });
});

describe('connectionParameterSets edits', () => {
  /** The API key connector with its one parameter in a set named 'key'. */
  function withSets(): Json {
    const file = validApiProperties();
    const { api_key } = file.properties.connectionParameters;
    delete file.properties.connectionParameters;
    file.properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Sign in with', description: 'How to sign in.' },
      values: [
        {
          name: 'key',
          uiDefinition: { displayName: 'API key', description: 'With a key.' },
          parameters: { api_key },
        },
      ],
    };
    return file;
  }

  it("lists a set parameter's edited tooltip alone as a minor text edit, naming the set and the parameter", () => {
    const result = diffApiProperties((file) => {
      file.properties.connectionParameterSets.values[0].parameters.api_key.uiDefinition.tooltip =
        'Settings, API keys.';
    }, withSets());
    expect(result.changes).toEqual([
      expect.objectContaining({
        ruleId: 'CHG-TEXT-EDITED',
        impact: 'minor',
        message:
          "Text has been edited. Edited: connectionParameterSets 'key' parameter 'api_key' uiDefinition.tooltip.",
      }),
    ]);
  });

  it('lists the sets in another order as a change of their values', () => {
    const before = withSets();
    before.properties.connectionParameterSets.values.push({ name: 'other', parameters: {} });
    const result = diffApiProperties(
      (file) => file.properties.connectionParameterSets.values.reverse(),
      before,
    );
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      'Other properties have been changed. Changed: connectionParameterSets values (their sets or order).',
    ]);
  });

  it('lists an edit of a set without a name by the key of the sets, as it names no set', () => {
    const before = withSets();
    delete before.properties.connectionParameterSets.values[0].name;
    const result = diffApiProperties((file) => {
      file.properties.connectionParameterSets.values[0].uiDefinition.displayName = 'Key';
    }, before);
    expect(result.changes.map((change) => change.message)).toEqual([
      'Other properties have been changed. Changed: connectionParameterSets.',
    ]);
  });

  it('says what new OAuth scopes mean for existing connections once, however many sets gain them', () => {
    const token = (name: string) => ({
      name,
      parameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: { identityProvider: 'aad', clientId: name, scopes: ['Tasks.Read'] },
        },
      },
    });
    const before = withSets();
    before.properties.connectionParameterSets.values = [token('work'), token('school')];
    const result = diffApiProperties((file) => {
      for (const set of file.properties.connectionParameterSets.values)
        set.parameters.token.oAuthSettings.scopes.push('Tasks.Write');
    }, before);
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: connectionParameterSets 'work' parameter 'token' oAuthSettings.scopes, 'school' parameter 'token' oAuthSettings.scopes. Existing connections keep the scopes their users consented to, without 'Tasks.Write', until they sign in again: flows that use them keep working as before, but an operation that needs a new scope fails on them until then, so tell users to sign in to their connections again.",
    ]);
  });

  it('names a parameter removed from a set, once', () => {
    const before = withSets();
    before.properties.connectionParameterSets.values[0].parameters.region = { type: 'string' };
    const result = diffApiProperties(
      (file) => delete file.properties.connectionParameterSets.values[0].parameters.region,
      before,
    );
    expect(withRule(result, 'CHG-OTHER').map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: connectionParameterSets 'key' parameter 'region' removed.",
    ]);
  });
});

describe('policyTemplateInstances edits', () => {
  it('lists an empty list written where there was none by its key, not as a new order', () => {
    const result = diffApiProperties((file) => (file.properties.policyTemplateInstances = []));
    expect(result.changes.map((change) => change.message)).toEqual([
      'Other properties have been changed. Changed: policyTemplateInstances.',
    ]);
  });

  it('names a policy edited outside its parameters by its title and template alone', () => {
    const policy = {
      templateId: 'setheader',
      title: 'Set the API version',
      parameters: { 'x-ms-apimTemplateParameter.name': 'Api-Version' },
    };
    const before = validApiProperties();
    before.properties.policyTemplateInstances = [policy];
    const result = diffApiProperties((file) => {
      file.properties.policyTemplateInstances[0].$comment = 'Sent on every request.';
    }, before);
    expect(result.changes.map((change) => change.message)).toEqual([
      "Other properties have been changed. Changed: policyTemplateInstances 'Set the API version' (setheader).",
    ]);
  });
});
