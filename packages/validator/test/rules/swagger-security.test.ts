import { describe, expect, it } from '@jest/globals';
import { describeRuleCases, editableConnector, findingsOf } from './swagger/rule-cases.js';

const oauth = {
  type: 'oauth2',
  flow: 'accessCode',
  authorizationUrl: 'https://login.contoso.com/authorize',
  tokenUrl: 'https://login.contoso.com/token',
  scopes: { 'tasks.read': 'Read tasks' },
};

describeRuleCases([
  {
    id: 'SWG-SEC-DEFINED',
    fires: 'fires on a requirement naming an undefined scheme',
    breaks: (c) => (c.swagger.security = [{ apiKey: [] }]),
    pointer: '/security/0/apiKey',
    // A warning: 32 merged connectors upstream have one, 15 of them added since 2023 (session 20).
    severity: 'warning',
    message:
      /^The security requirement 'apiKey' is not defined in the 'securityDefinitions' object\. Use the name of a defined scheme: 'API_Key'\.$/,
  },
  {
    id: 'SWG-SEC-DEFINED',
    fires: 'fires as a warning for an independent publisher too',
    breaks: (c) => (c.swagger.security = [{ apiKey: [] }]),
    pointer: '/security/0/apiKey',
    severity: 'warning',
    profile: 'independent-publisher',
  },
  {
    id: 'SWG-SEC-DEFINED',
    fires: 'fires on a requirement when no scheme is defined',
    breaks: (c) => {
      delete c.swagger.securityDefinitions;
      c.swagger.security = [{ oauth2_auth: [] }];
    },
    pointer: '/security/0/oauth2_auth',
    severity: 'warning',
    message:
      /^The security requirement 'oauth2_auth' is not defined in the 'securityDefinitions' object\. Define the scheme there, or remove the requirement\.$/,
  },
  {
    id: 'SWG-SEC-SCOPE',
    fires: 'fires on a scope the definition does not list',
    breaks: (c) => {
      c.swagger.securityDefinitions = { oauth2: oauth };
      c.swagger.security = [{ oauth2: ['tasks.write'] }];
    },
    pointer: '/security/0/oauth2/0',
    // The defined scopes: Talkdesk's requirement pasted a "scope": "description" pair as one scope.
    message:
      /^The OAuth security requirement 'oauth2' refers to scope name 'tasks.write', but this is not defined in the 'securityDefinitions' object\. Use a scope that securityDefinitions 'oauth2' lists: 'tasks.read'; or add 'tasks.write' to its scopes\.$/,
  },
  {
    id: 'SWG-SEC-SCOPE',
    fires: 'fires on a scope when the definition lists none',
    breaks: (c) => {
      c.swagger.securityDefinitions = { oauth2: { ...oauth, scopes: {} } };
      c.swagger.security = [{ oauth2: ['tasks.write'] }];
    },
    pointer: '/security/0/oauth2/0',
    message:
      /not defined in the 'securityDefinitions' object\. Add 'tasks.write' to the scopes of securityDefinitions 'oauth2'\.$/,
  },
  {
    id: 'SWG-SEC-EMPTY',
    fires: 'fires on scopes in an apiKey requirement',
    breaks: (c) => (c.swagger.security = [{ API_Key: ['read'] }]),
    pointer: '/security/0/API_Key',
    message: /cannot specify any scopes, an empty array should be provided/,
  },
  {
    id: 'SWG-SEC-EMPTY',
    fires: 'fires on a requirement without value',
    breaks: (c) => (c.swagger.security = [{ API_Key: null }]),
    pointer: '/security/0/API_Key',
    message: /must have have a value/,
  },
  {
    id: 'SWG-SEC-PROPS',
    fires: 'fires on an accessCode flow without tokenUrl',
    breaks: (c) => {
      const { tokenUrl: _removed, ...withoutToken } = oauth;
      c.swagger.securityDefinitions = { oauth2: withoutToken };
      c.swagger.security = [{ oauth2: [] }];
    },
    pointer: '/securityDefinitions/oauth2/tokenUrl',
    message: /'tokenUrl' is required for definitions of type 'oauth2' with flow 'accessCode'/,
  },
  {
    id: 'SWG-SEC-PROPS',
    fires: 'fires on a flow on an apiKey definition',
    breaks: (c) => (c.swagger.securityDefinitions.API_Key.flow = 'implicit'),
    pointer: '/securityDefinitions/API_Key/flow',
    message: /'flow' is not valid for definitions of type 'apiKey'/,
  },
  {
    id: 'SWG-SEC-PROPS',
    fires: 'fires on an apiKey in a cookie',
    breaks: (c) => (c.swagger.securityDefinitions.API_Key.in = 'cookie'),
    pointer: '/securityDefinitions/API_Key/in',
  },
  {
    id: 'SWG-SEC-PROPS',
    fires: 'fires on an application flow without tokenUrl',
    breaks: (c) => {
      c.swagger.securityDefinitions = { oauth2: { type: 'oauth2', flow: 'application', scopes: {} } };
      c.swagger.security = [{ oauth2: [] }];
    },
    pointer: '/securityDefinitions/oauth2/tokenUrl',
  },
  {
    id: 'SWG-SEC-DEFINED',
    fires: "fires on an operation's own requirement naming an undefined scheme",
    breaks: (c) => (c.swagger.paths['/tasks'].get.security = [{ apiKey: [] }]),
    pointer: '/paths/~1tasks/get/security/0/apiKey',
    severity: 'warning',
  },
  {
    id: 'SWG-SEC-PROPS-CONSISTENCY',
    fires: 'warns on an oauth2 definition without an oauthSetting parameter',
    breaks: (c) => {
      c.swagger.securityDefinitions = { oauth2: oauth };
      c.swagger.security = [{ oauth2: [] }];
    },
    pointer: '/securityDefinitions/oauth2/type',
    severity: 'warning',
  },
]);

describe('security definitions the rules leave alone', () => {
  it("SWG-SEC-EMPTY: scopes of an undefined scheme are SWG-SEC-DEFINED's", async () => {
    const connector = editableConnector();
    connector.swagger.security = [{ apiKey: ['read'] }];
    expect(await findingsOf('SWG-SEC-EMPTY', connector)).toEqual([]);
  });
  it('SWG-SEC-PROPS: an apiKey in the query, and a description on any type', async () => {
    const connector = editableConnector();
    connector.swagger.securityDefinitions.API_Key.in = 'query';
    connector.swagger.securityDefinitions.basic = { type: 'basic', description: 'User name and password' };
    expect(await findingsOf('SWG-SEC-PROPS', connector)).toEqual([]);
  });
  // Without apiProperties.json there are no connection parameters to compare: REPO-REQUIRED-FILES says it is missing.
  it('SWG-SEC-PROPS-CONSISTENCY: a folder without apiProperties.json', async () => {
    const connector = editableConnector();
    connector.swagger.securityDefinitions = { oauth2: oauth };
    connector.swagger.security = [{ oauth2: [] }];
    delete connector.files['apiProperties.json'];
    expect(await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector)).toEqual([]);
  });
});

describe('SWG-SEC-PROPS-CONSISTENCY with multi-auth', () => {
  it('finds the oauthSetting parameter in connectionParameterSets', async () => {
    const connector = editableConnector();
    connector.swagger.securityDefinitions = { oauth2: oauth };
    connector.swagger.security = [{ oauth2: [] }];
    connector.apiProperties.properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Authentication', description: 'How to sign in' },
      values: [{ name: 'oauth', parameters: { token: { type: 'oauthSetting', oAuthSettings: {} } } }],
    };
    expect(await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector)).toEqual([]);
  });

  // RamQuest Actions - UAT (certified) writes "oAuthSetting": PROP-CP-TYPE reports the case; the
  // platform reads the type in any case, so users can sign in.
  it('finds an oauthSetting parameter whose type is written in another case', async () => {
    const connector = editableConnector();
    connector.swagger.securityDefinitions = { oauth2: oauth };
    connector.swagger.security = [{ oauth2: [] }];
    connector.apiProperties.properties.connectionParameters = {
      token: { type: 'oAuthSetting', oAuthSettings: {} },
    };
    expect(await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector)).toEqual([]);
  });

  it('wants username and password parameters, in any case, for a basic definition', async () => {
    const connector = editableConnector();
    connector.swagger.securityDefinitions = { basic: { type: 'basic' } };
    connector.swagger.security = [{ basic: [] }];
    connector.apiProperties.properties.connectionParameters = {
      UserName: { type: 'securestring' },
      PASSWORD: { type: 'securestring' },
    };
    expect(await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector)).toEqual([]);
    delete connector.apiProperties.properties.connectionParameters.PASSWORD;
    const findings = await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector);
    expect(findings.map((finding) => finding.pointer)).toEqual(['/securityDefinitions/basic/type']);
  });

  it('does not require the apiKey definition name to match the parameter name', async () => {
    const connector = editableConnector();
    expect(connector.swagger.securityDefinitions.API_Key).toBeDefined();
    expect(connector.apiProperties.properties.connectionParameters.api_key).toBeDefined();
    expect(await findingsOf('SWG-SEC-PROPS-CONSISTENCY', connector)).toEqual([]);
  });
});
