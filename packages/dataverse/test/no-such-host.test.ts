import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolverSaysNoSuchHost } from '@connector-alm/testing';
import { DEFAULT_RETRY_BUDGET, startLocalServer, type Fetch, type LocalServer } from '../src/index.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';

// Names under .invalid never resolve (RFC 6761, 6.4): DNS answers at once that there is no such host,
// which getaddrinfo reports as ENOTFOUND, with or without a network.
const MISTYPED_LOGIN_HOST = 'https://login.contoso.invalid';
const MISTYPED_ENVIRONMENT = 'https://contoso.crm.dynamics.invalid';
const TOKEN_PATH = '/oauth2/v2.0/token';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    resources: [MISTYPED_ENVIRONMENT],
  });
});
afterAll(() => server.close());

const sentTo = (sent: string[], fragment: string) => sent.filter((line) => line.includes(fragment));

// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

(resolverAnswers ? describe : describe.skip)(
  'a host that does not exist fails at the first attempt, naming it',
  () => {
    it('a mistyped authority-host: says so and what to check, without retrying', async () => {
      const { client, sleeps, sent } = connectToLocal(server, { authorityHost: MISTYPED_LOGIN_HOST });
      const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error.message).toBe(
        'Could not reach the Entra ID token endpoint at https://login.contoso.invalid: DNS has no host named login.contoso.invalid (ENOTFOUND).',
      );
      expect(error.hint).toMatch(/authority-host.*cloud/);
      expect(`${error.message} ${error.hint}`).not.toContain(SECRET);
      expect(sentTo(sent, TOKEN_PATH)).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('an ID-token request URL whose host does not exist, shown without its query', async () => {
      const requestToken = 'runner-request-token-Hunter2';
      const { client, sleeps, sent } = connectToLocal(server, {
        credential: {
          kind: 'github-oidc',
          requestUrl: 'https://token.actions.contoso.invalid/_apis/idtoken?api-version=2.0&sig=Hunter2',
          requestToken,
        },
      });
      const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error.message).toBe(
        'Could not reach the GitHub OIDC token endpoint at https://token.actions.contoso.invalid/_apis/idtoken: DNS has no host named token.actions.contoso.invalid (ENOTFOUND).',
      );
      expect(error.hint).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
      expect(`${error.message} ${error.hint}`).not.toContain('Hunter2');
      expect(sentTo(sent, 'idtoken')).toHaveLength(1);
      expect(sentTo(sent, TOKEN_PATH)).toEqual([]);
      expect(sleeps).toEqual([]);
    });

    it('a mistyped environment-url: signed in, the Web API call fails at once', async () => {
      const { client, sleeps, sent } = connectToLocal(server, { environmentUrl: MISTYPED_ENVIRONMENT });
      const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error.message).toBe(
        'WhoAmI: could not reach https://contoso.crm.dynamics.invalid: DNS has no host named contoso.crm.dynamics.invalid (ENOTFOUND).',
      );
      expect(error.hint).toContain('environment-url');
      expect(sentTo(sent, TOKEN_PATH)).toHaveLength(1);
      expect(sentTo(sent, '/WhoAmI')).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('an import to a mistyped environment-url: certainly not applied, so said as plainly', async () => {
      const { client, sent } = connectToLocal(server, { environmentUrl: MISTYPED_ENVIRONMENT });
      const error = (await client
        .importSolution({
          customizationFile: buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.0' }),
          importJobId: '0f9e8d7c-0000-4000-8000-000000000001',
          overwriteUnmanagedCustomizations: true,
          publishWorkflows: true,
        })
        .catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^Import of the solution: could not reach .*\(ENOTFOUND\)\.$/);
      expect(sentTo(sent, 'ImportSolution')).toHaveLength(1);
    });
  },
);

/**
 * A resolver's passing failures cannot be had on demand from a real one, so this fetch port fails
 * the requests `fails` picks (by server, the login host or the environment, and how many it has
 * sent there before) as fetch does then: TypeError "fetch failed" whose cause has the getaddrinfo
 * code. Every other request is sent for real.
 */
function resolverFailing(
  code: 'EAI_AGAIN' | 'ENOTFOUND',
  fails: (host: string, sentBefore: number) => boolean,
): Fetch {
  const sent = new Map<string, number>();
  return (input, init) => {
    const { host, hostname } = new URL(input);
    const before = sent.get(host) ?? 0;
    sent.set(host, before + 1);
    if (!fails(host, before)) return fetch(input, init);
    const cause = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
      code,
      syscall: 'getaddrinfo',
      hostname,
    });
    return Promise.reject(new TypeError('fetch failed', { cause }));
  };
}

describe('a resolver that did not answer (EAI_AGAIN) is still a passing failure', () => {
  it('sign-in and the Web API call each try again and succeed', async () => {
    const { client, sleeps, logger } = connectToLocal(server, {
      fetch: resolverFailing('EAI_AGAIN', (_host, sentBefore) => sentBefore === 0),
    });
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(sleeps).toEqual([1000, 1000]);
    expect(logger.lines.filter((line) => line.includes('EAI_AGAIN'))).toHaveLength(2);
  });
});

describe('a resolver that keeps failing for the environment', () => {
  it('gives up within the attempt budget, and says to check the network (DNS) as well as environment-url', async () => {
    const environment = new URL(server.environmentUrl).host;
    const { client, sleeps } = connectToLocal(server, {
      retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 2 },
      fetch: resolverFailing('EAI_AGAIN', (host) => host === environment),
    });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `WhoAmI: could not reach ${server.environmentUrl} (EAI_AGAIN) after 2 attempts.`,
    );
    expect(error.hint).toBe(
      "DNS did not resolve the host name then: check this machine's network (DNS), and --environment-url.",
    );
    expect(sleeps).toEqual([1000]);
  });

  it('counts a budget of one attempt as one attempt', async () => {
    const environment = new URL(server.environmentUrl).host;
    const { client, sleeps } = connectToLocal(server, {
      retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 1 },
      fetch: resolverFailing('EAI_AGAIN', (host) => host === environment),
    });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `WhoAmI: could not reach ${server.environmentUrl} (EAI_AGAIN) after 1 attempt.`,
    );
    expect(sleeps).toEqual([]);
  });
});

describe('ENOTFOUND for a host that has answered in this run is a resolver blip, tried again', () => {
  // The name existed moments ago: failing a long import's status poll on it would end the job for nothing.
  it('a Web API call after others to the same environment succeeded', async () => {
    const environment = new URL(server.environmentUrl).host;
    const { client, sleeps, logger } = connectToLocal(server, {
      fetch: resolverFailing('ENOTFOUND', (host, sentBefore) => host === environment && sentBefore === 1),
    });
    await client.whoAmI();
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(sleeps).toEqual([1000]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: WhoAmI: .*\(ENOTFOUND\); retrying in 1 s/),
    );
  });

  it('a new token after the first one expired, from the login host that issued it', async () => {
    const login = new URL(server.authorityHost).host;
    const { client, sleeps, logger, clock } = connectToLocal(server, {
      fetch: resolverFailing('ENOTFOUND', (host, sentBefore) => host === login && sentBefore === 1),
    });
    await client.whoAmI();
    clock.advance(2 * 3600_000);
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(sleeps).toEqual([1000]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: Sign-in: .*\(ENOTFOUND\); retrying in 1 s/),
    );
  });
});
