import { describe, expect, it } from '@jest/globals';
import { runRules, runRulesInHouse } from '../helpers/fixture.js';
import { validApiProperties, validConnectorFiles } from '../helpers/valid-connector.js';
import type { Profile } from '../../src/model/finding.js';
import { apiPropertiesPolicyRules } from '../../src/rules/api-properties/policy-rules.js';

/** The `properties` object of apiProperties.json, loosely typed like the valid connector's. */
type Properties = ReturnType<typeof validApiProperties>;

/** The valid connector with its apiProperties changed by `edit`. */
function withProperties(edit: (properties: Properties) => void): Record<string, object | string> {
  const apiProperties = validApiProperties();
  edit(apiProperties.properties);
  return { ...validConnectorFiles(), 'apiProperties.json': apiProperties };
}

const oauth = (settings: Record<string, unknown>) => (properties: Properties) => {
  properties.connectionParameters = {
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        clientId: 'abc',
        scopes: [],
        redirectMode: 'GlobalPerConnector',
        ...settings,
      },
    },
  };
};

async function run(files: Record<string, object | string>, id: string, profile: Profile = 'certified') {
  return runRules(files, [id], profile);
}

describe('valid connector', () => {
  it('passes every apiProperties rule', async () => {
    const ids = [
      'PROP-SCHEMA',
      'PROP-ROOT',
      'PROP-BRAND-REQ',
      'PROP-UNKNOWN-KEYS',
      'PROP-CP-NAME',
      'PROP-CP-TYPE',
      'PROP-CP-UI',
      'PROP-CP-HIDDEN-TYPE',
      'PROP-BRAND-FORMAT',
      'PROP-BRAND-FORBIDDEN',
      'PROP-PUBLISHER',
      'PROP-PUBLISHER-TEMPLATE',
      'PROP-TENANTID',
      'PROP-OAUTH-IDP',
      'PROP-OAUTH-REDIRECT',
      'PROP-OAUTH-SECRET',
      'PROP-POLICY',
      'PROP-CAPABILITIES',
      'PROP-SCRIPTOPS',
    ];
    expect(await runRules(validConnectorFiles(), ids)).toEqual([]);
  });
});

describe('PROP-SCHEMA', () => {
  it('reports a wrong type in Newtonsoft wording, at the value', async () => {
    const findings = await run(withProperties(oauth({ scopes: 'read' })), 'PROP-SCHEMA');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'PROP-SCHEMA',
      severity: 'error',
      pointer: '/properties/connectionParameters/token/oAuthSettings/scopes',
      message: 'Invalid type. Expected Array but got String.',
    });
  });
  // PROS AI lists its URL and the global-test counterpart: which one to keep is the question.
  it('says to keep, of a redirectUrl list, the URL the connector signs in through', async () => {
    const own = 'https://global.consent.azure-apim.net/redirect/contoso';
    const listed = (redirectMode: string, redirectUrl: unknown[]) =>
      run(withProperties(oauth({ redirectMode, redirectUrl })), 'PROP-SCHEMA');
    const findings = await listed('GlobalPerConnector', [
      'https://global-test.consent.azure-apim.net/redirect/contoso',
      own,
    ]);
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/properties/connectionParameters/token/oAuthSettings/redirectUrl',
        `Invalid type. Expected String but got Array. An OAuth connection parameter has one redirect URL: keep the one it signs in through, as a string: "redirectUrl": "${own}".`,
      ],
    ]);
    // Global signs in through the shared URL, which the list does not hold: no URL to name.
    expect((await listed('Global', [own])).map((finding) => finding.message)).toEqual([
      'Invalid type. Expected String but got Array. An OAuth connection parameter has one redirect URL: write the one it signs in through as a string.',
    ]);
  });
  it('names a required property written in another case', async () => {
    // Azure Communication Services SMS Events: "oauthSettings" for "oAuthSettings".
    const files = withProperties((properties) => {
      oauth({})(properties);
      const token = properties.connectionParameters.token as Record<string, unknown>;
      token.oauthSettings = token.oAuthSettings;
      delete token.oAuthSettings;
    });
    const findings = await run(files, 'PROP-SCHEMA');
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        '/properties/connectionParameters/token',
        "Required properties are missing from object: oAuthSettings. 'oauthSettings' is there: names are case-sensitive, write 'oAuthSettings'.",
      ],
    ]);
  });
  it('accepts scriptOperations, connectionParameterSets and a boolean hidden', async () => {
    const files = withProperties((properties) => {
      properties.scriptOperations = ['ListTasks'];
      properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Auth' },
        values: [
          {
            name: 'key',
            parameters: {
              api_key: { type: 'securestring', uiDefinition: { constraints: { hidden: true } } },
            },
          },
        ],
      };
    });
    expect(await run(files, 'PROP-SCHEMA')).toEqual([]);
  });
});

describe('PROP-ROOT', () => {
  it('fires on a root key other than properties', async () => {
    const files = {
      ...validConnectorFiles(),
      'apiProperties.json': { ...validApiProperties(), iconBrandColor: '#3b5bdb' },
    };
    const findings = await run(files, 'PROP-ROOT');
    expect(findings).toMatchObject([{ ruleId: 'PROP-ROOT', pointer: '/iconBrandColor' }]);
    expect(findings[0]!.message).toMatch(/Property 'iconBrandColor' has not been defined/);
  });
});

describe('PROP-BRAND-REQ', () => {
  it('fires without iconBrandColor', async () => {
    const findings = await run(
      withProperties((p) => delete p.iconBrandColor),
      'PROP-BRAND-REQ',
    );
    expect(findings).toMatchObject([
      { severity: 'error', message: 'Required properties are missing from object: iconBrandColor.' },
    ]);
  });
});

describe('PROP-UNKNOWN-KEYS', () => {
  it('warns on a typo under properties, at the key', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColour = '#000000')),
      'PROP-UNKNOWN-KEYS',
    );
    expect(findings).toMatchObject([{ severity: 'warning', pointer: '/properties/iconBrandColour' }]);
    expect(findings[0]!.message).toBe(
      "Property 'iconBrandColour' has not been defined and the schema does not allow additional properties. It is likely a misspelling of 'iconBrandColor': rename it, the platform ignores 'iconBrandColour'.",
    );
  });
  it('lists the allowed keys when the unknown key misspells none of them', async () => {
    const findings = await run(
      withProperties((p) => (p.website = 'https://contoso.com')),
      'PROP-UNKNOWN-KEYS',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "Property 'website' has not been defined and the schema does not allow additional properties. The platform ignores it: remove it, or use one of the keys allowed under properties: iconBrandColor, publisher, stackOwner, capabilities, connectionParameters, connectionParameterSets, policyTemplateInstances, scriptOperations, isCustomApi, script.",
    );
  });
});

describe('PROP-CP-NAME', () => {
  it('fires on a dash in a parameter name', async () => {
    const findings = await run(
      withProperties((p) => (p.connectionParameters = { 'api-key': { type: 'securestring' } })),
      'PROP-CP-NAME',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/connectionParameters/api-key' }]);
  });
});

describe('PROP-CP-TYPE', () => {
  it('fires on a wrongly cased type', async () => {
    const findings = await run(
      withProperties((p) => (p.connectionParameters.api_key.type = 'oAuthSetting')),
      'PROP-CP-TYPE',
    );
    expect(findings).toMatchObject([
      { severity: 'error', pointer: '/properties/connectionParameters/api_key/type' },
    ]);
    expect(findings[0]!.message).toMatch(/^Value "oAuthSetting" is not defined in enum\./);
  });
});

describe('PROP-CP-UI', () => {
  it('fires on a string tabIndex and notes a boolean required', async () => {
    const findings = await run(
      withProperties(
        (p) => (p.connectionParameters.api_key.uiDefinition.constraints = { tabIndex: '2', required: true }),
      ),
      'PROP-CP-UI',
    );
    expect(findings.map((f) => [f.severity, f.pointer])).toEqual([
      ['error', '/properties/connectionParameters/api_key/uiDefinition/constraints/tabIndex'],
      ['info', '/properties/connectionParameters/api_key/uiDefinition/constraints/required'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Invalid type. Expected Integer but got String. Write tabIndex as an integer, e.g. 2, not "2".',
      'constraints.required is the boolean true; the schema documents the string "true". Write it as the string: "required": "true".',
    ]);
  });
  it('says what uiDefinition holds when it is null', async () => {
    const findings = await run(
      withProperties((p) => (p.connectionParameters.api_key.uiDefinition = null)),
      'PROP-CP-UI',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Invalid type. Expected Object but got Null. Write uiDefinition as an object such as { "displayName": "API key", "description": "Your Contoso API key", "tooltip": "…", "constraints": { "required": "true" } }, or leave it out.',
    ]);
  });
});

describe('PROP-CP-HIDDEN-TYPE', () => {
  it('notes a string hidden', async () => {
    const findings = await run(
      withProperties((p) => (p.connectionParameters.api_key.uiDefinition.constraints.hidden = 'true')),
      'PROP-CP-HIDDEN-TYPE',
    );
    expect(findings).toMatchObject([{ severity: 'info' }]);
    expect(findings[0]!.message).toMatch(/^Invalid type\. Expected Boolean but got String\./);
  });
  it('accepts a boolean', async () => {
    expect(
      await run(
        withProperties((p) => (p.connectionParameters.api_key.uiDefinition.constraints.hidden = true)),
        'PROP-CP-HIDDEN-TYPE',
      ),
    ).toEqual([]);
  });
});

describe('PROP-BRAND-FORMAT', () => {
  it('fires on a colour name', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = 'blue')),
      'PROP-BRAND-FORMAT',
    );
    expect(findings).toMatchObject([{ severity: 'error', pointer: '/properties/iconBrandColor', line: 18 }]);
  });
  // `#RRGGBBAA`, as design tools copy a colour with its alpha: the platform takes six digits.
  it('fires on a colour with an alpha channel', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '#3b5bdbff')),
      'PROP-BRAND-FORMAT',
    );
    expect(findings).toMatchObject([{ severity: 'error', pointer: '/properties/iconBrandColor' }]);
  });
});

describe('a brand colour written without its #', () => {
  it('PROP-BRAND-FORMAT names the colour meant, with its #', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '007ee5')),
      'PROP-BRAND-FORMAT',
    );
    expect(findings).toMatchObject([
      {
        severity: 'error',
        pointer: '/properties/iconBrandColor',
        message: expect.stringMatching(
          /^The iconBrandColor "007ee5" is not an HTML hex colour; write it as #007ee5, with its '#'\./,
        ),
      },
    ]);
  });

  it('the other rules judge the colour meant: the default blue is refused in the same run', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '007ee5')),
      'PROP-BRAND-FORBIDDEN',
    );
    expect(findings).toMatchObject([
      { severity: 'error', message: expect.stringContaining('#007ee5 is not allowed') },
    ]);
    const independent = await run(
      withProperties((p) => (p.iconBrandColor = 'da3b01')),
      'PROP-BRAND-IP',
      'independent-publisher',
    );
    expect(independent).toEqual([]);
  });
});

describe('PROP-BRAND-FORBIDDEN', () => {
  it('rejects the default blue, case-insensitively', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '#007EE5')),
      'PROP-BRAND-FORBIDDEN',
    );
    expect(findings).toMatchObject([{ severity: 'error', pointer: '/properties/iconBrandColor' }]);
  });
  it('warns on near-white', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '#fefefe')),
      'PROP-BRAND-FORBIDDEN',
    );
    expect(findings).toMatchObject([{ severity: 'warning' }]);
  });
  it('rejects white as an error, not only as almost white', async () => {
    const findings = await run(
      withProperties((p) => (p.iconBrandColor = '#FFFFFF')),
      'PROP-BRAND-FORBIDDEN',
    );
    expect(findings).toMatchObject([
      { severity: 'error', message: expect.stringContaining('is not allowed') },
    ]);
  });
  // #eeeeee, a merged workaround for the white ban, still looks white; a channel below 0xEE is a colour.
  it('warns from #eeeeee up, and not where any one channel is below 0xEE', async () => {
    const severities = async (colour: string) =>
      (
        await run(
          withProperties((p) => (p.iconBrandColor = colour)),
          'PROP-BRAND-FORBIDDEN',
        )
      ).map((finding) => finding.severity);
    expect(await severities('#eeeeee')).toEqual(['warning']);
    expect(await severities('#edffff')).toEqual([]);
    expect(await severities('#ffedff')).toEqual([]);
    expect(await severities('#ffffed')).toEqual([]);
  });
});

describe('PROP-BRAND-IP', () => {
  it('requires #da3b01 for independent publishers', async () => {
    const findings = await run(validConnectorFiles(), 'PROP-BRAND-IP', 'independent-publisher');
    expect(findings).toMatchObject([{ severity: 'error', pointer: '/properties/iconBrandColor' }]);
  });
  it('accepts #DA3B01', async () => {
    expect(
      await run(
        withProperties((p) => (p.iconBrandColor = '#DA3B01')),
        'PROP-BRAND-IP',
        'independent-publisher',
      ),
    ).toEqual([]);
  });
});

describe('PROP-PUBLISHER', () => {
  it('asks for stackOwner, as reviewers do', async () => {
    const findings = await run(
      withProperties((p) => delete p.stackOwner),
      'PROP-PUBLISHER',
      'independent-publisher',
    );
    expect(findings).toMatchObject([{ severity: 'error', pointer: '/properties/stackOwner' }]);
    expect(findings[0]!.message).toMatch(/^Please add the 'stackOwner' property/);
  });
  it('asks for a publisher written as spaces only', async () => {
    const findings = await run(
      withProperties((p) => (p.publisher = '   ')),
      'PROP-PUBLISHER',
      'independent-publisher',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/publisher' }]);
  });
  it('is off for custom connectors', async () => {
    expect(
      await run(
        withProperties((p) => delete p.stackOwner),
        'PROP-PUBLISHER',
        'custom',
      ),
    ).toEqual([]);
  });
});

describe('PROP-PUBLISHER-TEMPLATE', () => {
  it('fires on the template text', async () => {
    const findings = await run(
      withProperties((p) => (p.publisher = 'Full name or name of company or organization.')),
      'PROP-PUBLISHER-TEMPLATE',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/publisher' }]);
  });
  it("fires on the certified template's publisher and the independent-publisher template's stackOwner", async () => {
    const findings = await run(
      withProperties((p) => {
        p.publisher = 'Name of company or organization.';
        p.stackOwner = 'Name of company or organization that connector is connecting to.';
      }),
      'PROP-PUBLISHER-TEMPLATE',
    );
    expect(findings).toMatchObject([
      { pointer: '/properties/publisher' },
      { pointer: '/properties/stackOwner' },
    ]);
  });
  // The readme template's "Publisher's Name", carried over into apiProperties.json.
  it("fires on Publisher's Name", async () => {
    const findings = await run(
      withProperties((p) => (p.publisher = "Publisher's Name")),
      'PROP-PUBLISHER-TEMPLATE',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/publisher' }]);
  });
});

describe('PROP-TENANTID', () => {
  const tenant = (ui: Record<string, unknown>) => (p: Properties) => {
    p.connectionParameters['token:TenantId'] = {
      type: 'string',
      metadata: { sourceType: 'AzureActiveDirectoryTenant' },
      uiDefinition: { constraints: { hidden: 'true', required: 'false' }, ...ui },
    };
  };
  it("reports Microsoft's message for another description", async () => {
    const findings = await run(withProperties(tenant({ description: 'Your tenant' })), 'PROP-TENANTID');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^Invalid value for the description property within the UI Definition object\./,
    );
    expect(findings[0]!.pointer).toBe(
      '/properties/connectionParameters/token:TenantId/uiDefinition/description',
    );
  });
  it('accepts the shape merged connectors use', async () => {
    expect(await run(withProperties(tenant({})), 'PROP-TENANTID')).toEqual([]);
  });
  it('accepts hidden and required written as booleans', async () => {
    const booleans = (p: Properties) => {
      tenant({})(p);
      p.connectionParameters['token:TenantId'].uiDefinition.constraints = { hidden: true, required: false };
    };
    expect(await run(withProperties(booleans), 'PROP-TENANTID')).toEqual([]);
  });
  // A service-principal parameter set asks the user for the tenant (3E Events and Azure
  // Communication Services SMS Events, both certified): the fixed shape is connectionParameters'.
  const servicePrincipalSet = (tenantId: Record<string, unknown>) => (p: Properties) => {
    Object.assign(p, {
      connectionParameterSets: {
        uiDefinition: { displayName: 'Authentication type', description: 'How to sign in.' },
        values: [
          {
            name: 'servicePrincipal',
            uiDefinition: { displayName: 'Service principal', description: 'An app of your tenant.' },
            parameters: {
              token: {
                type: 'oauthSetting',
                oAuthSettings: {
                  identityProvider: 'aad',
                  redirectMode: 'GlobalPerConnector',
                  customParameters: {
                    resourceUri: { value: 'https://contoso.com' },
                    grantType: { value: 'client_credentials' },
                  },
                },
              },
              'token:TenantId': tenantId,
            },
          },
        ],
      },
    });
  };
  it('lets a parameter set ask the user for the tenant with its own texts', async () => {
    const findings = await run(
      withProperties(
        servicePrincipalSet({
          type: 'string',
          metadata: { sourceType: 'AzureActiveDirectoryTenant' },
          uiDefinition: {
            displayName: 'Tenant ID',
            description: 'Tenant ID of your Azure Active Directory application.',
            constraints: { required: 'true', hidden: 'false' },
          },
        }),
      ),
      'PROP-TENANTID',
    );
    expect(findings).toEqual([]);
  });
  it("still needs the tenant's type and metadata in a parameter set", async () => {
    const findings = await run(
      withProperties(servicePrincipalSet({ type: 'securestring', uiDefinition: {} })),
      'PROP-TENANTID',
    );
    expect(findings.map((finding) => finding.pointer).sort()).toEqual([
      '/properties/connectionParameterSets/values/0/parameters/token:TenantId/metadata',
      '/properties/connectionParameterSets/values/0/parameters/token:TenantId/type',
    ]);
  });
});

describe('PROP-OAUTH-IDP', () => {
  it('fires on an unknown identity provider', async () => {
    const findings = await run(withProperties(oauth({ identityProvider: 'google' })), 'PROP-OAUTH-IDP');
    expect(findings).toMatchObject([{ message: 'Value "google" is not defined in enum.' }]);
  });
  it('requires resourceUri for aad', async () => {
    const findings = await run(withProperties(oauth({ identityProvider: 'aad' })), 'PROP-OAUTH-IDP');
    expect(findings).toMatchObject([
      {
        severity: 'error',
        pointer: '/properties/connectionParameters/token/oAuthSettings/customParameters/resourceUri',
      },
    ]);
  });
  it('requires resourceUri for aadcertificate too', async () => {
    const findings = await run(
      withProperties(oauth({ identityProvider: 'aadcertificate', properties: { IsFirstParty: 'True' } })),
      'PROP-OAUTH-IDP',
    );
    expect(findings).toMatchObject([
      {
        severity: 'error',
        pointer: '/properties/connectionParameters/token/oAuthSettings/customParameters/resourceUri',
      },
    ]);
  });
  // Ten merged files write the boolean, which works: a warning, not the error of a wrong value.
  it('only warns on IsFirstParty written as a boolean', async () => {
    const findings = await run(
      withProperties(oauth({ properties: { IsFirstParty: false } })),
      'PROP-OAUTH-IDP',
    );
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        pointer: '/properties/connectionParameters/token/oAuthSettings/properties/IsFirstParty',
      },
    ]);
  });
  it('only warns on resourceUri cased otherwise, as a merged certified connector writes it', async () => {
    const findings = await run(
      withProperties(
        oauth({ identityProvider: 'aad', customParameters: { ResourceUri: { value: 'api://x' } } }),
      ),
      'PROP-OAUTH-IDP',
    );
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        pointer: '/properties/connectionParameters/token/oAuthSettings/customParameters/ResourceUri',
        message: "Write the custom parameter 'ResourceUri' as 'resourceUri', the name the schema defines.",
      },
    ]);
  });
  it("only warns on an oauth2 custom parameter cased unlike the schema's, and names the schema's", async () => {
    const findings = await run(
      withProperties(
        oauth({ identityProvider: 'oauth2', customParameters: { TokenUrl: { value: 'https://x/token' } } }),
      ),
      'PROP-OAUTH-IDP',
    );
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        pointer: '/properties/connectionParameters/token/oAuthSettings/customParameters/TokenUrl',
        message: "Write the custom parameter 'TokenUrl' as 'tokenUrl', the name the schema defines.",
      },
    ]);
  });
  it('accepts DocuSign', async () => {
    expect(await run(withProperties(oauth({ identityProvider: 'DocuSign' })), 'PROP-OAUTH-IDP')).toEqual([]);
  });
});

describe('PROP-OAUTH-REDIRECT', () => {
  it('warns on the legacy Global mode', async () => {
    const findings = await run(withProperties(oauth({ redirectMode: 'Global' })), 'PROP-OAUTH-REDIRECT');
    expect(findings).toMatchObject([
      { severity: 'warning', pointer: '/properties/connectionParameters/token/oAuthSettings/redirectMode' },
    ]);
  });
  it('fails on a wrong case', async () => {
    const findings = await run(withProperties(oauth({ redirectMode: 'global' })), 'PROP-OAUTH-REDIRECT');
    expect(findings).toMatchObject([{ severity: 'error' }]);
  });
  it('only notes GlobalPerConnector', async () => {
    const findings = await run(withProperties(oauth({})), 'PROP-OAUTH-REDIRECT');
    expect(findings).toMatchObject([{ severity: 'info' }]);
  });
  // A company's own connector has no upstream reviewers nor their pipeline: the platform's reason.
  it("gives the platform's reason, and no note on the upstream's pipeline, outside the layout", async () => {
    const global = await runRulesInHouse(withProperties(oauth({ redirectMode: 'Global' })), [
      'PROP-OAUTH-REDIRECT',
    ]);
    expect(global.map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'warning',
        'redirectMode Global uses the shared redirect URI https://global.consent.azure-apim.net/redirect; use GlobalPerConnector, the per-connector redirect URI that the platform recommends over the legacy shared one.',
      ],
    ]);
    expect(await runRulesInHouse(withProperties(oauth({})), ['PROP-OAUTH-REDIRECT'])).toEqual([]);
  });
});

describe('PROP-OAUTH-SECRET', () => {
  it('fires on a real-looking secret and masks it', async () => {
    const secret = 'q8R~x0P2mD3vN9bK7cL1zW4yT6uH5jF0gS8aE2';
    const findings = await run(withProperties(oauth({ clientSecret: secret })), 'PROP-OAUTH-SECRET');
    expect(findings).toMatchObject([
      { severity: 'error', pointer: '/properties/connectionParameters/token/oAuthSettings/clientSecret' },
    ]);
    expect(findings[0]!.message).not.toContain(secret);
  });
  // Committed under another spelling of the key, the secret is just as public.
  it('fires on the secret under clientsecret in lower case', async () => {
    const findings = await run(
      withProperties(oauth({ clientsecret: 'q8R~x0P2mD3vN9bK7cL1zW4yT6uH5jF0gS8aE2' })),
      'PROP-OAUTH-SECRET',
    );
    expect(findings).toMatchObject([
      { pointer: '/properties/connectionParameters/token/oAuthSettings/clientsecret' },
    ]);
  });
  it.each(['[[DUMMY]]', 'YOUR_CLIENT_SECRET', 'test', '<Enter your client secret>'])(
    'accepts the placeholder %s',
    async (value) => {
      expect(await run(withProperties(oauth({ clientSecret: value })), 'PROP-OAUTH-SECRET')).toEqual([]);
    },
  );
});

describe('PROP-POLICY', () => {
  const policy = (instance: object) => (p: Properties) => (p.policyTemplateInstances = [instance]);
  it('fires on a missing required parameter', async () => {
    const findings = await run(
      withProperties(
        policy({
          templateId: 'SetHeader',
          title: 'h',
          parameters: { 'x-ms-apimTemplateParameter.name': 'Accept' },
        }),
      ),
      'PROP-POLICY',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/policyTemplateInstances/0/parameters' }]);
    expect(findings[0]!.message).toMatch(/x-ms-apimTemplateParameter\.value/);
  });
  it('fires on an operationName that is not an operationId', async () => {
    const findings = await run(
      withProperties(
        policy({
          templateId: 'dynamichosturl',
          parameters: {
            'x-ms-apimTemplateParameter.urlTemplate': 'https://x',
            'x-ms-apimTemplate-operationName': ['ListTasks', 'Nope'],
          },
        }),
      ),
      'PROP-POLICY',
    );
    expect(findings).toMatchObject([
      { pointer: '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1' },
    ]);
    // The policy still applies to ListTasks: only this entry applies it to nothing.
    expect(findings[0]!.message).toBe(
      'The operation "Nope" does not exist in the swagger, so this entry applies the policy to no operation. Use an operationId of apiDefinition.swagger.json, or remove the entry.',
    );
  });
  it('names the operationId that an operationName differs from only in case', async () => {
    // Upstream wrote `Listforms` for the operation `ListForms`: only its case was wrong.
    const findings = await run(
      withProperties(
        policy({
          templateId: 'dynamichosturl',
          parameters: {
            'x-ms-apimTemplateParameter.urlTemplate': 'https://x',
            'x-ms-apimTemplate-operationName': ['Listtasks'],
          },
        }),
      ),
      'PROP-POLICY',
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      'The operation "Listtasks" does not exist in the swagger, so this entry applies the policy to no operation. Write "ListTasks", the operationId it differs from only in case.',
    ]);
  });
  it('names the parameter of an enumerated value, an unknown template and an operationName that is no list', async () => {
    const findings = await run(
      withProperties(
        (p) =>
          (p.policyTemplateInstances = [
            { templateId: 'nosuchtemplate', parameters: {} },
            {
              templateId: 'setheader',
              parameters: {
                'x-ms-apimTemplateParameter.name': 'Accept',
                'x-ms-apimTemplateParameter.value': 'json',
                'x-ms-apimTemplateParameter.existsAction': 'replace',
                'x-ms-apimTemplate-policySection': 'Req',
                'x-ms-apimTemplate-operationName': 'ListTasks',
              },
            },
          ]),
      ),
      'PROP-POLICY',
    );
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: '/properties/policyTemplateInstances/0/templateId',
        message:
          'Value "nosuchtemplate" is not defined in enum. It is not a known policy template; see https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates.',
      },
      {
        pointer: '/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplateParameter.existsAction',
        message: 'Value "replace" is not defined in enum. Use one of: override, skip, append.',
      },
      {
        pointer: '/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplate-policySection',
        message: 'Value "Req" is not defined in enum. Use one of: Request, Response, Failure.',
      },
      {
        pointer: '/properties/policyTemplateInstances/1/parameters/x-ms-apimTemplate-operationName',
        message: 'x-ms-apimTemplate-operationName is a list of operationIds.',
      },
    ]);
  });
  it('checks the policy section of every template, under its unprefixed key', async () => {
    // Merged connectors write x-ms-apimTemplate-policySection on dynamichosturl, setproperty and
    // others, not only on setheader; the value is matched with its case, as they all write it.
    const findings = await run(
      withProperties(
        (p) =>
          (p.policyTemplateInstances = [
            {
              templateId: 'dynamichosturl',
              parameters: {
                'x-ms-apimTemplateParameter.urlTemplate': 'https://x',
                'x-ms-apimTemplate-policySection': 'request',
              },
            },
            {
              templateId: 'setproperty',
              parameters: {
                'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body()',
                'x-ms-apimTemplateParameter.newPropertySubPathTemplate': 'a',
                'x-ms-apimTemplateParameter.propertyValuePathTemplate': '@body().b',
                'x-ms-apimTemplate-policySection': 'Response',
              },
            },
          ]),
      ),
      'PROP-POLICY',
    );
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-policySection',
        message: 'Value "request" is not defined in enum. Use one of: Request, Response, Failure.',
      },
    ]);
  });
  describe('a connection parameter that a policy names', () => {
    const header = (value: string) =>
      policy({
        templateId: 'setheader',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'Authorization',
          'x-ms-apimTemplateParameter.value': value,
        },
      });
    const valuePointer = '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value';
    it('fires on a name the connector does not define, with the names it does', async () => {
      // The API key became an OAuth `token`, and the header still reads the key.
      const findings = await run(
        withProperties((p) => {
          oauth({})(p);
          header("Bearer @connectionParameters('api_key')")(p);
        }),
        'PROP-POLICY',
      );
      expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
        {
          pointer: valuePointer,
          message:
            "@connectionParameters('api_key') names no connection parameter, so it has no value at run time. Define it under connectionParameters, or use one of: token.",
        },
      ]);
    });
    it('reports each undefined name of a value, with the one meant, and one in another case as an info note', async () => {
      const findings = await run(
        withProperties(
          header(
            "https://@connectionParameters('region').example.com/@connectionParameters('api_key')/@connectionParameters('API_KEY')/@connectionParameters('apikey')",
          ),
        ),
        'PROP-POLICY',
      );
      // Findings at one place come in the order of their messages. `API_KEY` is matched by the platform
      // (Translator V3's host reads 'TranslatorResourceName' for 'translatorResourceName'): a note.
      expect(findings.map(({ pointer, message, severity }) => ({ pointer, message, severity }))).toEqual([
        {
          pointer: valuePointer,
          message:
            "@connectionParameters('API_KEY') is written in another case than the connection parameter 'api_key'. The platform matches it, as merged connectors such as Translator V3 show, but write 'api_key' as it is defined, so that a search for the name finds every use.",
          severity: 'info',
        },
        {
          pointer: valuePointer,
          message:
            "@connectionParameters('apikey') names no connection parameter, so it has no value at run time. Define it under connectionParameters, or use one of: api_key. Did you mean 'api_key'?",
          severity: 'error',
        },
        {
          pointer: valuePointer,
          message:
            "@connectionParameters('region') names no connection parameter, so it has no value at run time. Define it under connectionParameters, or use one of: api_key.",
          severity: 'error',
        },
      ]);
    });
    it('looks for the name meant only while the rule still lists what it reports', async () => {
      // 1,001 references, each to a name four letters off `abcdefghijkl`; the listing holds 1,000 findings, and
      // the one past them stands in their count, its message not shown.
      const findings = await run(
        withProperties((p) => {
          p.connectionParameters = { abcdefghijkl: { type: 'string' } };
          header(
            Array.from(
              { length: 1001 },
              (_, i) => `@connectionParameters('abcdefgh${String(i).padStart(4, '0')}')`,
            ).join(' '),
          )(p);
        }),
        'PROP-POLICY',
      );
      expect(findings).toHaveLength(1001);
      const said = findings.filter((finding) =>
        finding.message.endsWith("use one of: abcdefghijkl. Did you mean 'abcdefghijkl'?"),
      );
      expect(said).toHaveLength(1000);
    });
    it('accepts the parameters of connection parameter sets and a reference with a default', async () => {
      const findings = await run(
        withProperties((p) => {
          p.connectionParameters = {};
          (p as Record<string, unknown>).connectionParameterSets = {
            uiDefinition: { displayName: 'Authentication', description: 'How to sign in' },
            values: [
              { name: 'key', uiDefinition: {}, parameters: { api_key: { type: 'securestring' } } },
              { name: 'host', uiDefinition: {}, parameters: { host: { type: 'string' } } },
            ],
          };
          header(
            "@connectionParameters('api_key') @{connectionParameters( 'host' )} @connectionParameters('notes','')",
          )(p);
        }),
        'PROP-POLICY',
      );
      expect(findings).toEqual([]);
    });
    it('says so when the connector defines no connection parameter', async () => {
      const findings = await run(
        withProperties((p) => {
          delete (p as Record<string, unknown>).connectionParameters;
          header("@connectionParameters('api_key')")(p);
        }),
        'PROP-POLICY',
      );
      expect(findings.map((finding) => finding.message)).toEqual([
        "@connectionParameters('api_key') names no connection parameter, so it has no value at run time. The connector defines none: define it under connectionParameters.",
      ]);
    });
  });
  it('says in its entry every enumerated value it checks, and that operationName is a list', () => {
    const description = apiPropertiesPolicyRules.find((rule) => rule.id === 'PROP-POLICY')!.description;
    for (const said of [
      "setheader's `x-ms-apimTemplateParameter.existsAction` (override, skip, append)",
      "routerequesttoendpoint's `x-ms-apimTemplateParameter.httpMethod` (GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD, @Request.OriginalHTTPMethod)",
      "every template's `x-ms-apimTemplate-policySection` (Request, Response, Failure)",
      '`x-ms-apimTemplate-operationName` is a list',
    ])
      expect(description).toContain(said);
  });
  it('reports a template parameter of another JSON type than the schema gives it, at the value', async () => {
    const findings = await run(
      withProperties(
        (p) =>
          (p.policyTemplateInstances = [
            {
              templateId: 'setheader',
              parameters: {
                'x-ms-apimTemplateParameter.name': 'X-Count',
                'x-ms-apimTemplateParameter.value': 5,
                'x-ms-apimTemplateParameter.existsAction': true,
                'x-ms-apimTemplate-policySection': ['Request'],
                'x-ms-apimTemplate-operationName': ['ListTasks', 7],
              },
            },
            {
              templateId: 'SetQueryParameter',
              parameters: {
                'x-ms-apimTemplateParameter.name': { a: 1 },
                'x-ms-apimTemplateParameter.value': '1',
              },
            },
            {
              templateId: 'pollingtrigger',
              parameters: {
                'x-ms-apimTemplateParameter.triggerConfig': 'since=@{triggerBody().created}',
                'x-ms-apimTemplateParameter.triggerDataPath': '@body().data',
              },
            },
          ]),
      ),
      'PROP-POLICY',
    );
    const at = (index: number, key: string) =>
      `/properties/policyTemplateInstances/${index}/parameters/${key}`;
    expect(findings.map(({ pointer, message }) => ({ pointer, message }))).toEqual([
      {
        pointer: at(0, 'x-ms-apimTemplateParameter.value'),
        message: 'Invalid type. Expected String but got Integer. Write it in quotes: "5".',
      },
      {
        pointer: at(0, 'x-ms-apimTemplateParameter.existsAction'),
        message: 'Invalid type. Expected String but got Boolean. Write it in quotes: "true".',
      },
      {
        pointer: at(0, 'x-ms-apimTemplate-policySection'),
        message: 'Invalid type. Expected String but got Array. Write a string.',
      },
      {
        pointer: at(0, 'x-ms-apimTemplate-operationName/1'),
        message:
          'Invalid type. Expected String but got Integer. Each entry is an operationId of apiDefinition.swagger.json, in quotes.',
      },
      {
        pointer: at(1, 'x-ms-apimTemplateParameter.name'),
        message: 'Invalid type. Expected String but got Object. Write a string.',
      },
      {
        pointer: at(2, 'x-ms-apimTemplateParameter.triggerConfig'),
        message:
          'Invalid type. Expected Object but got String. Write an object that maps each query parameter to its value expression, such as { "since": "@{triggerBody().data[0].created_time}" }.',
      },
    ]);
  });
  it('accepts the object triggerConfig of pollingtrigger and any parameter of an unpublished template', async () => {
    const findings = await run(
      withProperties(
        (p) =>
          (p.policyTemplateInstances = [
            {
              templateId: 'PollingTrigger',
              parameters: {
                'x-ms-apimTemplateParameter.triggerConfig': {
                  since: '@{triggerBody().data[0].created_time}',
                },
                'x-ms-apimTemplateParameter.triggerDataPath': '@body().data',
              },
            },
            { templateId: 'moveproperties', parameters: { 'x-ms-apimTemplateParameter.paths': ['a', 'b'] } },
          ]),
      ),
      'PROP-POLICY',
    );
    expect(findings).toEqual([]);
  });
  it('accepts templates missing from the published schema', async () => {
    expect(
      await run(withProperties(policy({ templateId: 'moveproperties', parameters: {} })), 'PROP-POLICY'),
    ).toEqual([]);
  });
});

describe('PROP-CAPABILITIES', () => {
  it('warns on an unknown capability', async () => {
    const findings = await run(
      withProperties((p) => (p.capabilities = ['action'])),
      'PROP-CAPABILITIES',
    );
    expect(findings).toMatchObject([{ severity: 'warning', pointer: '/properties/capabilities/0' }]);
  });
  it('accepts the capabilities merged connectors use', async () => {
    const findings = await run(
      withProperties((p) => (p.capabilities = ['actions', 'triggers', 'gateway', 'cloud only'])),
      'PROP-CAPABILITIES',
    );
    expect(findings).toEqual([]);
  });
  it('only notes a known capability written in capitals', async () => {
    const findings = await run(
      withProperties((p) => (p.capabilities = ['Actions'])),
      'PROP-CAPABILITIES',
    );
    expect(findings).toMatchObject([
      {
        severity: 'info',
        message:
          'Write the capability "Actions" in lower case: "actions". `connector-alm validate --fix` writes "actions".',
      },
    ]);
  });
});

describe('PROP-SCRIPTOPS', () => {
  it('fires on an operation that does not exist', async () => {
    const files = {
      ...withProperties((p) => (p.scriptOperations = ['ListTasks', 'ListTask'])),
      'script.csx': 'public class Script : ScriptBase {}',
    };
    const findings = await run(files, 'PROP-SCRIPTOPS');
    expect(findings).toMatchObject([{ severity: 'warning', pointer: '/properties/scriptOperations/1' }]);
  });
  it('fires when there is no script', async () => {
    const findings = await run(
      withProperties((p) => (p.scriptOperations = ['ListTasks'])),
      'PROP-SCRIPTOPS',
    );
    expect(findings).toMatchObject([{ pointer: '/properties/scriptOperations' }]);
  });

  // Newer tooling lists them under script.operationIds (certified Airmeet and AzureDigitalTwins).
  const SCRIPT = 'public class Script : ScriptBase {}';
  const scriptForm = (operationIds: unknown) => (p: Properties) =>
    (p.script = { language: 'CSharpScript', operationIds });

  it('reads script.operationIds as the list: no "runs for every operation" beside a script', async () => {
    const files = { ...withProperties(scriptForm(['ListTasks'])), 'script.csx': SCRIPT };
    expect(await run(files, 'PROP-SCRIPTOPS')).toEqual([]);
  });
  it('fires at the entry of script.operationIds that is no operation, and at the list without a script', async () => {
    const files = { ...withProperties(scriptForm(['ListTasks', 'ListTask'])), 'script.csx': SCRIPT };
    expect(await run(files, 'PROP-SCRIPTOPS')).toMatchObject([
      {
        severity: 'warning',
        pointer: '/properties/script/operationIds/1',
        message:
          'The script operation "ListTask" is not an operationId of the swagger, so the script never runs for it.',
      },
    ]);
    expect(await run(withProperties(scriptForm(['ListTasks'])), 'PROP-SCRIPTOPS')).toMatchObject([
      {
        pointer: '/properties/script/operationIds',
        message:
          'script.operationIds is set but the folder has no script.csx; add the script or remove script.operationIds.',
      },
    ]);
  });
  it('says which list it reads when both forms are written: a warning when they differ', async () => {
    const both = (operationIds: string[]) => ({
      ...withProperties((p) => {
        p.scriptOperations = ['ListTasks'];
        scriptForm(operationIds)(p);
      }),
      'script.csx': SCRIPT,
    });
    expect(await run(both(['ListTasks', 'GetTask']), 'PROP-SCRIPTOPS')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/properties/script/operationIds',
        message:
          "apiProperties.json lists the script's operations both in scriptOperations and in script.operationIds, and the lists differ. Which one the platform uses is not documented, and connector-alm reads scriptOperations: keep only one.",
      }),
    ]);
    expect(await run(both(['ListTasks']), 'PROP-SCRIPTOPS')).toMatchObject([
      { severity: 'info', pointer: '/properties/script/operationIds' },
    ]);
  });
  it('checks the entries of script.operationIds beside scriptOperations too', async () => {
    const files = {
      ...withProperties((p) => {
        p.scriptOperations = ['ListTasks'];
        scriptForm(['ListTasks', 'ListTask'])(p);
      }),
      'script.csx': SCRIPT,
    };
    expect((await run(files, 'PROP-SCRIPTOPS')).map((finding) => finding.pointer)).toEqual([
      '/properties/script/operationIds',
      '/properties/script/operationIds/1',
    ]);
  });
  it('owns the schema problems of script', async () => {
    const files = { ...withProperties(scriptForm('ListTasks')), 'script.csx': SCRIPT };
    expect(await run(files, 'PROP-SCRIPTOPS')).toMatchObject([
      { pointer: '/properties/script/operationIds', message: 'Invalid type. Expected Array but got String.' },
    ]);
  });
});

describe('PROP-PUBLISHER-OWNER', () => {
  it('warns an independent publisher whose publisher is the stackOwner, ignoring case and spaces', async () => {
    // The walk's Witivio copy ("Witivio" twice); the corpus's SureXeroLite.
    const findings = await run(
      withProperties((p) => {
        p.publisher = 'Contoso  ltd';
        p.stackOwner = 'Contoso Ltd';
      }),
      'PROP-PUBLISHER-OWNER',
      'independent-publisher',
    );
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        pointer: '/properties/publisher',
        message:
          'The publisher "Contoso  ltd" is also the stackOwner. In independent-publisher-connectors, publisher is you (your name, or your company) and stackOwner the company that owns the service. If you own the service, the connector belongs in certified-connectors.',
      },
    ]);
  });
  it('is quiet for a publisher who is not the owner, and for certified connectors, whose publisher usually is', async () => {
    const ip = withProperties((p) => {
      p.publisher = 'Jane Doe';
      p.stackOwner = 'Contoso Ltd';
    });
    expect(await run(ip, 'PROP-PUBLISHER-OWNER', 'independent-publisher')).toEqual([]);
    expect(await run(validConnectorFiles(), 'PROP-PUBLISHER-OWNER', 'certified')).toEqual([]);
  });
  it('ignores every space of the names, not only the first', async () => {
    const findings = await run(
      withProperties((p) => {
        p.publisher = 'Contoso Data  Labs';
        p.stackOwner = 'Contoso Data Labs';
      }),
      'PROP-PUBLISHER-OWNER',
      'independent-publisher',
    );
    expect(findings).toHaveLength(1);
  });
  // Two empty names are no owner publishing: PROP-PUBLISHER asks for both.
  it('is quiet when publisher and stackOwner are both empty', async () => {
    const empty = withProperties((p) => {
      p.publisher = ' ';
      p.stackOwner = '';
    });
    expect(await run(empty, 'PROP-PUBLISHER-OWNER', 'independent-publisher')).toEqual([]);
  });
});
