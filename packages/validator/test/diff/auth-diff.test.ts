import { describe, expect, it } from '@jest/globals';
import { diffConnectors, lineOf, withRule, type ConnectorJson, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// Each case is a pattern seen in PowerPlatformConnectors' history (the connector named in the test):
// for a custom connector the sign-in users get is the connectionParameters (or connectionParameterSets)
// of apiProperties.json; the swagger's securityDefinitions only decide when apiProperties has none.

/** The valid connector: an API key in both files. */
function apiKeyConnector(): Required<ConnectorJson> {
  return { swagger: validSwagger(), apiProperties: validApiProperties() };
}

/** An Entra ID (aad) sign-in as the portal exports it. */
function aadToken(resource = 'https://api.contoso.com'): Json {
  return {
    type: 'oauthSetting',
    oAuthSettings: {
      identityProvider: 'aad',
      clientId: '[[DUMMY]]',
      scopes: [],
      redirectMode: 'Global',
      redirectUrl: 'https://global.consent.azure-apim.net/redirect',
      properties: { IsFirstParty: 'False', AzureActiveDirectoryResourceId: resource },
      customParameters: {
        loginUri: { value: 'https://login.windows.net' },
        tenantId: { value: 'common' },
        resourceUri: { value: resource },
      },
    },
  };
}

function oauthToken(identityProvider: string, customParameters: Json = {}): Json {
  return {
    type: 'oauthSetting',
    oAuthSettings: {
      identityProvider,
      clientId: '[[DUMMY]]',
      scopes: ['offline_access'],
      redirectMode: 'Global',
      redirectUrl: 'https://global.consent.azure-apim.net/redirect',
      customParameters,
    },
  };
}

function textParameter(displayName: string, required = 'true'): Json {
  return { type: 'string', uiDefinition: { displayName, constraints: { required } } };
}

function secureParameter(displayName: string): Json {
  return { type: 'securestring', uiDefinition: { displayName, constraints: { required: 'true' } } };
}

const aadDefinition = {
  type: 'oauth2',
  flow: 'accessCode',
  authorizationUrl: 'https://login.windows.net/common/oauth2/authorize',
  tokenUrl: 'https://login.windows.net/common/oauth2/authorize',
  scopes: {},
};

/** A connector whose users sign in with `connectionParameters`, and a swagger that says `security`. */
function connector(connectionParameters: Json, securityDefinitions?: Json): Required<ConnectorJson> {
  const files = apiKeyConnector();
  files.apiProperties.properties.connectionParameters = connectionParameters;
  if (securityDefinitions === undefined) {
    delete files.swagger.securityDefinitions;
    delete files.swagger.security;
  } else {
    files.swagger.securityDefinitions = securityDefinitions;
    files.swagger.security = Object.keys(securityDefinitions).map((name) => ({ [name]: [] }));
  }
  return files;
}

function authChanges(before: ConnectorJson, after: ConnectorJson) {
  return withRule(diffConnectors(before, after), 'BRK-AUTH-TYPE');
}

describe('BRK-AUTH-TYPE: the sign-in of existing connections is what counts', () => {
  describe('stays quiet when only the swagger changes and apiProperties keeps the sign-in', () => {
    it('the swagger drops a stale securityDefinitions (dvelop, StabilityAI, Meisterplan)', () => {
      const before = apiKeyConnector();
      const after = connector(validApiProperties().properties.connectionParameters);
      const result = diffConnectors(before, after);
      expect(withRule(result, 'BRK-AUTH-TYPE')).toEqual([]);
      expect(withRule(result, 'CHG-OTHER')).toEqual([
        expect.objectContaining({ pointer: '/securityDefinitions', side: 'old', breaking: false }),
      ]);
      expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/apiProperties\.json/);
    });

    it('the swagger gains the securityDefinitions apiProperties already had (Text Analytics, AXtension)', () => {
      const apiKey = validApiProperties().properties.connectionParameters;
      expect(authChanges(connector(apiKey), apiKeyConnector())).toEqual([]);
      const aad = { token: aadToken() };
      expect(authChanges(connector(aad, {}), connector(aad, { oauth2_auth: aadDefinition }))).toEqual([]);
    });

    it("the swagger's OAuth flow changes under an unchanged oauthSetting (Cards for Power Apps)", () => {
      const token = { token: aadToken() };
      const implicit = { azure_auth: { ...aadDefinition, flow: 'implicit', tokenUrl: undefined } };
      expect(
        authChanges(connector(token, implicit), connector(token, { azure_auth: aadDefinition })),
      ).toEqual([]);
    });
  });

  it('stays quiet when an oauthSetting without identity provider gets one (Witivio)', () => {
    const empty = { token: { type: 'oauthSetting', oAuthSettings: {} } };
    const definitions = { oauth2_auth: aadDefinition };
    expect(authChanges(connector(empty, definitions), connector({ token: aadToken() }, definitions))).toEqual(
      [],
    );
  });

  it('stays quiet when parameter sets are added and existing connections keep the parameters outside them (Scrive eSign)', () => {
    const basic = { username: secureParameter('Username'), password: secureParameter('Password') };
    const before = connector(basic, { basic_auth: { type: 'basic' } });
    const after = connector(basic, {
      'oauth2-auth': { ...aadDefinition, authorizationUrl: 'https://auth.contoso.com/authorize' },
    });
    after.apiProperties.properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Authentication type', description: 'How to sign in.' },
      values: [
        { name: 'basic-auth', uiDefinition: { displayName: 'Basic' }, parameters: basic },
        {
          name: 'OAuth',
          uiDefinition: { displayName: 'OAuth' },
          parameters: { token: oauthToken('oauth2') },
        },
      ],
    };
    const result = diffConnectors(before, after);
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
  });

  it('stays quiet when the identity provider is only written in other capitals', () => {
    const after = connector({ token: aadToken() });
    after.apiProperties.properties.connectionParameters.token.oAuthSettings.identityProvider = 'AAD';
    expect(authChanges(connector({ token: aadToken() }), after)).toEqual([]);
  });

  it('stays quiet when authentication is removed: existing connections keep working without it', () => {
    expect(authChanges(apiKeyConnector(), connector({}))).toEqual([]);
  });

  it('stays quiet when basic authentication keeps only its password: existing connections hold it', () => {
    const before = connector({ username: textParameter('User'), password: secureParameter('Password') });
    expect(authChanges(before, connector({ password: secureParameter('Password') }))).toEqual([]);
  });

  describe('fires once, on the line that changed', () => {
    it('an API key becomes an OAuth sign-in in both files (Tilkee, dox42)', () => {
      const after = connector({ token: aadToken() }, { oauth2_auth: aadDefinition });
      const result = diffConnectors(apiKeyConnector(), after);
      const changes = withRule(result, 'BRK-AUTH-TYPE');
      expect(changes).toEqual([
        expect.objectContaining({
          file: 'apiProperties.json',
          side: 'new',
          pointer: '/properties/connectionParameters/token',
          line: lineOf(after.apiProperties, '"token"'),
          severity: 'error',
        }),
      ]);
      expect(changes[0]!.message).toMatch(/from an API key \('api_key'\) to OAuth \(aad\)/);
      // The removed api_key and the added token are that one change, not two more, and the swagger's
      // new securityDefinitions are part of it too.
      expect(result.changes.filter((change) => change.file === 'apiProperties.json')).toHaveLength(1);
      expect(result.changes.filter((change) => change.pointer === '/securityDefinitions')).toEqual([]);
      expect(result.classification).toBe('breaking');
    });

    it('the identity provider changes (Highspot: aad to oauth2)', () => {
      const after = connector({ token: oauthToken('oauth2') }, { oauth2_auth: aadDefinition });
      const [change, ...more] = authChanges(
        connector({ token: aadToken() }, { oauth2_auth: aadDefinition }),
        after,
      );
      expect(more).toEqual([]);
      expect(change).toMatchObject({
        file: 'apiProperties.json',
        pointer: '/properties/connectionParameters/token/oAuthSettings/identityProvider',
        line: lineOf(after.apiProperties, '"identityProvider"'),
      });
      expect(change!.message).toMatch(/identity provider changed from 'aad' to 'oauth2'/);
    });

    it('the API key parameter is renamed: existing connections hold no value under the new name', () => {
      const after = connector({ apiKey: secureParameter('API Key') }, validSwagger().securityDefinitions);
      const [change, ...more] = authChanges(apiKeyConnector(), after);
      expect(more).toEqual([]);
      expect(change).toMatchObject({
        file: 'apiProperties.json',
        pointer: '/properties/connectionParameters/apiKey',
        line: lineOf(after.apiProperties, '"apiKey"'),
      });
      expect(change!.message).toMatch(/'apiKey'/);
    });

    it('counts a renamed API key that does not say it is required as a credential users typed in', () => {
      // Unlike BRK-REQ-CONN-PARAM-ADDED, which needs "required": "true", a sign-in parameter is a
      // credential unless it says it is optional.
      const silent = { type: 'securestring', uiDefinition: { displayName: 'API Key' } };
      const after = connector({ apiKey: silent }, validSwagger().securityDefinitions);
      const [change, ...more] = authChanges(apiKeyConnector(), after);
      expect(more).toEqual([]);
      expect(change).toMatchObject({ pointer: '/properties/connectionParameters/apiKey' });
    });

    it('lists an API key sent in the query instead of a header as a change, not a break: connections hold its value', () => {
      const after = apiKeyConnector();
      after.swagger.securityDefinitions.API_Key = { type: 'apiKey', in: 'query', name: 'key' };
      const result = diffConnectors(apiKeyConnector(), after);
      expect(withRule(result, 'BRK-AUTH-TYPE')).toEqual([]);
      expect(withRule(result, 'CHG-OTHER')).toEqual([
        expect.objectContaining({ pointer: '/securityDefinitions', breaking: false }),
      ]);
    });

    it('stays quiet when the API key header or a parameter name only changes case (HrFlow, Dime.Scheduler)', () => {
      const header = apiKeyConnector();
      header.swagger.securityDefinitions.API_Key.name = 'x-api-key';
      expect(authChanges(apiKeyConnector(), header)).toEqual([]);
      const basic = (name: string): Json => ({
        [name]: textParameter('User'),
        password: secureParameter('Password'),
      });
      expect(authChanges(connector(basic('userName')), connector(basic('username')))).toEqual([]);
    });

    it('authentication is added where there was none', () => {
      const before = connector({ siteUrl: textParameter('Site URL') });
      const after = connector(
        { siteUrl: textParameter('Site URL'), api_key: secureParameter('API Key') },
        validSwagger().securityDefinitions,
      );
      const [change, ...more] = authChanges(before, after);
      expect(more).toEqual([]);
      expect(change).toMatchObject({
        file: 'apiProperties.json',
        pointer: '/properties/connectionParameters/api_key',
      });
      expect(change!.message).toMatch(/from no authentication to an API key/);
    });

    it('an OAuth sign-in needs a parameter existing connections lack (3E Events, ZohoSign)', () => {
      const generic = (host: string): Json => ({
        token: oauthToken('oauth2generic', {
          authorizationUrlTemplate: { value: `https://{${host}}/oauth/authorize` },
          tokenUrlTemplate: { value: `https://{${host}}/oauth/token` },
        }),
        [`token:${host}`]: textParameter('Host'),
        'token:notes': textParameter('Notes', 'false'),
      });
      const after = connector(generic('customHost'));
      const [change, ...more] = authChanges(connector(generic('envName')), after);
      expect(more).toEqual([]);
      expect(change).toMatchObject({
        pointer: '/properties/connectionParameters/token:customHost',
        line: lineOf(after.apiProperties, '"token:customHost"'),
      });
      expect(change!.message).toMatch(/'token:customHost'/);
    });

    it('asks for every new credential when a renamed API key comes with a second one, naming no rename', () => {
      const after = connector({ key: secureParameter('Key'), secret: secureParameter('Secret') });
      const [change, ...more] = authChanges(connector({ api_key: secureParameter('API Key') }), after);
      expect(more).toEqual([]);
      expect(change).toMatchObject({ pointer: '/properties/connectionParameters/key' });
      expect(change!.message).toMatch(
        / The sign-in now needs 'key', 'secret', which existing connections hold no value for\.$/,
      );
    });

    it('tells a change between an API key and OAuth as the change of kind alone, either way', () => {
      const apiKey = connector({ api_key: secureParameter('API Key') });
      const oauth = connector({ token: aadToken() });
      expect(authChanges(apiKey, oauth).map((change) => change.message)).toEqual([
        expect.stringMatching(/ It changed from an API key \('api_key'\) to OAuth \(aad\)\.$/),
      ]);
      expect(authChanges(oauth, apiKey).map((change) => change.message)).toEqual([
        expect.stringMatching(/ It changed from OAuth \(aad\) to an API key \('api_key'\)\.$/),
      ]);
    });

    it('names the first five kinds of a swagger sign-in and counts the others', () => {
      const kinds = Object.fromEntries(
        ['kind1', 'kind2', 'kind3', 'kind4', 'kind5', 'kind6', 'kind7'].map((type) => [type, { type }]),
      );
      const before = connector({}, kinds);
      const after = connector({ api_key: secureParameter('API Key') }, kinds);
      expect(authChanges(before, after).map((change) => change.message)).toEqual([
        expect.stringMatching(
          / It changed from kind1 \+ kind2 \+ kind3 \+ kind4 \+ kind5 and 2 more to an API key \('api_key'\)\.$/,
        ),
      ]);
    });

    it("lists a swagger sign-in edit without saying apiProperties.json decides when the new version's swagger does", () => {
      const after = connector({}, { API_Key: { type: 'apiKey', in: 'query', name: 'key' } });
      const result = diffConnectors(apiKeyConnector(), after);
      expect(withRule(result, 'BRK-AUTH-TYPE')).toEqual([]);
      expect(
        result.changes
          .filter((change) => change.pointer === '/securityDefinitions')
          .map((change) => change.message),
      ).toEqual(['Other properties have been changed. Changed: securityDefinitions.']);
    });
  });

  describe('with parameter sets (multi-auth)', () => {
    const region = (name: string): Json => ({
      name,
      uiDefinition: { displayName: name.toUpperCase(), description: `Sign in to ${name}.` },
      parameters: { token: oauthToken('oauth2generic') },
    });
    const withSets = (connectionParameters: Json, ...names: string[]): Required<ConnectorJson> => {
      const files = connector(connectionParameters);
      files.apiProperties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Region', description: 'Where your account is.' },
        values: names.map(region),
      };
      return files;
    };

    it('fires once for the sets that were removed, in the old file (Maximizer, 3E Events)', () => {
      const before = withSets({}, 'us', 'eu', 'uk', 'ca');
      const after = withSets({}, 'us');
      const changes = authChanges(before, after);
      expect(changes).toEqual([
        expect.objectContaining({
          file: 'apiProperties.json',
          side: 'old',
          pointer: '/properties/connectionParameterSets/values/1',
          line: lineOf(before.apiProperties, '"name": "eu"') - 1,
        }),
      ]);
      expect(changes[0]!.message).toMatch(/'eu', 'uk', 'ca'/);
    });

    it('names both names, once and on the new set, when a set is renamed with the same parameters', () => {
      const before = withSets({}, 'us', 'eu');
      const after = withSets({}, 'us', 'europe');
      const changes = diffConnectors(before, after).changes;
      expect(changes.map((change) => change.ruleId)).toEqual(['BRK-AUTH-TYPE']);
      expect(changes[0]).toMatchObject({
        side: 'new',
        pointer: '/properties/connectionParameterSets/values/1',
        line: lineOf(after.apiProperties, '"name": "europe"') - 1,
      });
      expect(changes[0]!.message).toMatch(/The parameter set 'eu' is now 'europe'; .*old name/);
      expect(changes[0]!.message).not.toMatch(/removed/);
      // Told apart from what changed, as each change's advice is (the job summary groups by it).
      expect(changes[0]!.advice).toBe(
        "Keep the old name (the set's uiDefinition.displayName is what users see, and can change).",
      );
      expect(changes[0]!.message).toMatch(/can no longer sign in\. Keep the old name \(.*\)\.$/);
    });

    it('tells a set removed beside a new one with other parameters, or two removed beside one new, as removed', () => {
      const apiKeySet = region('key');
      apiKeySet.parameters = { api_key: secureParameter('API key') };
      const cases: [Required<ConnectorJson>, Required<ConnectorJson>][] = [
        [withSets({}, 'us', 'eu'), withSets({}, 'us')],
        [withSets({}, 'us', 'eu', 'uk'), withSets({}, 'us', 'europe')],
      ];
      cases[0]![1].apiProperties.properties.connectionParameterSets.values.push(apiKeySet);
      for (const [before, after] of cases) {
        const changes = authChanges(before, after);
        expect(changes).toHaveLength(1);
        expect(changes[0]!.message).toMatch(/been removed/);
        expect(changes[0]!.message).not.toMatch(/is now/);
      }
    });

    it('says one set removed in the singular', () => {
      const [change] = authChanges(withSets({}, 'us', 'eu'), withSets({}, 'us'));
      expect(change!.message).toContain(
        "The parameter set 'eu' has been removed; connections made with it can no longer sign in.",
      );
    });

    it('tells a set renamed whose sign-in also changed as removed: its connections lose the sign-in anyway', () => {
      const after = withSets({}, 'us', 'europe');
      after.apiProperties.properties.connectionParameterSets.values[1].parameters.token = oauthToken('aad');
      const changes = authChanges(withSets({}, 'us', 'eu'), after);
      expect(changes.map((change) => change.message)).toEqual([
        expect.stringMatching(/'eu' has been removed/),
      ]);
    });

    it('fires once for one edit made to several sets (3E Events renames a parameter in every region)', () => {
      const before = withSets({}, 'us', 'eu', 'uk');
      const after = withSets({}, 'us', 'eu', 'uk');
      for (const set of after.apiProperties.properties.connectionParameterSets.values) {
        set.parameters['token:instanceId'] = textParameter('Instance ID');
      }
      const changes = authChanges(before, after);
      expect(changes).toEqual([
        expect.objectContaining({
          side: 'new',
          pointer: '/properties/connectionParameterSets/values/0/parameters/token:instanceId',
        }),
      ]);
      expect(changes[0]!.message).toMatch(/parameter sets 'us', 'eu', 'uk': .*'token:instanceId'/);
    });

    it('advises keeping the parameters outside the sets beside the one set, in the singular', () => {
      const changes = authChanges(withSets({ token: oauthToken('oauth2generic') }, 'us'), withSets({}, 'us'));
      expect(changes.map((change) => change.advice)).toEqual(["Keep them beside the parameter set 'us'."]);
    });

    it('tells a swagger sign-in given up for parameter sets as a change from its kind, on the first set', () => {
      const before = connector({}, validSwagger().securityDefinitions);
      const after = withSets({}, 'us', 'eu');
      after.swagger = before.swagger;
      const changes = authChanges(before, after);
      expect(changes).toEqual([
        expect.objectContaining({
          side: 'new',
          pointer: '/properties/connectionParameterSets/values/0',
          message: expect.stringMatching(/ It changed from an API key to the parameter sets 'us', 'eu'\.$/),
        }),
      ]);
    });

    it('fires when the parameters outside the sets are dropped: connections made before the sets used them (3E Events)', () => {
      const before = withSets({ token: oauthToken('oauth2generic') }, 'us', 'eu');
      const after = withSets({}, 'us', 'eu');
      const changes = authChanges(before, after);
      expect(changes).toEqual([
        expect.objectContaining({ side: 'old', pointer: '/properties/connectionParameters' }),
      ]);
      expect(changes[0]!.advice).toBe("Keep them beside the parameter sets 'us', 'eu'.");
      expect(changes[0]!.message).toMatch(
        /connections made without a parameter set used them\. Keep them beside the parameter sets 'us', 'eu'\.$/,
      );
    });
  });
});

// "Changed: oAuthSettings.scopes." said what, not what it means: existing connections keep the
// consent their users gave, so a new scope reaches them only when they sign in again.
describe('changed OAuth scopes: no break, but what they mean for existing connections', () => {
  const withScopes = (scopes: unknown) => {
    const token = oauthToken('oauth2');
    token.oAuthSettings.scopes = scopes;
    return connector({ token }, { oauth2: aadDefinition });
  };
  const told = (before: unknown, after: unknown) =>
    diffConnectors(withScopes(before), withScopes(after)).changes.map(({ ruleId, impact, message }) => ({
      ruleId,
      impact,
      message,
    }));

  it('a scope added: existing connections lack it until their users sign in again', () => {
    expect(told(['offline_access'], ['offline_access', 'boards:read'])).toEqual([
      {
        ruleId: 'CHG-OTHER',
        impact: 'major',
        message:
          "Other properties have been changed. Changed: oAuthSettings.scopes. Existing connections keep the scopes their users consented to, without 'boards:read', until they sign in again: flows that use them keep working as before, but an operation that needs a new scope fails on them until then, so tell users to sign in to their connections again.",
      },
    ]);
  });

  it('a scope removed: new connections lack it', () => {
    expect(told(['offline_access', 'boards:read'], ['offline_access'])).toEqual([
      expect.objectContaining({
        message:
          "Other properties have been changed. Changed: oAuthSettings.scopes. New connections no longer ask for 'boards:read', which existing ones keep: check that no operation needs it, or it fails on the new connections alone.",
      }),
    ]);
  });

  it('says no more of scopes only reordered', () => {
    expect(told(['a', 'b'], ['b', 'a'])).toEqual([
      expect.objectContaining({
        message: 'Other properties have been changed. Changed: oAuthSettings.scopes.',
      }),
    ]);
  });
});

// The same change of scopes in a parameter set, or in the swagger's oauth2 securityDefinition where the
// swagger decides the sign-in, said only "Changed: …": the note is the one a connection parameter's has.
describe('changed OAuth scopes elsewhere: the same note', () => {
  const ADDED =
    "Existing connections keep the scopes their users consented to, without 'boards:read', until they sign in again: flows that use them keep working as before, but an operation that needs a new scope fails on them until then, so tell users to sign in to their connections again.";
  const REMOVED =
    "New connections no longer ask for 'boards:read', which existing ones keep: check that no operation needs it, or it fails on the new connections alone.";
  const messages = (before: ConnectorJson, after: ConnectorJson) =>
    diffConnectors(before, after).changes.map(({ ruleId, impact, message }) => ({ ruleId, impact, message }));

  describe("a parameter set's oAuthSettings.scopes", () => {
    const withSetScopes = (scopes: unknown) => {
      const files = connector({}, { oauth2: aadDefinition });
      const token = oauthToken('oauth2');
      token.oAuthSettings.scopes = scopes;
      files.apiProperties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Authentication type', description: 'How to sign in.' },
        values: [
          {
            name: 'key',
            uiDefinition: { displayName: 'API key' },
            parameters: { apiKey: secureParameter('Key') },
          },
          { name: 'oauth', uiDefinition: { displayName: 'OAuth' }, parameters: { token } },
        ],
      };
      return files;
    };
    const told = (before: unknown, after: unknown) => messages(withSetScopes(before), withSetScopes(after));
    const CHANGED =
      "Other properties have been changed. Changed: connectionParameterSets 'oauth' parameter 'token' oAuthSettings.scopes.";

    it('a scope added: existing connections lack it until their users sign in again', () => {
      expect(told(['offline_access'], ['offline_access', 'boards:read'])).toEqual([
        { ruleId: 'CHG-OTHER', impact: 'major', message: `${CHANGED} ${ADDED}` },
      ]);
    });

    it('a scope removed: new connections lack it', () => {
      expect(told(['offline_access', 'boards:read'], ['offline_access'])).toEqual([
        { ruleId: 'CHG-OTHER', impact: 'major', message: `${CHANGED} ${REMOVED}` },
      ]);
    });

    it('says no more of scopes only reordered', () => {
      expect(told(['a', 'b'], ['b', 'a'])).toEqual([
        { ruleId: 'CHG-OTHER', impact: 'major', message: CHANGED },
      ]);
    });
  });

  describe("an oauth2 securityDefinition's scopes (name → description), where the swagger decides the sign-in", () => {
    const withDefinitionScopes = (scopes: Json) =>
      connector({}, { oauth2_auth: { ...aadDefinition, scopes } });
    const told = (before: Json, after: Json) =>
      messages(withDefinitionScopes(before), withDefinitionScopes(after));
    const CHANGED = 'Other properties have been changed. Changed: securityDefinitions.';

    it('a scope added: existing connections lack it until their users sign in again', () => {
      expect(
        told(
          { offline_access: 'Stay signed in' },
          { offline_access: 'Stay signed in', 'boards:read': 'Read boards' },
        ),
      ).toEqual([{ ruleId: 'CHG-OTHER', impact: 'major', message: `${CHANGED} ${ADDED}` }]);
    });

    it('a scope removed: new connections lack it', () => {
      expect(
        told(
          { offline_access: 'Stay signed in', 'boards:read': 'Read boards' },
          { offline_access: 'Stay signed in' },
        ),
      ).toEqual([{ ruleId: 'CHG-OTHER', impact: 'major', message: `${CHANGED} ${REMOVED}` }]);
    });

    it('says no more of scopes only reordered, or only described otherwise', () => {
      expect(told({ a: 'A', b: 'B' }, { b: 'B', a: 'A' })).toEqual([]);
      expect(told({ a: 'A' }, { a: 'Another A' })).toEqual([
        { ruleId: 'CHG-OTHER', impact: 'major', message: CHANGED },
      ]);
    });

    // The platform asks for the scopes of apiProperties.json's connection parameters: the swagger's
    // edit reaches no connection, as the entry already says.
    it('says nothing of scopes where apiProperties.json decides the sign-in', () => {
      const decided = (scopes: Json) =>
        connector({ token: oauthToken('oauth2') }, { oauth2_auth: { ...aadDefinition, scopes } });
      expect(messages(decided({}), decided({ 'boards:read': 'Read boards' }))).toEqual([
        {
          ruleId: 'CHG-OTHER',
          impact: 'major',
          message:
            'Other properties have been changed. Changed: securityDefinitions. Connections sign in as the connection parameters of apiProperties.json say, so this edit alone changes no sign-in.',
        },
      ]);
    });
  });
});
