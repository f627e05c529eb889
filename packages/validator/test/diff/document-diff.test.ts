import { describe, expect, it } from '@jest/globals';
import { diffApiProperties, diffEdited, lineOf, withRule, type Json } from './diff-fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

describe('BRK-HOST-BASEPATH', () => {
  it('fires when the host changes', () => {
    const result = diffEdited((swagger) => (swagger.host = 'api.contoso.net'));
    expect(withRule(result, 'BRK-HOST-BASEPATH')[0]).toMatchObject({
      pointer: '/host',
      severity: 'warning',
      line: lineOf(validSwagger(), '"host"'),
    });
  });

  it("stays quiet when the base path is written another way ('/' for none, a trailing '/')", () => {
    const start = validSwagger();
    delete start.basePath;
    start.paths = Object.fromEntries(Object.entries(start.paths).map(([path, item]) => [`/v1${path}`, item]));
    const root = diffEdited((swagger) => (swagger.basePath = '/'), start);
    expect(root.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(root, 'CHG-OTHER')[0]).toMatchObject({ pointer: '/basePath', breaking: false });
    const trailing = diffEdited((swagger) => (swagger.basePath = '/v1/'));
    expect(trailing.changes.filter((change) => change.breaking)).toEqual([]);
  });

  it('fires when the base path changes the address of the operations', () => {
    const result = diffEdited((swagger) => (swagger.basePath = '/v2'));
    expect(withRule(result, 'BRK-HOST-BASEPATH')[0]!.message).toMatch(
      /from '\/v1' to '\/v2', moving every operation\. If the new address serves the same API/,
    );
    expect(withRule(result, 'BRK-PATH-CHANGED')).toEqual([]);
  });

  it('names the one operation a new base path moves when the other path templates took its prefix', () => {
    // Aranda Service Management (PowerPlatformConnectors 4428106b) moved '/asms' from its base path
    // into its path templates, but for TestConnection's '/connection': only that one moved.
    const result = diffEdited((swagger) => {
      swagger.basePath = '/';
      swagger.paths['/v1/tasks'] = swagger.paths['/tasks'];
      delete swagger.paths['/tasks'];
    });
    expect(result.changes.filter((change) => change.breaking)).toEqual([
      expect.objectContaining({ ruleId: 'BRK-HOST-BASEPATH', pointer: '/basePath', operationId: 'GetTask' }),
    ]);
    expect(result.changes.filter((change) => change.breaking)[0]!.message).toBe(
      "The host, base path or schemes have been changed. Existing flows now call another address. The basePath changed from '/v1' to '/', moving 'GetTask', whose path template stayed: it calls 'GET /tasks/{taskId}', not 'GET /v1/tasks/{taskId}'. If the new address serves the same API for existing connections, say so in the pull request, as reviewers ask; otherwise keep the old one.",
    );
  });

  it('names the operations a new base path moves when some path templates took its prefix', () => {
    const result = diffEdited((swagger) => {
      swagger.basePath = '/';
      swagger.paths['/v1/tasks/{taskId}'] = swagger.paths['/tasks/{taskId}'];
      delete swagger.paths['/tasks/{taskId}'];
    });
    const breaking = result.changes.filter((change) => change.breaking);
    expect(breaking.map((change) => change.ruleId)).toEqual(['BRK-HOST-BASEPATH']);
    expect(breaking[0]!.operationId).toBeUndefined();
    expect(breaking[0]!.message).toMatch(
      /moving the operations whose path template stayed: 'ListTasks', 'CreateTask'\. If the new address/,
    );
  });

  it('fires on a new base path that no operation of both versions can tell about', () => {
    // With no operation in both versions, any a flow could still call would go to another address.
    const start = validSwagger();
    delete start.basePath;
    start.paths = {};
    const result = diffEdited((swagger) => (swagger.basePath = '/v2'), start);
    expect(withRule(result, 'BRK-HOST-BASEPATH')).toEqual([
      expect.objectContaining({
        pointer: '/basePath',
        message: expect.stringContaining("The basePath changed from nothing to '/v2'. If the new address"),
      }),
    ]);
  });

  it('leaves out of the base path move an operation whose method changed: that is its own change', () => {
    const result = diffEdited((swagger) => {
      swagger.basePath = '/v2';
      swagger.paths['/tasks/{taskId}'] = { put: swagger.paths['/tasks/{taskId}'].get };
    });
    expect(withRule(result, 'BRK-HOST-BASEPATH')[0]!.message).toMatch(
      /moving the operations whose path template stayed: 'ListTasks', 'CreateTask'\. If the new address/,
    );
  });

  it('fires when https is dropped from the schemes', () => {
    const result = diffEdited((swagger) => (swagger.schemes = ['http']));
    expect(withRule(result, 'BRK-HOST-BASEPATH')[0]!.message).toMatch(/no longer include 'https'/);
  });

  it("lists 'http' dropped beside a kept 'https' as a non-breaking change", () => {
    // sms77io, Plumsail Documents and CobbleStone (PowerPlatformConnectors 4e46b4dd, e90251cb, 098fc8f8)
    // went https-only.
    const start = validSwagger();
    start.schemes = ['https', 'http'];
    const result = diffEdited((swagger) => (swagger.schemes = ['https']), start);
    expect(result.changes.filter((change) => change.breaking)).toEqual([]);
    expect(withRule(result, 'CHG-OTHER')[0]).toMatchObject({ pointer: '/schemes' });
    expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/'https' kept/);
  });

  it('still fires when http is dropped and https was not offered before', () => {
    const start = validSwagger();
    start.schemes = ['http'];
    const result = diffEdited((swagger) => (swagger.schemes = ['https']), start);
    expect(withRule(result, 'BRK-HOST-BASEPATH')[0]!.message).toMatch(/no longer include 'http'/);
  });

  it('stays quiet when a scheme is added', () => {
    const result = diffEdited((swagger) => swagger.schemes.push('http'));
    expect(withRule(result, 'BRK-HOST-BASEPATH')).toEqual([]);
  });
});

describe('BRK-AUTH-TYPE', () => {
  it('fires when the security definition changes from API key to OAuth', () => {
    const result = diffEdited((swagger) => {
      swagger.securityDefinitions = {
        oauth2_auth: {
          type: 'oauth2',
          flow: 'accessCode',
          authorizationUrl: 'https://login.contoso.com/authorize',
          tokenUrl: 'https://login.contoso.com/token',
          scopes: {},
        },
      };
    });
    const [change] = withRule(result, 'BRK-AUTH-TYPE');
    expect(change).toMatchObject({
      pointer: '/securityDefinitions/oauth2_auth',
      severity: 'error',
      breaking: true,
    });
    expect(change!.message).toMatch(/from an API key to OAuth \(accessCode\)/);
  });

  it('stays quiet when the security definition is only renamed', () => {
    const result = diffEdited((swagger) => {
      swagger.securityDefinitions = { api_key: swagger.securityDefinitions.API_Key };
    });
    expect(withRule(result, 'BRK-AUTH-TYPE')).toEqual([]);
  });

  it('fires when the API key of apiProperties becomes an OAuth sign-in', () => {
    const oauth = (provider: string) => ({
      type: 'oauthSetting',
      oAuthSettings: { identityProvider: provider, clientId: 'x', scopes: [] },
    });
    const result = diffApiProperties((properties) => {
      properties.properties.connectionParameters = { token: oauth('aad') };
    });
    expect(withRule(result, 'BRK-AUTH-TYPE')[0]).toMatchObject({
      pointer: '/properties/connectionParameters/token',
      file: 'apiProperties.json',
    });
  });

  describe('with parameter sets (multi-auth)', () => {
    const oauthSet = (name: string, provider: string): Json => ({
      name,
      uiDefinition: { displayName: name, description: `Sign in with ${name}.` },
      parameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: { identityProvider: provider, clientId: 'x', scopes: [] },
        },
      },
    });
    const withSets = (...sets: Json[]): Json => {
      const properties = validApiProperties();
      properties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Region' },
        values: sets,
      };
      return properties;
    };
    const start = (): Json => withSets(oauthSet('us', 'oauth2generic'), oauthSet('eu', 'oauth2generic'));

    it('stays quiet when a set is added and the others are kept (existing connections keep theirs)', () => {
      const result = diffApiProperties(
        (properties) => properties.properties.connectionParameterSets.values.push(oauthSet('entra', 'aad')),
        start(),
      );
      expect(result.changes.filter((change) => change.breaking)).toEqual([]);
      expect(withRule(result, 'CHG-OTHER')[0]!.message).toMatch(/now also offer 'entra'/);
    });

    it('fires when a set is removed, or a kept set changes its identity provider', () => {
      const removed = diffApiProperties(
        (properties) => properties.properties.connectionParameterSets.values.pop(),
        start(),
      );
      expect(withRule(removed, 'BRK-AUTH-TYPE')).toHaveLength(1);
      const changed = diffApiProperties((properties) => {
        const values = properties.properties.connectionParameterSets.values;
        values[0] = oauthSet('us', 'aad');
        values.push(oauthSet('entra', 'aad'));
      }, start());
      expect(withRule(changed, 'BRK-AUTH-TYPE')).toHaveLength(1);
    });
  });

  it('stays quiet for a tooltip edit, which is a minor update', () => {
    const result = diffApiProperties((properties) => {
      properties.properties.connectionParameters.api_key.uiDefinition.tooltip = 'Settings, API.';
      properties.properties.iconBrandColor = '#112233';
    });
    expect(withRule(result, 'BRK-AUTH-TYPE')).toEqual([]);
    expect(result.changes.every((change) => change.impact === 'minor')).toBe(true);
    expect(result.classification).toBe('minor-update');
  });
});

describe('classification', () => {
  it('is no-change for an identical swagger', () => {
    expect(diffEdited(() => undefined)).toEqual({ changes: [], classification: 'no-change' });
  });

  it('is minor for info description and contact edits, major for a new title', () => {
    expect(diffEdited((swagger) => (swagger.info.description = 'Plan tasks.')).classification).toBe(
      'minor-update',
    );
    expect(diffEdited((swagger) => (swagger.info.contact.email = 'help@contoso.com')).classification).toBe(
      'minor-update',
    );
    expect(diffEdited((swagger) => (swagger.info.title = 'Contoso Work')).classification).toBe(
      'major-update',
    );
  });

  it('is major for an unrecognised change such as a policy template', () => {
    const result = diffEdited((swagger) => (swagger['x-ms-policy-template-instances'] = []));
    expect(result.changes[0]).toMatchObject({
      ruleId: 'CHG-OTHER',
      pointer: '/x-ms-policy-template-instances',
    });
    expect(result.classification).toBe('major-update');
  });

  it('lists changes to a definition no operation uses', () => {
    const result = diffEdited((swagger) => (swagger.definitions.Unused = { type: 'object' }));
    expect(result.changes[0]!.message).toMatch(/definitions entry 'Unused' has been added/);
  });
});
