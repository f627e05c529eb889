import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { DEFAULT_RETRY_BUDGET, startLocalServer, type LocalServer } from '../src/index.js';
import { hopelessFailure } from '../src/http/hopeless-failure.js';
import { closedPort, nonLoopbackAddress } from './helpers/closed-port.js';
import { APP_ID, connectToLocal, SECRET, sentTo } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';

const BUDGET = { ...DEFAULT_RETRY_BUDGET, maxAttempts: 4 };
const BAD_PORT_ENVIRONMENT = 'https://contoso.crm.dynamics.com:6000';
const address = nonLoopbackAddress();
let loopbackPort: number;
let remotePort: number | undefined;
let server: LocalServer;
beforeAll(async () => {
  loopbackPort = await closedPort('127.0.0.1');
  remotePort = address ? await closedPort(address) : undefined;
  // The login server issues tokens for the closed environments: sign-in passes, the Web API call is refused.
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    resources: [
      `http://127.0.0.1:${loopbackPort}`,
      `http://localhost:${loopbackPort}`,
      BAD_PORT_ENVIRONMENT,
      ...(address ? [`https://${address}:${remotePort}`] : []),
    ],
  });
});
afterAll(() => server.close());

const HINT =
  'If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check --environment-url.';

describe('a Web API call where nothing listens on a loopback environment port fails at once', () => {
  it.each(['127.0.0.1', 'localhost'])(
    'WhoAmI at %s names the host and port and what to check',
    async (host) => {
      const environmentUrl = `http://${host}:${loopbackPort}`;
      const { client, sleeps, sent } = connectToLocal(server, { environmentUrl, retry: BUDGET });
      const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toBe(
        `WhoAmI: could not reach ${environmentUrl}: ${host}:${loopbackPort} refused the connection (nothing listens there).`,
      );
      expect(error.hint).toBe(HINT);
      expect(sleeps).toEqual([]);
      expect(sentTo(sent, 'WhoAmI')).toBe(1);
    },
  );

  it('an import is said as refused, not as "may have been applied", and not sent again', async () => {
    const environmentUrl = `http://127.0.0.1:${loopbackPort}`;
    const { client, sleeps, sent } = connectToLocal(server, { environmentUrl, retry: BUDGET });
    const error = (await client
      .importSolution({
        customizationFile: buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.0' }),
        importJobId: '0f9e8d7c-0000-4000-8000-000000000002',
        overwriteUnmanagedCustomizations: true,
        publishWorkflows: true,
      })
      .catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `Import of the solution: could not reach ${environmentUrl}: 127.0.0.1:${loopbackPort} refused the connection (nothing listens there).`,
    );
    expect(error.hint).toBe(HINT);
    expect(sleeps).toEqual([]);
    expect(sentTo(sent, 'ImportSolution')).toBe(1);
  });
});

describe('a loopback URL without a port', () => {
  it('names the port its scheme implies, 80 for http and 443 for https, as refused', () => {
    // As fetch rejects when nothing listens: TypeError "fetch failed", the socket's error its cause.
    const refused = (port: number) =>
      new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), {
          code: 'ECONNREFUSED',
          syscall: 'connect',
        }),
      });
    const context = { urlInput: '--environment-url', noSuchHostHint: 'Check it.', answered: false };
    expect(hopelessFailure(refused(80), new URL('http://localhost/'), context)?.reason).toBe(
      'localhost:80 refused the connection (nothing listens there)',
    );
    expect(hopelessFailure(refused(443), new URL('https://127.0.0.1/'), context)?.reason).toBe(
      '127.0.0.1:443 refused the connection (nothing listens there)',
    );
  });
});

describe('a Web API call to a port fetch refuses outright fails at once', () => {
  it('names the port and says to check environment-url', async () => {
    const { client, sleeps } = connectToLocal(server, {
      environmentUrl: BAD_PORT_ENVIRONMENT,
      retry: BUDGET,
    });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `WhoAmI: could not reach ${BAD_PORT_ENVIRONMENT}: fetch refuses port 6000 ("bad port"), which belongs to another protocol.`,
    );
    expect(error.hint).toBe('Check the port in --environment-url.');
    expect(sleeps).toEqual([]);
  });
});

(address ? describe : describe.skip)('a Web API call refused by a host that is not loopback', () => {
  it('is still tried again within the retry budget (an environment or proxy restarting)', async () => {
    const environmentUrl = `https://${address}:${remotePort}`;
    const { client, sleeps, sent } = connectToLocal(server, { environmentUrl, retry: BUDGET });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(`WhoAmI: could not reach ${environmentUrl} (ECONNREFUSED) after 4 attempts.`);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(sentTo(sent, 'WhoAmI')).toBe(4);
  });
});
