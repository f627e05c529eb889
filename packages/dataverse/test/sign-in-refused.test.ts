import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { DEFAULT_RETRY_BUDGET, startLocalServer, type LocalServer } from '../src/index.js';
import { closedPort, nonLoopbackAddress } from './helpers/closed-port.js';
import { connectToLocal } from './helpers/connect.js';
import { oidcServer, SUBJECT } from './helpers/oidc-server.js';

const BUDGET = { ...DEFAULT_RETRY_BUDGET, maxAttempts: 4 };
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({});
});
afterAll(() => server.close());

describe('sign-in where nothing listens on a loopback port fails at once', () => {
  it.each(['127.0.0.1', 'localhost'])(
    'names %s and the port, and says to start the dev server or check the port',
    async (host) => {
      const port = await closedPort('127.0.0.1');
      const authorityHost = `http://${host}:${port}`;
      const { client, sleeps, sent } = connectToLocal(server, { authorityHost, retry: BUDGET });
      const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toBe(
        `Could not reach the Entra ID token endpoint at ${authorityHost}: ${host}:${port} refused the connection (nothing listens there).`,
      );
      expect(error.hint).toBe(
        'If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check --authority-host.',
      );
      expect(sleeps).toEqual([]);
      expect(sent).toHaveLength(1);
    },
  );

  it('does the same for the GitHub ID-token request, without its query', async () => {
    const port = await closedPort('127.0.0.1');
    const setup = await oidcServer(SUBJECT, 'api://AzureADTokenExchange', { retry: BUDGET });
    try {
      const requestUrl = new URL(setup.other.idTokenRequestUrl);
      requestUrl.port = String(port);
      const connection = connectToLocalOidc(setup.other, requestUrl.href);
      const error = (await connection.client.whoAmI().catch((e: unknown) => e)) as UserError;
      expect(error.message).toBe(
        `Could not reach the GitHub OIDC token endpoint at http://127.0.0.1:${port}/_github/oidc/token: 127.0.0.1:${port} refused the connection (nothing listens there).`,
      );
      expect(error.hint).toBe(
        'If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check ACTIONS_ID_TOKEN_REQUEST_URL.',
      );
      expect(connection.sleeps).toEqual([]);
      expect(connection.sent).toHaveLength(1);
    } finally {
      await setup.other.close();
    }
  });
});

function connectToLocalOidc(other: LocalServer, requestUrl: string) {
  return connectToLocal(other, {
    appId: 'aaaaaaaa-0000-4000-8000-000000000002',
    credential: { kind: 'github-oidc', requestUrl, requestToken: other.idTokenRequestToken },
    retry: BUDGET,
  });
}

describe('sign-in to a port fetch refuses outright fails at once', () => {
  it('names the port and says to check it', async () => {
    // fetch refuses ports of other protocols (X11's 6000 here) before it connects: no attempt can pass.
    const authorityHost = 'https://login.microsoftonline.com:6000';
    const { client, sleeps } = connectToLocal(server, { authorityHost, retry: BUDGET });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `Could not reach the Entra ID token endpoint at ${authorityHost}: fetch refuses port 6000 ("bad port"), which belongs to another protocol.`,
    );
    expect(error.hint).toBe('Check the port in --authority-host.');
    expect(sleeps).toEqual([]);
  });
});

const address = nonLoopbackAddress();
(address ? describe : describe.skip)('sign-in refused by a host that is not loopback', () => {
  it('is still tried again, as a passing failure (a login host restarting, a proxy)', async () => {
    const port = await closedPort(address!);
    const authorityHost = `https://${address}:${port}`;
    const { client, sleeps, sent } = connectToLocal(server, { authorityHost, retry: BUDGET });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `Could not reach the Entra ID token endpoint at ${authorityHost} (ECONNREFUSED); gave up after 4 attempts and 7 s of waiting.`,
    );
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(sent).toHaveLength(4);
  });
});
