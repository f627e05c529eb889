import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createMemoryLogger, inputWords, optionWords, UserError, type SaySetting } from '@connector-alm/core';
import { connectDataverse, DEFAULT_RETRY_BUDGET, startLocalServer, type LocalServer } from '../src/index.js';
import { closedPort } from './helpers/closed-port.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';

// The same failure advises `--cloud UsGovHigh` to a CLI user and `cloud: UsGovHigh` to a workflow's
// author: each is told the words they type.
const BUDGET = { ...DEFAULT_RETRY_BUDGET, maxAttempts: 2 };
const WORDS: Array<[string, SaySetting]> = [
  ['the CLI', optionWords],
  ['an action', inputWords],
];
// An environment the login server issues tokens for, on a port fetch refuses: sign-in passes and the
// Web API call fails at once.
const BAD_PORT_ENVIRONMENT = 'https://contoso.crm.dynamics.com:6000';
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    resources: [BAD_PORT_ENVIRONMENT],
  });
});
afterAll(() => server.close());

describe.each(WORDS)('settings named in advice, as %s names them', (reader, say) => {
  const cli = say === optionWords;

  it('a cloud that does not own the environment URL', () => {
    let error: unknown;
    try {
      connectDataverse(
        {
          environmentUrl: 'https://contoso.crm.microsoftdynamics.us',
          tenantId: 'contoso.onmicrosoft.com',
          appId: APP_ID,
          credential: { kind: 'secret', secret: SECRET },
          cloud: 'Public',
        },
        { logger: createMemoryLogger(), say },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect([reader, (error as UserError).message, (error as UserError).hint]).toEqual([
      reader,
      `Environment URL https://contoso.crm.microsoftdynamics.us belongs to the UsGovHigh cloud, but ${cli ? '--cloud' : 'cloud'} is Public.`,
      cli ? 'Use --cloud UsGovHigh.' : 'Use cloud: UsGovHigh.',
    ]);
  });

  it('a tenant Entra ID does not know (AADSTS90002)', async () => {
    const client = connectDataverse(
      {
        environmentUrl: server.environmentUrl,
        tenantId: 'aaaaaaaa-0000-4000-8000-00000000dead',
        appId: APP_ID,
        credential: { kind: 'secret', secret: SECRET },
        authorityHost: server.authorityHost,
      },
      { logger: createMemoryLogger(), retry: BUDGET, say },
    );
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.message).toMatch(/AADSTS90002/);
    expect(error.hint).toBe(
      `Check ${cli ? '--tenant-id' : 'tenant-id'}: it must be the directory (tenant) ID or a verified domain of the tenant.`,
    );
  });

  it('a login host where nothing listens', async () => {
    const authorityHost = `http://127.0.0.1:${await closedPort('127.0.0.1')}`;
    const { client } = connectToLocal(server, { authorityHost, retry: BUDGET, say });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.hint).toBe(
      `If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check ${cli ? '--authority-host' : 'authority-host'}.`,
    );
  });

  it('an environment on a port fetch refuses', async () => {
    const { client } = connectToLocal(server, { environmentUrl: BAD_PORT_ENVIRONMENT, retry: BUDGET, say });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.hint).toBe(`Check the port in ${cli ? '--environment-url' : 'environment-url'}.`);
  });

  it('an app registration Entra ID does not know (AADSTS700016)', async () => {
    const { client } = connectToLocal(server, {
      appId: 'aaaaaaaa-0000-4000-8000-00000000beef',
      retry: BUDGET,
      say,
    });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.hint).toBe(
      cli
        ? 'Check --app-id and --tenant-id: the app registration must exist in that tenant.'
        : 'Check app-id and tenant-id: the app registration must exist in that tenant.',
    );
  });
});

// A laptop's user of export or import was told to check "that the runner can reach the login host" and
// to "run the job again": the CLI's user is told of this machine and the command, an action's of the
// runner and the job, as pr's advice says them (setting-words.ts in core).
describe.each(WORDS)('the machine and what to run again, as %s knows them', (reader, say) => {
  const cli = say === optionWords;
  const [machine, run] = cli ? ['this machine', 'the command'] : ['the runner', 'the job'];
  const [authorityHost, cloud, environmentUrl] = cli
    ? ['--authority-host', '--cloud', '--environment-url']
    : ['authority-host', 'cloud', 'environment-url'];
  afterEach(() => server.faults.clear());

  /** The error of the first Web API call of a client for the local server, in `say`'s words. */
  async function firstError(): Promise<UserError> {
    const { client } = connectToLocal(server, { retry: BUDGET, say });
    return (await client.whoAmI().catch((e: unknown) => e)) as UserError;
  }

  it('a login host that answers 200 with a web page', async () => {
    server.faults.injectLogin({
      kind: 'status',
      status: 200,
      body: '<html><body>Sign in to the proxy</body></html>',
      headers: { 'Content-Type': 'text/html' },
    });
    expect([reader, (await firstError()).hint]).toEqual([
      reader,
      `That is not how Entra ID answers: check ${authorityHost} and ${cloud} (they choose the login host), and any proxy between ${machine} and the login host.`,
    ]);
  });

  it('a login host that redirects the token request', async () => {
    server.faults.injectLogin({ kind: 'redirect', location: 'https://login.contoso.example/token' });
    expect((await firstError()).hint).toBe(
      `Entra ID does not redirect token requests, and following one would send the app's credential to another place: check ${authorityHost} and ${cloud} (they choose the login host), and any proxy between ${machine} and the login host.`,
    );
  });

  it('a login host that drops every connection', async () => {
    server.faults.injectLogin({ kind: 'drop-connection' }, { times: 100 });
    expect((await firstError()).hint).toBe(
      `Check ${cloud} and ${authorityHost}, and that ${machine} can reach the login host.`,
    );
  });

  it('a login host that stays unavailable', async () => {
    server.faults.injectLogin({ kind: 'unavailable' }, { times: 100 });
    expect((await firstError()).hint).toBe(
      `The failures look temporary (the service or the network to it): run ${run} again later.`,
    );
  });

  it('an environment that drops every connection', async () => {
    server.faults.inject({ kind: 'drop-connection' }, { times: 100 });
    expect((await firstError()).hint).toBe(`Check ${environmentUrl} and that ${machine} can reach it.`);
  });
});
