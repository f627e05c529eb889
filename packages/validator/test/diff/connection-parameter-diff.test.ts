import { describe, expect, it } from '@jest/globals';
import { diffConnectors, lineOf, withRule, type ConnectorJson, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// A connection holds the values its maker typed when it was created. A connection parameter added
// in an update that every connection must fill (required, shown, no default) has no value in the
// connections made before: they fail until they are edited or created again.

const RULE = 'BRK-REQ-CONN-PARAM-ADDED';

function apiKeyConnector(): Required<ConnectorJson> {
  return { swagger: validSwagger(), apiProperties: validApiProperties() };
}

function textParameter(constraints: Json, extra: Json = {}): Json {
  return {
    type: 'string',
    ...extra,
    uiDefinition: { displayName: 'Region', description: 'Where.', constraints },
  };
}

/** The API key connector with `parameters` added beside its api_key. */
function withParameters(parameters: Json): Required<ConnectorJson> {
  const files = apiKeyConnector();
  Object.assign(files.apiProperties.properties.connectionParameters, parameters);
  return files;
}

describe(`${RULE}: a connection parameter existing connections hold no value for`, () => {
  it.each([
    ['"true"', 'true'],
    ['true', true],
    ['"True", as some corpus connectors write it', 'True'],
  ])(
    'fires once, on the new parameter, when it is required (%s), shown and has no default',
    (_, required) => {
      const after = withParameters({ region: textParameter({ required }) });
      const result = diffConnectors(apiKeyConnector(), after);
      const changes = withRule(result, RULE);
      expect(changes).toEqual([
        expect.objectContaining({
          breaking: true,
          severity: 'error',
          file: 'apiProperties.json',
          side: 'new',
          pointer: '/properties/connectionParameters/region',
          line: lineOf(after.apiProperties, '"region"'),
        }),
      ]);
      expect(changes[0]!.message).toMatch(/existing connections hold no value for it/i);
      expect(changes[0]!.message).toMatch(/'region'/);
      expect(changes[0]!.message).toMatch(/optional.*defaultValue.*new connection parameter set/);
      // Apart from what changed, so that a report of several says it once (the job summary).
      expect(changes[0]!.advice).toBe(
        'Make it optional or give it a defaultValue, or offer it in a new connection parameter set.',
      );
      expect(changes[0]!.message).toBe(
        `The required connection parameter has been added. Existing connections hold no value for it, so they fail until they are edited or created again. 'region' is required, shown and has no defaultValue. ${changes[0]!.advice}`,
      );
      expect(result.classification).toBe('breaking');
      // The generic "has been added" entry is this change; it is not listed again.
      expect(result.changes).toHaveLength(1);
    },
  );

  it('fires once per parameter, each on its own line', () => {
    const after = withParameters({
      region: textParameter({ required: 'true' }),
      siteUrl: textParameter({ required: 'true' }),
    });
    const changes = withRule(diffConnectors(apiKeyConnector(), after), RULE);
    expect(changes.map(({ pointer, line }) => ({ pointer, line }))).toEqual([
      { pointer: '/properties/connectionParameters/region', line: lineOf(after.apiProperties, '"region"') },
      { pointer: '/properties/connectionParameters/siteUrl', line: lineOf(after.apiProperties, '"siteUrl"') },
    ]);
    expect(changes[1]!.message).toMatch(/'siteUrl'/);
  });

  it.each([
    ['optional', textParameter({ required: 'false' })],
    ['optional by default', textParameter({})],
    ['hidden', textParameter({ required: 'true', hidden: 'true' })],
    ['hidden (boolean)', textParameter({ required: true, hidden: true })],
    ['default-valued', textParameter({ required: 'true' }, { defaultValue: 'eu' })],
  ])('stays a non-breaking change when the new parameter is %s', (_, parameter) => {
    const result = diffConnectors(apiKeyConnector(), withParameters({ region: parameter }));
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toEqual([
      expect.objectContaining({ pointer: '/properties/connectionParameters/region', breaking: false }),
    ]);
    expect(result.classification).toBe('major-update');
    // Existing connections keep working without a value for it: nothing to update.
    expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/'region' has been added\.$/);
  });

  it('stays quiet about a parameter that was already there (only its text edited)', () => {
    const before = withParameters({ region: textParameter({ required: 'true' }) });
    const after = withParameters({ region: textParameter({ required: 'true' }) });
    after.apiProperties.properties.connectionParameters.region.uiDefinition.description = 'Your region.';
    expect(diffConnectors(before, after).classification).toBe('minor-update');
  });

  it('is not told twice when the new parameter is a credential the sign-in now needs (BRK-AUTH-TYPE)', () => {
    const secret = {
      type: 'securestring',
      uiDefinition: { displayName: 'Secret', constraints: { required: 'true' } },
    };
    const result = diffConnectors(apiKeyConnector(), withParameters({ api_secret: secret }));
    expect(withRule(result, 'BRK-AUTH-TYPE')).toHaveLength(1);
    expect(withRule(result, RULE)).toEqual([]);
  });

  it('keeps the securityDefinitions edit made in the same update listed beside it', () => {
    const after = withParameters({ region: textParameter({ required: 'true' }) });
    after.swagger.securityDefinitions.API_Key = { type: 'apiKey', in: 'query', name: 'key' };
    const result = diffConnectors(apiKeyConnector(), after);
    expect(withRule(result, RULE)).toHaveLength(1);
    expect(withRule(result, 'CHG-OTHER')).toEqual([
      expect.objectContaining({ pointer: '/securityDefinitions', breaking: false }),
    ]);
  });

  it('takes a hidden OAuth parameter written "True" for hidden, as the corpus writes it', () => {
    const token = {
      type: 'oauthSetting',
      oAuthSettings: { identityProvider: 'oauth2generic', clientId: '[[DUMMY]]', scopes: [] },
    };
    const before = withParameters({});
    before.apiProperties.properties.connectionParameters = { token };
    const after = structuredClone(before);
    after.apiProperties.properties.connectionParameters['token:tenant'] = textParameter({
      required: 'true',
      hidden: 'True',
    });
    expect(diffConnectors(before, after).changes.filter((change) => change.breaking)).toEqual([]);
  });

  describe('with parameter sets', () => {
    const set = (name: string, parameters: Json): Json => ({
      name,
      uiDefinition: { displayName: name, description: `Sign in with ${name}.` },
      parameters,
    });
    const withSets = (...values: Json[]): Required<ConnectorJson> => {
      const files = apiKeyConnector();
      files.apiProperties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Authentication', description: 'How to sign in.' },
        values,
      };
      return files;
    };
    const apiKey = validApiProperties().properties.connectionParameters;

    it('fires on the parameter added to an existing set', () => {
      const before = withSets(set('key', { ...apiKey }));
      const after = withSets(set('key', { ...apiKey, region: textParameter({ required: 'true' }) }));
      const changes = withRule(diffConnectors(before, after), RULE);
      expect(changes).toEqual([
        expect.objectContaining({
          side: 'new',
          pointer: '/properties/connectionParameterSets/values/0/parameters/region',
          line: lineOf(after.apiProperties, '"region"'),
        }),
      ]);
      expect(changes[0]!.message).toMatch(/parameter set 'key'/);
    });

    it('stays non-breaking when the required parameter comes in a new set: existing connections keep theirs', () => {
      const before = withSets(set('key', { ...apiKey }));
      const after = withSets(
        set('key', { ...apiKey }),
        set('regional', { ...apiKey, region: textParameter({ required: 'true' }) }),
      );
      const result = diffConnectors(before, after);
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    });
  });
});

// The same gap opens when a parameter connections could be made without becomes one every connection
// must fill: those made while it was optional (or hidden) may hold no value for it.
const REQUIRED_NOW = 'BRK-CONN-OPTIONAL-TO-REQUIRED';

/** The line of `"required"` in the constraints of the parameter `name` (the first after its key). */
function requiredLineOf(apiProperties: Json, name: string): number {
  return lineOf(apiProperties, '"required"', JSON.stringify(apiProperties, null, 2).indexOf(`"${name}"`));
}

describe(`${REQUIRED_NOW}: an existing connection parameter made one every connection must fill`, () => {
  it.each([
    ['optional ("false")', { required: 'false' }],
    ['optional by default (no required constraint)', {}],
  ])('fires once, on the required constraint, when it was %s', (_, constraints) => {
    const before = withParameters({ region: textParameter(constraints) });
    const after = withParameters({ region: textParameter({ ...constraints, required: 'true' }) });
    const result = diffConnectors(before, after);
    const changes = withRule(result, REQUIRED_NOW);
    expect(changes).toEqual([
      expect.objectContaining({
        breaking: true,
        severity: 'error',
        impact: 'breaking',
        file: 'apiProperties.json',
        side: 'new',
        pointer: '/properties/connectionParameters/region/uiDefinition/constraints/required',
        line: requiredLineOf(after.apiProperties, 'region'),
      }),
    ]);
    // Worded as BRK-OPTIONAL-TO-REQUIRED words it for an operation's parameter.
    expect(changes[0]!.message).toMatch(/^The optional connection parameter has become required\./);
    expect(changes[0]!.message).toMatch(/existing connections may hold no value for it/i);
    expect(changes[0]!.message).toMatch(/'region' was optional/);
    expect(changes[0]!.message).toMatch(/optional.*defaultValue.*new connection parameter set/);
    expect(changes[0]!.advice).toBe(
      'Keep it optional or give it a defaultValue, or offer it in a new connection parameter set.',
    );
    expect(changes[0]!.message).toMatch(
      /'region' was optional and is now required, shown and has no defaultValue\. Keep it optional /,
    );
    expect(result.classification).toBe('breaking');
    // The generic "Changed: uiDefinition.constraints" entry is this change; it is not listed again.
    expect(result.changes).toHaveLength(1);
  });

  it('fires when a hidden required parameter is shown: connections made while hidden hold no value', () => {
    const before = withParameters({ region: textParameter({ required: 'true', hidden: 'true' }) });
    const after = withParameters({ region: textParameter({ required: 'true', hidden: 'false' }) });
    const changes = withRule(diffConnectors(before, after), REQUIRED_NOW);
    expect(changes).toEqual([
      expect.objectContaining({
        pointer: '/properties/connectionParameters/region/uiDefinition/constraints/required',
        line: requiredLineOf(after.apiProperties, 'region'),
      }),
    ]);
    expect(changes[0]!.message).toMatch(/'region' was hidden/);
    expect(changes[0]!.advice).toBe(
      'Keep it hidden or give it a defaultValue, or offer it in a new connection parameter set.',
    );
    expect(changes[0]!.message).toMatch(/ Keep it hidden or give it a defaultValue, .*\.$/);
  });

  it.each([
    ['has a defaultValue', textParameter({ required: 'true' }, { defaultValue: 'eu' })],
    ['is hidden', textParameter({ required: 'true', hidden: 'true' })],
  ])('stays a non-breaking change when the parameter made required %s', (_, parameter) => {
    const before = withParameters({ region: textParameter({ required: 'false' }) });
    const result = diffConnectors(before, withParameters({ region: parameter }));
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')).toEqual([
      expect.objectContaining({ pointer: '/properties/connectionParameters/region', breaking: false }),
    ]);
  });

  it('stays quiet about a parameter that was required and shown already', () => {
    const before = withParameters({ region: textParameter({ required: true }) });
    const after = withParameters({ region: textParameter({ required: 'true' }) });
    expect(withRule(diffConnectors(before, after), REQUIRED_NOW)).toEqual([]);
  });

  it('fires on the parameter of an existing parameter set, naming the set', () => {
    const withSet = (region: Json): Required<ConnectorJson> => {
      const files = apiKeyConnector();
      files.apiProperties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Authentication', description: 'How to sign in.' },
        values: [
          {
            name: 'key',
            uiDefinition: { displayName: 'key', description: 'Sign in with a key.' },
            parameters: { ...validApiProperties().properties.connectionParameters, region },
          },
        ],
      };
      return files;
    };
    const after = withSet(textParameter({ required: 'true' }));
    const result = diffConnectors(withSet(textParameter({ required: 'false' })), after);
    const changes = withRule(result, REQUIRED_NOW);
    expect(changes).toEqual([
      expect.objectContaining({
        side: 'new',
        pointer:
          '/properties/connectionParameterSets/values/0/parameters/region/uiDefinition/constraints/required',
        line: requiredLineOf(after.apiProperties, 'region'),
      }),
    ]);
    expect(changes[0]!.message).toMatch(/parameter set 'key'/);
    expect(result.classification).toBe('breaking');
  });
});
