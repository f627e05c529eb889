import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import { resolverSaysNoSuchHost, until } from '@connector-alm/testing';
import { createMemoryLogger, inputWords, optionWords, UsageError } from '@connector-alm/core';
import { createGitHubClient, openPullRequest, type StartTimer } from '../src/index.js';
import { manualTimers } from './helpers/manual-timers.js';
import { CONNECTOR, startScenario, type Scenario } from './helpers/scenario.js';

// Names under .invalid never resolve (RFC 6761, 6.4): DNS answers at once that there is no such host,
// which getaddrinfo reports as ENOTFOUND, with or without a network.
const MISTYPED_API = 'https://api.github.contoso.invalid';
const MISTYPED_ENTERPRISE_API = 'https://github.contoso.invalid/api/v3';
const TOKEN = 'ghp_Hunter2TokenThatMustNeverBePrinted';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await startScenario();
});
afterAll(async () => {
  await scenario.dispose();
});

/**
 * openPullRequest with a client whose requests go through `fetchFn` (the global fetch by default),
 * counting them: a host that does not exist never sees them. Plugin-retry's backoff (1, 4, 9 s) is
 * shortened to milliseconds.
 */
function attempt(
  apiUrl: string,
  fetchFn: typeof fetch = fetch,
  token = TOKEN,
  timeouts?: { requestTimeoutMs: number; startTimer: StartTimer },
) {
  const logger = createMemoryLogger();
  const sent: string[] = [];
  const client = createGitHubClient({
    token,
    baseUrl: apiUrl,
    logger,
    writeIntervalMs: 0,
    retryAfterBaseMs: 1,
    ...timeouts,
    fetch: (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetchFn(input, init);
    },
  });
  const promise = openPullRequest(
    {
      token,
      apiUrl,
      upstream: 'microsoft/PowerPlatformConnectors',
      base: 'dev',
      connector: CONNECTOR,
      cwd: scenario.workspace,
    },
    { logger, client, sleep: async () => {} },
  );
  return { promise, logger, sent };
}

// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

(resolverAnswers ? describe : describe.skip)(
  'a GitHub API URL whose host does not exist fails at the first request, naming it',
  () => {
    it.each([
      [MISTYPED_API, 'api.github.contoso.invalid'],
      [MISTYPED_ENTERPRISE_API, 'github.contoso.invalid'],
    ])('%s: says so and what to check, without retrying', async (apiUrl, host) => {
      const { promise, logger, sent } = attempt(apiUrl);
      const error = (await promise.catch((e: unknown) => e)) as Error & { hint?: string };
      expect(error.message).toBe(
        `Could not reach the GitHub API at ${apiUrl}: DNS has no host named ${host} (ENOTFOUND).`,
      );
      expect(error.hint).toMatch(/--api-url \(or GITHUB_API_URL\).*\/api\/v3/);
      expect(sent).toHaveLength(1);
      expect([error.message, error.hint, ...logger.lines].join('\n')).not.toContain(TOKEN);
    });
  },
);

/**
 * A resolver's passing failures cannot be had on demand from a real one, so this fetch fails the
 * requests `fails` picks (by how many were sent before) as fetch does then: TypeError "fetch failed"
 * whose cause has the getaddrinfo code. Every other request is sent for real.
 */
function resolverFailing(
  code: 'EAI_AGAIN' | 'ENOTFOUND',
  fails: (sentBefore: number) => boolean,
): typeof fetch {
  let sent = 0;
  return (input, init) => {
    const sentBefore = sent++;
    if (!fails(sentBefore)) return fetch(input, init);
    const hostname = new URL(String(input)).hostname;
    const cause = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
      code,
      syscall: 'getaddrinfo',
      hostname,
    });
    return Promise.reject(new TypeError('fetch failed', { cause }));
  };
}

describe('passing failures of the network are still tried again', () => {
  it('a resolver that did not answer (EAI_AGAIN) on the first request', async () => {
    const { promise, sent } = attempt(
      scenario.github.url,
      resolverFailing('EAI_AGAIN', (sentBefore) => sentBefore === 0),
      scenario.contributor.token,
    );
    await expect(promise).resolves.toBeDefined();
    expect(sent[0]).toBe(sent[1]);
  });

  it('ENOTFOUND for the API host after it has answered: the name existed moments ago', async () => {
    const { promise, sent } = attempt(
      scenario.github.url,
      resolverFailing('ENOTFOUND', (sentBefore) => sentBefore === 2),
      scenario.contributor.token,
    );
    await expect(promise).resolves.toBeDefined();
    expect(sent[2]).toBe(sent[3]);
  });

  it('when they do not pass, the error says the API could not be reached, not that GitHub failed with a 500', async () => {
    const { promise, sent } = attempt(
      scenario.github.url,
      resolverFailing('EAI_AGAIN', () => true),
    );
    const error = (await promise.catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `Could not reach the GitHub API at ${scenario.github.url} (EAI_AGAIN) after 4 attempts.`,
    );
    expect(error.hint).toMatch(/DNS/);
    expect(sent).toHaveLength(4);
  });
});

describe('an API host that takes the connection and never answers', () => {
  // The request timeout runs on timers the test moves once the server holds the request: it runs out
  // then, and an answered request never, however slow the machine.
  const TIMEOUT_MS = 1000;
  /** Requests the server has held unanswered since setFaults({ hang: total }). */
  const held = (total: number) => total - scenario.github.state.faults.hang;
  afterEach(() => scenario.github.setFaults({ hang: 0 }));

  it('ends a request that gets no answer in time and sends it again', async () => {
    scenario.github.setFaults({ hang: 1 });
    const sent: string[] = [];
    const timers = manualTimers();
    const client = createGitHubClient({
      token: scenario.contributor.token,
      baseUrl: scenario.github.url,
      logger: createMemoryLogger(),
      retryAfterBaseMs: 1,
      requestTimeoutMs: TIMEOUT_MS,
      startTimer: timers.startTimer,
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
    });
    const read = client.rest.users.getAuthenticated();
    await until(() => held(1) === 1, read);
    expect(timers.pending()).toEqual([TIMEOUT_MS]);
    timers.advance(TIMEOUT_MS);
    await expect(read).resolves.toMatchObject({ data: { login: 'contoso-dev' } });
    expect(sent).toEqual([`GET ${scenario.github.url}/user`, `GET ${scenario.github.url}/user`]);
  });

  // Every attempt hangs, so no answer has to come in time: the run stops at its first request.
  it('gives up after the attempts, saying it got no answer within the time, not that GitHub failed', async () => {
    scenario.github.setFaults({ hang: 100 });
    const timers = manualTimers();
    const { promise, sent, logger } = attempt(scenario.github.url, fetch, scenario.contributor.token, {
      requestTimeoutMs: TIMEOUT_MS,
      startTimer: timers.startTimer,
    });
    const opened = promise.catch((e: unknown) => e);
    for (const attempt of [1, 2, 3, 4]) {
      await until(() => held(100) === attempt, opened);
      expect(timers.pending()).toEqual([TIMEOUT_MS]);
      timers.advance(TIMEOUT_MS);
    }
    const error = (await opened) as Error & { hint?: string };
    expect(error.message).toBe(
      `The GitHub API at ${scenario.github.url} did not answer within 1 s; gave up after 4 attempts.`,
    );
    expect(error.hint).toMatch(/proxy/);
    expect(sent).toHaveLength(4);
    expect([error.message, error.hint, ...logger.lines].join('\n')).not.toContain(scenario.contributor.token);
  }, 30_000);
});

describe('an API URL that cannot be used is refused before any request', () => {
  it.each([
    [
      'with a user name and password',
      'https://someone:Hunter2Password@github.contoso.com/api/v3',
      'Hunter2Password',
    ],
    ['with a query', 'https://github.contoso.com/api/v3?sig=Hunter2Sig', 'Hunter2Sig'],
    ['without a scheme', 'api.github.com', undefined],
  ])('%s', (_what, apiUrl, secret) => {
    const error = (() => {
      try {
        createGitHubClient({ token: TOKEN, baseUrl: apiUrl, logger: createMemoryLogger() });
      } catch (e) {
        return e;
      }
    })() as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^The GitHub API URL '.*' /);
    expect(error.hint).toMatch(/--api-url \(or GITHUB_API_URL\)/);
    if (secret) expect(`${error.message} ${error.hint}`).not.toContain(secret);
  });
});

// `pr --api-url http://127.0.0.1:1` told a laptop's user to check "that the runner can reach it" and
// that the URL "is GITHUB_API_URL (the runner sets it; a step can override it in env:)", and an
// action's user of --api-url: each is told in their own words.
describe('advice about the API URL in the words of who reads it', () => {
  /** A connection that a proxy or a firewall keeps resetting: a passing failure, tried again. */
  const resetting: typeof fetch = () =>
    Promise.reject(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      }),
    );
  it.each([
    [
      'the CLI',
      optionWords,
      'Check the API URL and that this machine can reach it. It is --api-url (or GITHUB_API_URL): https://api.github.com, or https://HOSTNAME/api/v3 on GitHub Enterprise Server.',
    ],
    [
      'an action',
      inputWords,
      'Check the API URL and that the runner can reach it. It is GITHUB_API_URL (the runner sets it; a step can override it in env:): https://api.github.com, or https://HOSTNAME/api/v3 on GitHub Enterprise Server.',
    ],
  ])('%s', async (_who, say, hint) => {
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: 'https://github.contoso.com/api/v3',
      logger: createMemoryLogger(),
      retryAfterBaseMs: 1,
      fetch: resetting,
      say,
    });
    const error = (await client.rest.users.getAuthenticated().catch((e: unknown) => e)) as Error & {
      hint?: string;
    };
    expect(error.message).toBe(
      'Could not reach the GitHub API at https://github.contoso.com/api/v3 (ECONNRESET) after 4 attempts.',
    );
    expect(error.hint).toBe(hint);
  });

  it('a URL refused before any request', () => {
    const refusal = (say: typeof optionWords) => {
      try {
        createGitHubClient({ token: TOKEN, baseUrl: 'api.github.com', logger: createMemoryLogger(), say });
      } catch (e) {
        return (e as UsageError).hint;
      }
    };
    expect(refusal(optionWords)).not.toMatch(/runner|env:/);
    expect(refusal(inputWords)).not.toContain('--api-url');
  });
});

// As a host that does not exist: no attempt can pass, so the first says why, without 14 s of retries.
describe('a port that no attempt can reach fails at the first request, saying why', () => {
  /** The requests a client sends to `apiUrl`, and the error of reading the user. */
  async function firstError(apiUrl: string) {
    let sent = 0;
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: apiUrl,
      logger: createMemoryLogger(),
      retryAfterBaseMs: 1,
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const error = (await client.rest.users.getAuthenticated().catch((e: unknown) => e)) as Error & {
      hint?: string;
    };
    return { error, sent };
  }

  it('a port fetch refuses outright ("bad port")', async () => {
    const { error, sent } = await firstError('http://127.0.0.1:1');
    expect(error.message).toBe(
      'Could not reach the GitHub API at http://127.0.0.1:1: fetch refuses port 1 ("bad port"), which belongs to another protocol.',
    );
    expect(error.hint).toMatch(/^Check the port in the API URL\. It is --api-url \(or GITHUB_API_URL\)/);
    expect(sent).toBe(1);
  });

  it('a port of this machine where nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { error, sent } = await firstError(`http://127.0.0.1:${port}`);
    expect(error.message).toBe(
      `Could not reach the GitHub API at http://127.0.0.1:${port}: 127.0.0.1:${port} refused the connection (nothing listens there).`,
    );
    expect(error.hint).toMatch(/^Check the port in the API URL, and that the server it names is running\. /);
    expect(sent).toBe(1);
  });
});
