import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { UserError } from '@connector-alm/core';
import { createManualClock, DEFAULT_RETRY_BUDGET, startLocalServer, type LocalServer } from '../src/index.js';
import { entraErrorCode, isTransientEntraFailure } from '../src/auth/entra-errors.js';
import { DEFAULT_SIGN_IN_TIMEOUT_MS } from '../src/auth/sign-in-request.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { runOut } from './helpers/time.js';
import { oidcServer, SUBJECT } from './helpers/oidc-server.js';

const TOKEN_PATH = '/oauth2/v2.0/token';
const ID_TOKEN_PATH = '/_github/oidc/token';

/** The statuses of the requests to one endpoint of the login host, in order. */
function answers(server: LocalServer, path: string): number[] {
  return server.requests
    .filter((request) => request.service === 'login' && request.path.includes(path))
    .map((request) => request.status);
}

describe('which token endpoint failures are worth another attempt', () => {
  const entra = (error: string, code: number) => ({
    error,
    error_description: `AADSTS${code}: …`,
    error_codes: [code],
  });

  it('retries timeouts, throttling and server trouble, and Entra ID saying so in the body', () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isTransientEntraFailure(status, {})).toBe(true);
    expect(isTransientEntraFailure(503, entra('temporarily_unavailable', 90033))).toBe(true);
    // AADSTS90033 means "a transient error has occurred" whatever status carries it.
    expect(isTransientEntraFailure(400, entra('invalid_request', 90033))).toBe(true);
    expect(isTransientEntraFailure(400, { error: 'temporarily_unavailable' })).toBe(true);
    // An OAuth error that blames neither the request nor the client leaves it to the status.
    expect(isTransientEntraFailure(500, { error: 'server_error' })).toBe(true);
  });

  it('does not retry what another attempt cannot change', () => {
    for (const status of [400, 401, 403, 404, 501]) expect(isTransientEntraFailure(status, {})).toBe(false);
    expect(isTransientEntraFailure(401, entra('invalid_client', 7000215))).toBe(false);
    expect(isTransientEntraFailure(400, entra('unauthorized_client', 700016))).toBe(false);
    expect(isTransientEntraFailure(400, entra('invalid_scope', 70011))).toBe(false);
    // Loop detection: more requests only prolong it, even if it came with a status that is otherwise retried.
    expect(isTransientEntraFailure(429, entra('invalid_request', 50196))).toBe(false);
    expect(isTransientEntraFailure(503, entra('invalid_request', 50196))).toBe(false);
    expect(isTransientEntraFailure(429, { error_codes: [50196] })).toBe(false);
    expect(isTransientEntraFailure(503, entra('temporarily_unavailable', 50196))).toBe(false);
    // The body names the client as the problem: a proxy's status does not make it transient.
    expect(isTransientEntraFailure(500, entra('invalid_client', 7000215))).toBe(false);
  });
});

describe('the AADSTS code of a token error, which chooses the advice', () => {
  it('is the first of error_codes, else the one the description begins with', () => {
    expect(
      entraErrorCode({ error_codes: [7000215], error_description: 'Invalid client secret provided.' }),
    ).toBe(7000215);
    expect(entraErrorCode({ error_codes: [700016, 50000] })).toBe(700016);
    // Without error_codes, or with none in it, the description's code counts.
    expect(
      entraErrorCode({ error_codes: [], error_description: 'AADSTS700016: Application not found.' }),
    ).toBe(700016);
    expect(entraErrorCode({ error_description: 'AADSTS90002: Tenant not found.' })).toBe(90002);
    expect(entraErrorCode({ error: 'invalid_client' })).toBeUndefined();
  });
});

describe('the first token request against the local Entra ID', () => {
  let server: LocalServer;
  beforeEach(async () => {
    server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  });
  afterEach(() => server.close());

  it('signs in after a transient 503 (AADSTS90033), backing off and saying so', async () => {
    server.faults.injectLogin({ kind: 'unavailable' });
    const { client, sleeps, logger } = connectToLocal(server);
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(answers(server, TOKEN_PATH)).toEqual([503, 200]);
    expect(sleeps).toEqual([1000]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: Sign-in: .*HTTP 503.*retrying in 1 s/),
    );
    // The status and Entra's code, as a reader searches for them.
    expect(logger.lines).toContainEqual(
      'warning: Sign-in: Entra ID answered HTTP 503 AADSTS90033; retrying in 1 s.',
    );
  });

  it('waits what Retry-After says on 429, in seconds or as an HTTP date', async () => {
    const clock = createManualClock(Date.UTC(2025, 0, 1));
    server.faults.injectLogin({ kind: 'throttle', retryAfter: '7' });
    server.faults.injectLogin({
      kind: 'throttle',
      retryAfter: new Date(clock.now() + 7000 + 9000).toUTCString(),
    });
    const { client, sleeps, logger } = connectToLocal(server, { clock });
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(answers(server, TOKEN_PATH)).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([7000, 9000]);
    // Entra ID's throttling answers in plain text, without an AADSTS code.
    expect(logger.lines).toContainEqual('warning: Sign-in: Entra ID answered HTTP 429; retrying in 7 s.');
  });

  it('backs off on 429 when Retry-After is no number of seconds nor a date, instead of asking again at once', async () => {
    server.faults.injectLogin({ kind: 'throttle', retryAfter: '-5' });
    server.faults.injectLogin({ kind: 'throttle', retryAfter: '0.5.1' });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(answers(server, TOKEN_PATH)).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('signs in after the connection drops before any answer', async () => {
    server.faults.injectLogin({ kind: 'drop-connection' }, { times: 2 });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).resolves.toBeDefined();
    expect(answers(server, TOKEN_PATH)).toEqual([0, 0, 200]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('does not repeat a request Entra ID refused for a wrong secret (invalid_client)', async () => {
    const wrong = 'not-the-secret-value-123';
    const { client, sleeps } = connectToLocal(server, { credential: { kind: 'secret', secret: wrong } });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toMatch(/^Entra ID refused the token request: AADSTS7000215: /);
    expect(error.message).not.toContain('gave up');
    expect(error.hint).toContain('secret Value');
    expect(answers(server, TOKEN_PATH)).toEqual([401]);
    expect(sleeps).toEqual([]);
  });

  it('says what came instead of a token when the login host answers 200 with a web page or cut JSON', async () => {
    // A proxy's sign-in page, or a host that is not Entra ID, answering 200.
    server.faults.injectLogin({
      kind: 'status',
      status: 200,
      body: '<html><body>Sign in to the proxy</body></html>',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: `The Entra ID token endpoint at ${server.authorityHost} answered HTTP 200 with text/html; charset=utf-8, not with a token.`,
      hint: expect.stringMatching(/authority-host.*proxy/),
    });
    server.faults.injectLogin({ kind: 'status', status: 200, body: '{"token_type":"Bearer","access_tok' });
    await expect(connectToLocal(server).client.whoAmI()).rejects.toMatchObject({
      message: `The Entra ID token endpoint at ${server.authorityHost} answered HTTP 200 with text/plain; charset=utf-8, not with a token.`,
    });
    expect(sleeps).toEqual([]);
  });

  it('follows no redirect of the token request, whichever of the five statuses fetch follows it says', async () => {
    for (const status of [301, 302, 303, 307, 308] as const) {
      server.faults.injectLogin({
        kind: 'redirect',
        status,
        location: 'https://login.contoso.example/t?x=1',
      });
      const { client, sent, sleeps } = connectToLocal(server);
      await expect(client.whoAmI()).rejects.toThrow(
        `The Entra ID token endpoint at ${server.authorityHost} answered HTTP ${status} with a redirect to https://login.contoso.example; the token request was not sent there.`,
      );
      expect([status, sent, sleeps]).toEqual([status, [expect.stringContaining(TOKEN_PATH)], []]);
    }
  });

  it('takes JSON that is no object (null, a string) for what came instead of a token, not for a token answer', async () => {
    for (const body of ['null', '"eyJ0eXAi"']) {
      server.faults.injectLogin({
        kind: 'status',
        status: 200,
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      await expect(connectToLocal(server).client.whoAmI()).rejects.toMatchObject({
        message: `The Entra ID token endpoint at ${server.authorityHost} answered HTTP 200 with application/json, not with a token.`,
      });
    }
  });

  it('names a token answer without an access token as what it is, and what to check', async () => {
    server.faults.injectLogin({ kind: 'status', status: 200, body: { token_type: 'Bearer' } });
    await expect(connectToLocal(server).client.whoAmI()).rejects.toMatchObject({
      message: `The Entra ID token endpoint at ${server.authorityHost} answered HTTP 200 without an access token.`,
      hint: expect.stringMatching(/authority-host/),
    });
  });

  it('gives up within the attempt budget, with the count, the wait and the last cause', async () => {
    server.faults.injectLogin({ kind: 'unavailable' }, { times: 100 });
    const { client, sleeps } = connectToLocal(server, { retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 } });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toMatch(
      /^Entra ID refused the token request: AADSTS90033: A transient error has occurred\. Please try again\. Trace ID: [0-9a-f-]+; gave up after 3 attempts and 3 s of waiting\.$/,
    );
    expect(error.message).not.toContain(SECRET);
    expect(answers(server, TOKEN_PATH)).toEqual([503, 503, 503]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(server.requests.filter((request) => request.service === 'dataverse')).toEqual([]);
  });

  it('gives up at once when Retry-After asks for a longer wait than the budget allows, and says so', async () => {
    server.faults.injectLogin({ kind: 'throttle', retryAfter: '3600' });
    const { client, sleeps } = connectToLocal(server);
    await expect(client.whoAmI()).rejects.toThrow(
      /HTTP 429; gave up after 1 attempt and 0 s of waiting: the service asked to wait 60 min, more than the 5 min allowed\.$/,
    );
    expect(answers(server, TOKEN_PATH)).toEqual([429]);
    expect(sleeps).toEqual([]);
  });
});

describe('the GitHub OIDC ID-token request', () => {
  let other: LocalServer | undefined;
  afterEach(() => other?.close());

  it('signs in after the ID-token endpoint answers 500 once', async () => {
    const setup = await oidcServer(
      'repo:contoso/connectors:ref:refs/heads/main',
      'api://AzureADTokenExchange',
    );
    other = setup.other;
    other.faults.injectLogin({ kind: 'status', status: 500 }, { endpoint: 'github-id-token' });
    await expect(setup.client.whoAmI()).resolves.toBeDefined();
    expect(answers(other, ID_TOKEN_PATH)).toEqual([500, 200]);
    expect(answers(other, TOKEN_PATH)).toEqual([200]);
    expect(setup.sleeps).toEqual([1000]);
  });

  it('does not repeat an ID-token request GitHub refused with 403, and says the job needs id-token: write', async () => {
    const setup = await oidcServer(
      'repo:contoso/connectors:ref:refs/heads/main',
      'api://AzureADTokenExchange',
    );
    other = setup.other;
    other.faults.injectLogin(
      { kind: 'status', status: 403, body: { message: 'Forbidden' } },
      { endpoint: 'github-id-token' },
    );
    await expect(setup.client.whoAmI()).rejects.toMatchObject({
      message: 'GitHub refused the OIDC ID token request (HTTP 403).',
      hint: expect.stringContaining('id-token: write'),
    });
    expect(answers(other, ID_TOKEN_PATH)).toEqual([403]);
    expect(answers(other, TOKEN_PATH)).toEqual([]);
    expect(setup.sleeps).toEqual([]);
  });

  it('gives up on a failing ID-token endpoint without showing its query string or the request token', async () => {
    const setup = await oidcServer(
      'repo:contoso/connectors:ref:refs/heads/main',
      'api://AzureADTokenExchange',
      {
        retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 2 },
      },
    );
    other = setup.other;
    other.faults.injectLogin({ kind: 'status', status: 503 }, { endpoint: 'github-id-token', times: 100 });
    const error = (await setup.client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `The GitHub OIDC token endpoint at ${other.authorityHost}${ID_TOKEN_PATH} answered HTTP 503; gave up after 2 attempts and 1 s of waiting.`,
    );
    expect(`${error.message} ${error.hint}`).not.toContain(other.idTokenRequestToken);
    expect(answers(other, ID_TOKEN_PATH)).toEqual([503, 503]);
  });
});

describe('a GitHub ID-token request URL or token that fetch refuses', () => {
  let other: LocalServer;
  beforeEach(async () => {
    other = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  });
  afterEach(() => other.close());

  /** Signs in with this URL and token; the error, the lines logged and the requests sent. */
  async function signIn(requestUrl: string, requestToken: string) {
    const connection = connectToLocal(other, {
      credential: { kind: 'github-oidc', requestUrl, requestToken },
    });
    const error = (await connection.client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    const shown = `${error.message} ${error.hint} ${connection.logger.lines.join('\n')}`;
    return { error, shown, ...connection };
  }

  it('refuses a URL with a user name and password at once, without showing them', async () => {
    const url = new URL(other.idTokenRequestUrl);
    url.username = 'runner';
    url.password = 'pa55-w0rd';
    // fetch would refuse it with an error that quotes the URL whole, which was retried 8 times.
    const { error, shown, sleeps, sent } = await signIn(url.href, other.idTokenRequestToken);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('ACTIONS_ID_TOKEN_REQUEST_URL holds a user name or password.');
    expect(error.hint).toContain('The runner sets it');
    expect(shown).not.toContain('pa55-w0rd');
    expect(sleeps).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('refuses a URL with a user name alone, or a password alone, as well', async () => {
    for (const [username, password] of [
      ['runner', ''],
      ['', 'pa55-w0rd'],
    ]) {
      const url = new URL(other.idTokenRequestUrl);
      url.username = username!;
      url.password = password!;
      const { error, sent } = await signIn(url.href, other.idTokenRequestToken);
      expect([url.href, error.message]).toEqual([
        url.href,
        'ACTIONS_ID_TOKEN_REQUEST_URL holds a user name or password.',
      ]);
      expect(sent).toEqual([]);
    }
  });

  it('refuses a URL that does not parse as an input error, not as a bug, without its query', async () => {
    const { error, shown, sent } = await signIn('token.actions/oidc?sig=s3cr3t', other.idTokenRequestToken);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe("ACTIONS_ID_TOKEN_REQUEST_URL 'token.actions/oidc' is not a URL.");
    expect(shown).not.toContain('s3cr3t');
    expect(sent).toEqual([]);
  });

  it('refuses a request token with a line break in it at once, without showing it', async () => {
    // fetch refuses the Authorization header with an error that quotes it, token included.
    const { error, shown, sleeps, sent } = await signIn(other.idTokenRequestUrl, 'eyJhbGci\nOiJSUzI1-secret');
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN holds a line break or another character an HTTP header cannot carry.',
    );
    expect(shown).not.toContain('secret');
    expect(sleeps).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('refuses a request token with DEL in it, which no HTTP header carries, at once', async () => {
    const { error, sent } = await signIn(other.idTokenRequestUrl, 'eyJhbGci\x7fOiJSUzI1');
    expect(error.message).toBe(
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN holds a line break or another character an HTTP header cannot carry.',
    );
    expect(sent).toEqual([]);
  });

  it("sends a request token with a space or a Latin-1 letter inside, which a header carries, for the runner's service to judge", async () => {
    for (const requestToken of ['eyJhbGci OiJSUzI1', 'eyJhbGci\u00ffOiJSUzI1']) {
      const { error, sent } = await signIn(other.idTokenRequestUrl, requestToken);
      expect([requestToken, error.message]).toEqual([
        requestToken,
        'GitHub refused the OIDC ID token request (HTTP 401).',
      ]);
      expect(sent).toHaveLength(1);
    }
  });

  it('says so when the runner answers without an ID token', async () => {
    for (const body of [{ count: 0 }, { count: 0, value: '' }]) {
      other.faults.injectLogin({ kind: 'status', status: 200, body }, { endpoint: 'github-id-token' });
      const { error } = await signIn(other.idTokenRequestUrl, other.idTokenRequestToken);
      expect([body, error.message]).toEqual([
        body,
        'The GitHub OIDC token endpoint answered without a token.',
      ]);
    }
  });

  it('takes a request token with a line break at its end, as fetch does', async () => {
    const connection = connectToLocal(other, {
      credential: {
        kind: 'github-oidc',
        requestUrl: other.idTokenRequestUrl,
        requestToken: `${other.idTokenRequestToken}\n`,
      },
    });
    // The runner's ID token reaches the token endpoint, which knows no federated credential for the app.
    await expect(connection.client.whoAmI()).rejects.toThrow(/^Entra ID refused the token request/);
    expect(answers(other, ID_TOKEN_PATH)).toEqual([200]);
  });
});

describe('a login host that accepts the connection and never answers', () => {
  // The connection is real; the per-attempt timeout and the waits between attempts run on the manual
  // clock: an attempt the server holds runs out when the test lets the time pass (runOut), never before;
  // so the timeout is the one users get, which costs no real time.
  const TIMEOUT_MS = DEFAULT_SIGN_IN_TIMEOUT_MS;
  let server: LocalServer;
  beforeEach(async () => {
    server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  });
  afterEach(() => server.close());

  /** The requests the client sent to one endpoint: the server logs a hung one only once it is closed. */
  const sentTo = (sent: string[], path: string) => sent.filter((line) => line.includes(path)).length;

  it('ends an attempt that gets no answer within the sign-in timeout and tries again', async () => {
    server.faults.injectLogin({ kind: 'hang' });
    const { client, sleeps, logger, sent, clock } = connectToLocal(server);
    const read = client.whoAmI();
    await runOut(clock, TIMEOUT_MS, () => server.faults.held === 1, read);
    await expect(read).resolves.toBeDefined();
    expect(sentTo(sent, TOKEN_PATH)).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(logger.lines).toContainEqual(
      `warning: Sign-in: no answer from ${server.authorityHost} within 30 s; retrying in 1 s.`,
    );
  }, 20_000);

  it('gives up within the attempt budget, saying the host did not answer within the timeout', async () => {
    server.faults.injectLogin({ kind: 'hang' }, { times: 100 });
    const { client, sleeps, sent, clock } = connectToLocal(server, {
      retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 },
    });
    const read = client.whoAmI().catch((e: unknown) => e);
    for (const attempt of [1, 2, 3])
      await runOut(clock, TIMEOUT_MS, () => server.faults.held === attempt, read);
    const error = (await read) as Error & { hint?: string };
    expect(error.message).toBe(
      `The Entra ID token endpoint at ${server.authorityHost} did not answer within 30 s; gave up after 3 attempts and 3 s of waiting.`,
    );
    expect(error.hint).toMatch(/authority-host/);
    expect(sentTo(sent, TOKEN_PATH)).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(server.requests.filter((request) => request.service === 'dataverse')).toEqual([]);
  }, 20_000);

  it('does the same for the GitHub ID-token request, naming its URL without the query', async () => {
    const setup = await oidcServer(SUBJECT, 'api://AzureADTokenExchange', {
      retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 2 },
    });
    try {
      setup.other.faults.injectLogin({ kind: 'hang' }, { endpoint: 'github-id-token', times: 100 });
      const read = setup.client.whoAmI().catch((e: unknown) => e);
      for (const attempt of [1, 2])
        await runOut(setup.clock, TIMEOUT_MS, () => setup.other.faults.held === attempt, read);
      const error = (await read) as Error & { hint?: string };
      expect(error.message).toBe(
        `The GitHub OIDC token endpoint at ${setup.other.authorityHost}${ID_TOKEN_PATH} did not answer within 30 s; gave up after 2 attempts and 1 s of waiting.`,
      );
      expect(`${error.message} ${error.hint}`).not.toContain(setup.other.idTokenRequestToken);
      expect(sentTo(setup.sent, ID_TOKEN_PATH)).toBe(2);
      expect(sentTo(setup.sent, TOKEN_PATH)).toBe(0);
    } finally {
      await setup.other.close();
    }
  }, 20_000);

  it('signs in once the ID-token endpoint answers again', async () => {
    const setup = await oidcServer(SUBJECT, 'api://AzureADTokenExchange');
    try {
      setup.other.faults.injectLogin({ kind: 'hang' }, { endpoint: 'github-id-token' });
      const read = setup.client.whoAmI();
      await runOut(setup.clock, TIMEOUT_MS, () => setup.other.faults.held === 1, read);
      await expect(read).resolves.toBeDefined();
      expect(sentTo(setup.sent, ID_TOKEN_PATH)).toBe(2);
      expect(setup.sleeps).toEqual([1000]);
    } finally {
      await setup.other.close();
    }
  }, 20_000);
});
