import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { secretsShown } from '@connector-alm/testing';
import type { EchoStyle, LocalServer } from '../src/index.js';
import { connectToLocal, SECRET, startContosoServer } from './helpers/connect.js';

/**
 * Entra ID, a .NET service, quoting the token request back as .NET writes it: the client secret
 * must not show in any of those forms in what the client says (message, hint, log lines).
 */

let server: LocalServer;
beforeAll(async () => {
  server = await startContosoServer();
});
afterAll(() => server.close());

/** What the login host's echo answers to a token request with SECRET in its form body, as sent. */
async function echoAnswer(as: EchoStyle): Promise<string> {
  server.faults.clear();
  server.faults.injectLogin({ kind: 'echo', status: 401, as });
  const response = await fetch(`${server.authorityHost}/${server.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_secret: SECRET }),
  });
  return response.text();
}

describe("the login host's echo writes the secret back as .NET would", () => {
  // The premise of the tests below: each style does bring the secret back in its own form.
  it.each([
    ['as-sent', 'client_secret=S3cr%2Bt%2Fwith%3Dsigns-and%7Emore'],
    ['dotnet-url-encoded', 'client_secret=S3cr%2bt%2fwith%3dsigns-and%7emore'],
    ['dotnet-json', 'client_secret=S3cr\\u002Bt/with=signs-and~more'],
    ['url-encoded-again', 'client_secret%3DS3cr%252Bt%252Fwith%253Dsigns-and%257Emore'],
    ['cut-short', 'client_secret=S3cr%2Bt%2Fwith%3Dsigns-and%7Em'],
  ] as const)('%s: %s', async (as, form) => {
    expect(await echoAnswer(as)).toContain(`Body: ${form}"}`);
  });
});

describe('sign-in quotes no secret that Entra ID echoes back, whatever its encoding', () => {
  it.each(['as-sent', 'dotnet-url-encoded', 'dotnet-json', 'url-encoded-again', 'cut-short'] as const)(
    '%s',
    async (as) => {
      server.faults.clear();
      server.faults.injectLogin({ kind: 'echo', status: 401, as });
      const { client, logger } = connectToLocal(server);
      const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
      // The leak detector first: it decodes what it reads, so it sees the secret in a form missed here.
      expect(secretsShown([error.message, error.hint, ...logger.lines].join('\n'), [SECRET])).toEqual([]);
      // And the answer was read, with the secret taken out of it, not dropped or failed on.
      expect(error.message).toMatch(
        /Entra ID refused the token request: Rejected: POST .* Body: .*client_secret(=|%3D)\*\*\*$/,
      );
    },
  );
});

describe('a Web API error that quotes the request back', () => {
  // A gateway or a service in a bad state answers with the request it got, Authorization header and
  // all: the access token must not reach the message, which the CLI prints unmasked.
  it('names the Authorization header without the access token', async () => {
    server.faults.clear();
    server.faults.inject({ kind: 'echo', status: 403 }, { times: 1 });
    const { client, logger } = connectToLocal(server);
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toMatch(/Rejected: GET \S+ Authorization: Bearer \*\*\* Body: /);
    expect([error.message, error.hint, ...logger.lines].join('\n')).not.toMatch(/Bearer (?!\*\*\*)\S/);
  });
});
