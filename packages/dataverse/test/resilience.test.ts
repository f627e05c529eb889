import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createManualClock,
  decideRetry,
  DEFAULT_RETRY_BUDGET,
  parseRetryAfter,
  startLocalServer,
  type LocalServer,
} from '../src/index.js';
import { DEFAULT_SIGN_IN_TIMEOUT_MS } from '../src/auth/sign-in-request.js';
import { APP_ID, connectToLocal, SECRET, startContosoServer } from './helpers/connect.js';
import { buildSolutionZip } from './helpers/solution-zip.js';
import { runOut } from './helpers/time.js';

let server: LocalServer;
beforeAll(async () => {
  server = await startContosoServer();
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('reads a Retry-After that is neither seconds nor an HTTP date as absent, so the backoff applies', () => {
    // JavaScript's Date.parse reads '-5', '1.5' and '2' as dates in 2001: a wait of 0 s, every time.
    // A header sent twice with one value unreadable is unreadable too, not a wait of NaN ms.
    for (const value of ['-5', '-1', 'soon', '5 s', '12abc', '1e3', '120, soon', 'soon, 120'])
      expect([value, parseRetryAfter(value, Date.UTC(2025, 0, 1))]).toEqual([value, undefined]);
    expect(parseRetryAfter(' 5 ', 0)).toBe(5000);
    // Not HTTP's syntax, but the meaning is plain.
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
    // A header sent twice (a proxy adding its own) reaches us joined with ', ': the longer wait counts.
    expect(parseRetryAfter('120, 30', 0)).toBe(120_000);
    // The three HTTP-date forms; one in the past means now.
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 30))).toBe(7000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 30))).toBe(7000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 30))).toBe(7000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(2025, 0, 1))).toBe(0);
  });

  it('does not retry client errors, and stops when the waiting budget would be passed', () => {
    expect(
      decideRetry({ kind: 'response', status: 400, retryAfter: null }, 1, 0, DEFAULT_RETRY_BUDGET, 0),
    ).toEqual({ retry: false, reason: 'not-retryable' });
    expect(
      decideRetry({ kind: 'response', status: 429, retryAfter: '600' }, 1, 0, DEFAULT_RETRY_BUDGET, 0),
    ).toEqual({ retry: false, reason: 'budget-spent' });
    expect(
      decideRetry({ kind: 'response', status: 503, retryAfter: null }, 3, 0, DEFAULT_RETRY_BUDGET, 0),
    ).toEqual({ retry: true, delayMs: 4000 });
  });

  it('retries every server error but 501, from 500 on', () => {
    const decide = (status: number) =>
      decideRetry({ kind: 'response', status, retryAfter: null }, 1, 0, DEFAULT_RETRY_BUDGET, 0);
    expect([499, 500, 501, 502, 599].map(decide)).toEqual([
      { retry: false, reason: 'not-retryable' },
      { retry: true, delayMs: 1000 },
      { retry: false, reason: 'not-retryable' },
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 1000 },
    ]);
  });

  it('waits a Retry-After that takes the waiting budget exactly, to its end', () => {
    // Service protection counts over a 5-minute window, and may ask for all of it: the budget allows it.
    expect(
      decideRetry({ kind: 'response', status: 429, retryAfter: '300' }, 1, 0, DEFAULT_RETRY_BUDGET, 0),
    ).toEqual({ retry: true, delayMs: 300_000 });
    expect(
      decideRetry({ kind: 'response', status: 429, retryAfter: '240' }, 2, 60_000, DEFAULT_RETRY_BUDGET, 0),
    ).toEqual({ retry: true, delayMs: 240_000 });
  });

  it('resends a request that must not be applied twice only when it surely was not processed', () => {
    const once = (outcome: Parameters<typeof decideRetry>[0]) =>
      decideRetry(outcome, 1, 0, DEFAULT_RETRY_BUDGET, 0, { idempotent: false });
    expect(once({ kind: 'response', status: 503, retryAfter: null })).toEqual({
      retry: false,
      reason: 'may-have-been-applied',
    });
    expect(once({ kind: 'network-error', reachedServer: true })).toEqual({
      retry: false,
      reason: 'may-have-been-applied',
    });
    expect(once({ kind: 'network-error', reachedServer: false })).toEqual({ retry: true, delayMs: 1000 });
    expect(once({ kind: 'response', status: 429, retryAfter: '2' })).toEqual({ retry: true, delayMs: 2000 });
  });
});

describe('a read of what was created moments ago', () => {
  const notFound = { kind: 'response', status: 404, retryAfter: null } as const;
  it('reads a 404 again with backoff, a few times only', () => {
    const decide = (attempt: number) =>
      decideRetry(notFound, attempt, 0, DEFAULT_RETRY_BUDGET, 0, { mayNotExistYet: true });
    expect([1, 2, 3, 4].map(decide)).toEqual([
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 2000 },
      { retry: true, delayMs: 4000 },
      { retry: false, reason: 'budget-spent' },
    ]);
  });

  it('does not read any other 404 again', () => {
    expect(decideRetry(notFound, 1, 0, DEFAULT_RETRY_BUDGET, 0)).toEqual({
      retry: false,
      reason: 'not-retryable',
    });
  });
});

describe('throttling, server errors and dropped connections against the local server', () => {
  it.each(['0x80072322', '0x80072321', '0x80072326'] as const)(
    'waits Retry-After on 429 with service-protection code %s, then succeeds',
    async (code) => {
      server.faults.inject(
        { kind: 'throttle', code, retryAfterSeconds: 4 },
        { times: 2, operation: 'solutions' },
      );
      const { client, sleeps, logger } = connectToLocal(server);
      await expect(client.findSolution('Contoso')).resolves.toMatchObject({ version: '1.0.0.1' });
      expect(sleeps).toEqual([4000, 4000]);
      expect(logger.lines.filter((line) => line.includes(`HTTP 429 ${code}`))).toHaveLength(2);
    },
  );

  it('backs off exponentially on 503 and on dropped connections', async () => {
    server.faults.inject({ kind: 'status', status: 503 }, { times: 2, operation: 'WhoAmI' });
    server.faults.inject({ kind: 'drop-connection' }, { times: 1, operation: 'WhoAmI' });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('does not count a token refused once against the attempts: the retries after it keep theirs', async () => {
    // A 401 gets a new token and the request again; that is no failure of the service, so the 503s
    // after it still have the whole budget (3 attempts) and back off from its first step.
    server.faults.inject({ kind: 'status', status: 401, body: '' }, { times: 1, operation: 'WhoAmI' });
    server.faults.inject({ kind: 'status', status: 503 }, { times: 2, operation: 'WhoAmI' });
    const { client, sleeps } = connectToLocal(server, { retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 } });
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('gives up after the attempt budget with the Dataverse code and what to do', async () => {
    server.faults.inject({ kind: 'throttle', retryAfterSeconds: 1 }, { times: 100 });
    const { client, sleeps } = connectToLocal(server, { retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 } });
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: expect.stringMatching(/Number of requests exceeded .*0x80072322.*gave up after 3 attempts/),
      hint: expect.stringContaining('service protection'),
    });
    expect(sleeps).toHaveLength(2);
  });

  it('says why it stopped when Retry-After asks for a longer wait than the budget leaves', async () => {
    server.faults.inject({ kind: 'throttle', retryAfterSeconds: 3600 }, { times: 100 });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: expect.stringMatching(
        /\(Dataverse code 0x80072322, HTTP 429\); gave up after 1 attempt and 0 s of waiting: the service asked to wait 60 min, more than the 5 min allowed\.$/,
      ),
      status: 429,
    });
    expect(sleeps).toEqual([]);

    server.faults.clear();
    server.faults.inject({ kind: 'throttle', retryAfterSeconds: 120 }, { times: 100 });
    const again = connectToLocal(server);
    await expect(again.client.whoAmI()).rejects.toThrow(
      /gave up after 3 attempts and 4 min of waiting: the service asked to wait 2 min, more than the 1 min left of 5 min allowed\.$/,
    );
    expect(again.sleeps).toEqual([120_000, 120_000]);
  });

  it('does not put the stop down to the wait asked for when the attempts ran out first', async () => {
    // The third answer asks for more than the budget leaves, but no attempt was left to wait for.
    server.faults.inject({ kind: 'throttle', retryAfterSeconds: 120 }, { times: 100 });
    const { client, sleeps } = connectToLocal(server, { retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 } });
    await expect(client.whoAmI()).rejects.toThrow(
      /\(Dataverse code 0x80072322, HTTP 429\); gave up after 3 attempts and 4 min of waiting\.$/,
    );
    expect(sleeps).toEqual([120_000, 120_000]);
  });

  it('gives up on a connection that keeps dropping, saying what to check', async () => {
    server.faults.inject({ kind: 'drop-connection' }, { times: 100, operation: 'WhoAmI' });
    const { client, sleeps } = connectToLocal(server, { retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 2 } });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toMatch(
      /^WhoAmI: could not reach http:\/\/127\.0\.0\.1:\d+ \(\w+\) after 2 attempts\.$/,
    );
    expect(error.hint).toBe('Check --environment-url and that this machine can reach it.');
    expect(sleeps).toEqual([1000]);
  });

  it('does not retry a 501, which will not get better', async () => {
    server.faults.inject({ kind: 'status', status: 501 }, { times: 1 });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).rejects.toMatchObject({ status: 501 });
    expect(sleeps).toEqual([]);
  });
});

describe('token refresh during long operations', () => {
  it('reuses a token that lives less than five minutes until the last quarter of its life', async () => {
    // The margin is a quarter of such a lifetime: five minutes would renew the token on every request.
    const clock = createManualClock(Date.now());
    const short = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      tokenLifetimeSeconds: 240,
      clock,
    });
    try {
      const { client } = connectToLocal(short, { clock });
      for (let request = 0; request < 3; request++) {
        await client.whoAmI();
        await clock.sleep(50_000);
      }
      expect(short.login.issued.get(APP_ID)).toBe(1);
      // 190 s in: past 180 s, three quarters of its 240 s, it is renewed.
      await clock.sleep(40_000);
      await client.whoAmI();
      expect(short.login.issued.get(APP_ID)).toBe(2);
    } finally {
      await short.close();
    }
  });

  it('keeps a 2-hour async export authorised with 10-minute tokens, never sending an expired one', async () => {
    const clock = createManualClock(Date.now());
    const long = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      solutions: [buildSolutionZip({ uniqueName: 'Big', version: '2.0.0.0' })],
      tokenLifetimeSeconds: 600,
      asyncPolls: 720,
      clock,
    });
    try {
      const { client } = connectToLocal(long, { clock });
      const sentAt = clock.now();
      const job = await client.startExportAsync({ solutionName: 'Big', managed: false });
      await client.waitForAsyncOperation(job.asyncOperationId, 'Export', { sentAt, maxWaitMs: 3 * 3600_000 });
      const zip = await client.downloadExportData(job.exportJobId);
      expect(Buffer.from(zip).equals(Buffer.from(long.store.get('Big')!.zip))).toBe(true);
      expect(clock.now() - Date.now()).toBeGreaterThan(7000_000 - 600_000);
      expect(long.login.issued.get(APP_ID)).toBeGreaterThan(10);
      expect(long.requests.filter((request) => request.status === 401)).toEqual([]);
    } finally {
      await long.close();
    }
  });

  it('keeps using the token in hand when renewing it ahead of expiry fails for a moment', async () => {
    const clock = createManualClock(Date.now());
    const flaky = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      tokenLifetimeSeconds: 600, // renewed 150 s before it expires
      clock,
    });
    try {
      const { client, sleeps } = connectToLocal(flaky, { clock });
      await client.whoAmI();
      clock.advance(500_000);
      // Entra ID's transient 503 (AADSTS90033), then a dropped connection, while the token has 100 s left.
      flaky.faults.injectLogin({ kind: 'unavailable' });
      await expect(client.whoAmI()).resolves.toBeDefined();
      flaky.faults.injectLogin({ kind: 'drop-connection' });
      await expect(client.whoAmI()).resolves.toBeDefined();
      await client.whoAmI();
      expect(flaky.login.issued.get(APP_ID)).toBe(2);
      expect(
        flaky.requests.filter((request) => request.service === 'dataverse').map((r) => r.status),
      ).toEqual([200, 200, 200, 200]);
      // Each renewal was tried once, without waiting: the token in hand served meanwhile.
      expect(sleeps).toEqual([]);

      // Once the token in hand has expired, the renewal is retried like a first sign-in, and when
      // that fails too it is the error: no expired token is sent.
      clock.advance(650_000);
      flaky.faults.injectLogin({ kind: 'unavailable' }, { times: 100 });
      await expect(client.whoAmI()).rejects.toThrow(/AADSTS90033.*; gave up after 8 attempts/);
      expect(flaky.requests.filter((request) => request.status === 401)).toEqual([]);
    } finally {
      await flaky.close();
    }
  });

  it('signs in again, with retries, when a renewal tried once fails only after the token in hand expired', async () => {
    const clock = createManualClock(Date.now());
    const flaky = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      tokenLifetimeSeconds: 600,
      clock,
    });
    try {
      const { client, sleeps } = connectToLocal(flaky, { clock });
      await client.whoAmI();
      // 20 s left: the renewal is tried once, hangs, and ends at the sign-in timeout (30 s), when the
      // token in hand has expired.
      clock.advance(580_000);
      flaky.faults.injectLogin({ kind: 'hang' });
      const read = client.whoAmI();
      await runOut(clock, DEFAULT_SIGN_IN_TIMEOUT_MS, () => flaky.faults.held === 1, read);
      await expect(read).resolves.toBeDefined();
      expect(flaky.login.issued.get(APP_ID)).toBe(2);
      expect(sleeps).toEqual([]);
      expect(flaky.requests.filter((request) => request.status === 401)).toEqual([]);
    } finally {
      await flaky.close();
    }
  }, 20_000);

  it('gets a new token and retries once when Dataverse rejects the cached one as expired', async () => {
    const serverClock = createManualClock(Date.now());
    const skewed = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      tokenLifetimeSeconds: 600,
      clock: serverClock,
    });
    try {
      const { client } = connectToLocal(skewed, { clock: createManualClock(Date.now()) });
      await client.whoAmI();
      serverClock.advance(700_000); // the server's clock runs ahead: the client's cached token is expired there
      await expect(client.whoAmI()).resolves.toBeDefined();
      expect(
        skewed.requests.filter((request) => request.service === 'dataverse').map((request) => request.status),
      ).toEqual([200, 401, 200]);
      expect(skewed.login.issued.get(APP_ID)).toBe(2);
    } finally {
      await skewed.close();
    }
  });
});
