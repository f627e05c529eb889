import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  connectDataverse,
  createManualClock,
  parseServiceUrl,
  startLocalServer,
  type LocalServer,
} from '../src/index.js';
import { ENVIRONMENT_URL_KIND } from '../src/environment-url.js';
import type { ConnectionSettingError } from '../src/connection-setting-error.js';
import { DataverseHttp } from '../src/http/dataverse-http.js';
import { DataverseClient } from '../src/web-api/dataverse-client.js';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';

const NO_USER = 'bbbbbbbb-0000-4000-8000-000000000001';
const READ_ONLY = 'bbbbbbbb-0000-4000-8000-000000000002';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [
      { clientId: APP_ID, secret: SECRET },
      { clientId: NO_USER, secret: SECRET, applicationUser: false },
      { clientId: READ_ONLY, secret: SECRET, privileges: ['prvReadSolution'] },
    ],
    solutions: [buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.1' })],
  });
});
afterAll(() => server.close());

describe('Dataverse errors shown with their code and what to do', () => {
  it('an app registration without an application user: 0x80072560 and how to add one', async () => {
    const { client } = connectToLocal(server, { appId: NO_USER });
    await expect(client.whoAmI()).rejects.toMatchObject({
      code: '0x80072560',
      message: expect.stringContaining('The user is not a member of the organization'),
      hint: expect.stringContaining('Application users'),
    });
  });

  it('a missing privilege: 0x80040220, naming the privilege and the role to give', async () => {
    const { client } = connectToLocal(server, { appId: READ_ONLY });
    await expect(client.startExportAsync({ solutionName: 'Contoso', managed: false })).rejects.toMatchObject({
      code: '0x80040220',
      message: expect.stringContaining('prvExportSolution'),
      hint: expect.stringContaining('security role'),
    });
  });

  it('a 401 that persists after a new token says HTTP 401 once, with what to check', async () => {
    // As the Web API refuses a token: no body, only the status and a Bearer challenge.
    server.faults.inject(
      {
        kind: 'status',
        status: 401,
        body: '',
        headers: { 'WWW-Authenticate': `Bearer authorization_uri=${server.authorityHost}/oauth2/authorize` },
      },
      { operation: 'WhoAmI', times: 2 },
    );
    const { client } = connectToLocal(server);
    const before = server.requests.length;
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe('WhoAmI failed: HTTP 401.');
    expect(error.hint).toBe(
      'Dataverse rejected the access token: check that --environment-url is the environment the app registration is set up for.',
    );
    // A new token was tried once, and refused as well.
    expect(server.requests.slice(before).map((r) => `${r.service} ${r.status}`)).toEqual([
      'login 200',
      'dataverse 401',
      'login 200',
      'dataverse 401',
    ]);
  });

  it('a wrong environment URL that answers without a Web API', async () => {
    // The login host is a real HTTP server with no /api/data: what a mistyped host often is.
    const logger = createMemoryLogger();
    const client = connectDataverse(
      {
        environmentUrl: server.authorityHost,
        tenantId: server.tenantId,
        appId: APP_ID,
        credential: { kind: 'secret', secret: SECRET },
        authorityHost: server.authorityHost,
      },
      { logger },
    );
    await expect(client.whoAmI()).rejects.toThrow(/AADSTS500011|no Dataverse Web API/);
  });

  it('refuses plain http for anything but loopback, and drops a copied page path', () => {
    expect(() => parseServiceUrl('http://contoso.crm.dynamics.com', ENVIRONMENT_URL_KIND)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/must use https/),
        hint: 'Plain http is accepted only for loopback hosts (localhost, 127.0.0.1, ::1).',
      }),
    );
    expect(parseServiceUrl('http://127.0.0.1:8080/main.aspx?appid=1', ENVIRONMENT_URL_KIND).toString()).toBe(
      'http://127.0.0.1:8080/',
    );
    expect(parseServiceUrl('https://contoso.crm.dynamics.com/', ENVIRONMENT_URL_KIND).origin).toBe(
      'https://contoso.crm.dynamics.com',
    );
  });

  it('never repeats a password or query string of a refused URL in the error', () => {
    for (const text of [
      'http://admin:Hunter2@contoso.crm.dynamics.com',
      'ftp://admin:Hunter2@contoso.crm.dynamics.com',
      'http://contoso.crm.dynamics.com/main.aspx?sig=Hunter2',
      'http://contoso.crm.dynamics.com/#access_token=Hunter2',
      'https://admin:Hunter2@contoso.crm.dynamics.com:44x3',
      // Well-formed and https: refused for the credentials alone, which are never sent on.
      'https://admin:Hunter2@contoso.crm.dynamics.com',
      // A password with a raw '/', '#' or '@' in it: the URL does not parse, or parses at the last '@'.
      'https://admin:Hun/ter2@contoso.crm.dynamics.com',
      'https://admin:Hun#ter2@contoso.crm.dynamics.com',
      'http://admin:Hun@ter2@contoso.crm.dynamics.com',
      // No '//': 'admin:' reads as the scheme.
      'admin:Hunter2@contoso.crm.dynamics.com',
      // A query with an e-mail address in it, before the secret.
      'http://contoso.crm.dynamics.com/main.aspx?login_hint=ann@contoso.com&sig=Hunter2',
    ]) {
      const error = (() => {
        try {
          parseServiceUrl(text, ENVIRONMENT_URL_KIND);
        } catch (caught) {
          return caught as Error & { hint?: string };
        }
        throw new Error(`${text} was accepted`);
      })();
      expect(`${error.message} ${error.hint ?? ''}`).not.toContain('ter2');
    }
    expect(() =>
      parseServiceUrl('http://contoso.crm.dynamics.com/main.aspx?sig=1', ENVIRONMENT_URL_KIND),
    ).toThrow("Environment URL 'http://contoso.crm.dynamics.com/main.aspx' must use https.");
  });

  it('refuses a URL with a user name alone, or a password alone, as with both', () => {
    for (const text of [
      'https://admin@contoso.crm.dynamics.com',
      'https://:Hunter2@contoso.crm.dynamics.com',
    ])
      expect(() => parseServiceUrl(text, ENVIRONMENT_URL_KIND)).toThrow(
        'Environment URL must not contain a user name or password.',
      );
  });

  it("is said of an action's input, with a colon before the value it shows and none without one", () => {
    const refusal = (text: string) => {
      try {
        parseServiceUrl(text, ENVIRONMENT_URL_KIND);
      } catch (error) {
        return (error as ConnectionSettingError).namedAsInput('environment-url').message;
      }
      throw new Error(`${text} was accepted`);
    };
    expect(refusal('contoso.crm.dynamics.com')).toBe(
      "Input 'environment-url': 'contoso.crm.dynamics.com' is not a URL.",
    );
    expect(refusal('https://admin:Hunter2@contoso.crm.dynamics.com')).toBe(
      "Input 'environment-url' must not contain a user name or password.",
    );
  });

  it('catches an environment URL from another cloud before asking Entra ID', () => {
    expect(() =>
      connectDataverse(
        {
          environmentUrl: 'https://contoso.crm.microsoftdynamics.us',
          tenantId: server.tenantId,
          appId: APP_ID,
          credential: { kind: 'secret', secret: 'x' },
        },
        { logger: createMemoryLogger() },
      ),
    ).toThrow(/UsGovHigh/);
  });

  it('signs a GCC environment (crm9) in at the public login host when cloud is left at Public', async () => {
    // GCC tenants live in the commercial Entra ID: only GCC High, DoD and China have their own login host.
    const requests: string[] = [];
    const fakeFetch = async (input: string | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(input);
      if (url.pathname.endsWith('/oauth2/v2.0/token')) {
        requests.push(
          `${url.origin}${url.pathname} scope=${new URLSearchParams(String(init?.body)).get('scope')}`,
        );
        return Response.json({ token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ.gcc.token' });
      }
      requests.push(`${url.origin}${url.pathname}`);
      return Response.json({ BusinessUnitId: 'b', UserId: 'u', OrganizationId: 'o' });
    };
    for (const cloud of [undefined, 'Public', 'UsGov']) {
      requests.length = 0;
      const client = connectDataverse(
        {
          environmentUrl: 'https://contoso.crm9.dynamics.com',
          tenantId: server.tenantId,
          appId: APP_ID,
          credential: { kind: 'secret', secret: 'x' },
          ...(cloud ? { cloud } : {}),
        },
        { logger: createMemoryLogger(), fetch: fakeFetch },
      );
      await client.whoAmI();
      expect(requests).toEqual([
        `https://login.microsoftonline.com/${server.tenantId}/oauth2/v2.0/token scope=https://contoso.crm9.dynamics.com/.default`,
        'https://contoso.crm9.dynamics.com/api/data/v9.2/WhoAmI',
      ]);
    }
  });
});

describe('the local server is as strict as the service', () => {
  async function token(): Promise<string> {
    const response = await fetch(`${server.authorityHost}/${server.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: SECRET,
        scope: `${server.environmentUrl}/.default`,
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }
  const odata = { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };

  it('rejects a request without the OData headers', async () => {
    const response = await fetch(`${server.environmentUrl}/api/data/v9.2/WhoAmI`, {
      headers: { Authorization: `Bearer ${await token()}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: '0x80060888', message: expect.stringContaining('OData-Version') },
    });
  });

  it('rejects a request without a token with 401 and a Bearer challenge', async () => {
    const response = await fetch(`${server.environmentUrl}/api/data/v9.2/WhoAmI`, { headers: odata });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
  });

  it('rejects an unknown action parameter and a missing required one', async () => {
    const headers = {
      ...odata,
      Authorization: `Bearer ${await token()}`,
      'Content-Type': 'application/json',
    };
    const unknown = await fetch(`${server.environmentUrl}/api/data/v9.2/ExportSolution`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ SolutionName: 'Contoso', Managed: false, Foo: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("'Foo'");
    const missing = await fetch(`${server.environmentUrl}/api/data/v9.2/ExportSolution`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ SolutionName: 'Contoso' }),
    });
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("'Managed'");
  });

  it('answers a $filter on a column of solutions, and refuses a column it lacks as the Web API words it', async () => {
    server.store.put(
      buildSolutionZip({ uniqueName: 'Quoted', displayName: "O'Brien Connectors", version: '1.0.0.0' }),
      false,
    );
    const headers = { ...odata, Authorization: `Bearer ${await token()}` };
    const query = (filter: string) =>
      fetch(
        `${server.environmentUrl}/api/data/v9.2/solutions?$select=uniquename,friendlyname&$filter=${encodeURIComponent(filter)}`,
        { headers },
      );
    const found = await query("friendlyname  eq  'o''brien connectors'");
    expect(found.status).toBe(200);
    expect(((await found.json()) as { value: unknown[] }).value).toEqual([
      { '@odata.etag': expect.any(String), uniquename: 'Quoted', friendlyname: "O'Brien Connectors" },
    ]);
    // Property names are case-sensitive in the Web API.
    const unknown = await query("FriendlyName eq 'x'");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: {
        code: '0x80060888',
        message: "Could not find a property named 'FriendlyName' on type 'Microsoft.Dynamics.CRM.solution'.",
      },
    });
  });

  it('rejects a token request whose scope is not a /.default scope (AADSTS70011)', async () => {
    const response = await fetch(`${server.authorityHost}/${server.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: SECRET,
        scope: `${server.environmentUrl}/user_impersonation`,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_scope',
      error_codes: [70011],
      trace_id: expect.any(String),
    });
  });
});

describe('a host that is not the Dataverse Web API', () => {
  it('says so when it answers 200 with a web page, instead of failing to parse it', async () => {
    // A sign-in page or a proxy in place of the environment: 200, text/html.
    const page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!DOCTYPE html><html><body>Sign in</body></html>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const { port } = page.address() as AddressInfo;
    try {
      const http = new DataverseHttp({
        environment: new URL(`http://127.0.0.1:${port}/`),
        tokens: { getToken: async () => 'token', invalidate: () => {} },
        fetch: globalThis.fetch,
        clock: createManualClock(Date.now()),
        logger: createMemoryLogger(),
      });
      await expect(http.get('WhoAmI', { operation: 'WhoAmI' })).rejects.toMatchObject({
        message: expect.stringMatching(/answered HTTP 200 with text\/html.*not with the Dataverse Web API/),
        hint: expect.stringMatching(/environment-url/),
      });
    } finally {
      await new Promise((resolve) => page.close(resolve));
    }
  });

  it('says so when it answers 200 with nothing at all, instead of failing on the missing rows', async () => {
    // A proxy or a captive portal that answers every request 200 and no body. The Web API answers a
    // request with nothing to say 204, and a read always with JSON.
    const empty = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end();
    });
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(empty.address() as AddressInfo).port}`;
    try {
      const clock = createManualClock(Date.now());
      const logger = createMemoryLogger();
      const http = new DataverseHttp({
        environment: new URL(`${origin}/`),
        tokens: { getToken: async () => 'token', invalidate: () => {} },
        fetch: globalThis.fetch,
        clock,
        logger,
      });
      const error = (await new DataverseClient(http, clock, logger)
        .findSolution('Contoso')
        .catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toBe(
        `Lookup of solution 'Contoso': ${origin} answered HTTP 200 with nothing, not with the Dataverse Web API's JSON.`,
      );
      expect(error.hint).toBe(
        'Check --environment-url: it must be the environment itself, e.g. https://contoso.crm.dynamics.com.',
      );
    } finally {
      await new Promise((resolve) => empty.close(resolve));
    }
  });

  it('says it has no Web API when it answers 404 or 405 without a Dataverse error, and quotes one that has it', async () => {
    // A web server that is not the environment has no /api/data: 404, or 405 for a POST it does not take.
    let answer: { status: number; body: string } = { status: 404, body: '' };
    const host = createServer((_request, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      const http = new DataverseHttp({
        environment: new URL(`${origin}/`),
        tokens: { getToken: async () => 'token', invalidate: () => {} },
        fetch: globalThis.fetch,
        clock: createManualClock(Date.now()),
        logger: createMemoryLogger(),
      });
      const failure = async () =>
        (await http.get('WhoAmI', { operation: 'WhoAmI' }).catch((e: unknown) => e)) as Error & {
          hint?: string;
        };
      for (const status of [404, 405]) {
        answer = { status, body: '' };
        const error = await failure();
        expect(error.message).toBe(`WhoAmI: ${origin} has no Dataverse Web API (HTTP ${status}).`);
        expect(error.hint).toBe(
          'Check --environment-url: it is the environment URL, e.g. https://contoso.crm.dynamics.com.',
        );
      }
      // Dataverse's own 404 names what it did not find: that is said, not a wrong URL.
      answer = {
        status: 404,
        body: JSON.stringify({ error: { code: '0x80040217', message: 'Entity not found.' } }),
      };
      expect((await failure()).message).toBe(
        'WhoAmI failed: Entity not found. (Dataverse code 0x80040217, HTTP 404)',
      );
      answer = { status: 403, body: '' };
      expect((await failure()).message).toBe('WhoAmI failed: HTTP 403.');
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
