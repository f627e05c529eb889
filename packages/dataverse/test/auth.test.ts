import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describeUserError, UsageError } from '@connector-alm/core';
import {
  createManualClock,
  startLocalServer,
  type CertificateSources,
  type ClientCredential,
  type Fetch,
  type LocalServer,
} from '../src/index.js';
import { createTestCertificate, damagePemBlock } from './helpers/certificate.js';
import { APP_ID, connectToLocal, SECRET } from './helpers/connect.js';
import { OIDC_APP, oidcServer, SUBJECT } from './helpers/oidc-server.js';

const certificate = createTestCertificate();
const otherCertificate = createTestCertificate();
const CERT_APP = 'aaaaaaaa-0000-4000-8000-000000000001';
const PASSWORD = 'k3y-p4ss~word';
const encrypted = createTestCertificate({ password: PASSWORD });
/** As another caller than the CLI and the actions might read them: both from variables. */
const SOURCES: CertificateSources = {
  certificate: { variable: 'APP_CERTIFICATE_PEM' },
  certificatePassword: { variable: 'APP_CERTIFICATE_PASSWORD' },
};

function certificateCredential(pem: string, passphrase?: string): ClientCredential {
  return {
    kind: 'certificate',
    privateKeyPem: pem,
    certificatePem: pem,
    ...(passphrase === undefined ? {} : { passphrase }),
    sources: SOURCES,
  };
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    githubSubject: SUBJECT,
    apps: [
      { clientId: APP_ID, secret: SECRET },
      { clientId: CERT_APP, certificates: [certificate.certificatePem, encrypted.certificatePem] },
      {
        clientId: OIDC_APP,
        federatedCredentials: [
          {
            issuer: 'https://token.actions.githubusercontent.com',
            subject: SUBJECT,
            audience: 'api://AzureADTokenExchange',
          },
        ],
      },
    ],
  });
});
afterAll(() => server.close());

const oidc = () => ({
  kind: 'github-oidc' as const,
  requestUrl: server.idTokenRequestUrl,
  requestToken: server.idTokenRequestToken,
});

describe('Entra ID authentication against the local server', () => {
  it('signs in with a client secret containing + / = and calls WhoAmI', async () => {
    const { client, secrets } = connectToLocal(server);
    const me = await client.whoAmI();
    expect(me.OrganizationId).toBe(server.dataverse.organizationId);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatch(/^ey/);
  });

  it('signs in with a certificate through a signed client assertion', async () => {
    const { client, secrets } = connectToLocal(server, {
      appId: CERT_APP,
      credential: certificateCredential(certificate.pem),
    });
    await expect(client.whoAmI()).resolves.toMatchObject({ OrganizationId: server.dataverse.organizationId });
    // The assertion and the access token are both handed over for masking.
    expect(secrets).toHaveLength(2);
  });

  it('refuses a certificate that is not registered on the app, with AADSTS700027 and what to do', async () => {
    const { client } = connectToLocal(server, {
      appId: CERT_APP,
      credential: certificateCredential(otherCertificate.pem),
    });
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: expect.stringContaining('AADSTS700027'),
      hint: expect.stringContaining('upload the certificate'),
    });
  });

  it('signs in with a certificate whose key is encrypted, given its password', async () => {
    const { client } = connectToLocal(server, {
      appId: CERT_APP,
      credential: certificateCredential(encrypted.pem, PASSWORD),
    });
    await expect(client.whoAmI()).resolves.toBeDefined();
  });

  it.each([
    [
      'a damaged certificate',
      certificateCredential(damagePemBlock(certificate.pem, 'CERTIFICATE')),
      'The certificate in APP_CERTIFICATE_PEM cannot be read: it is not a valid X.509 certificate. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then set APP_CERTIFICATE_PEM to the content of cert.pem.',
    ],
    [
      'a damaged private key',
      certificateCredential(damagePemBlock(certificate.pem, 'PRIVATE KEY')),
      'The private key in APP_CERTIFICATE_PEM cannot be read: it is not a valid private key. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then set APP_CERTIFICATE_PEM to the content of cert.pem.',
    ],
    [
      'an encrypted key without its password',
      certificateCredential(encrypted.pem),
      'The private key in APP_CERTIFICATE_PEM is encrypted, and APP_CERTIFICATE_PASSWORD is not set. ' +
        'Set APP_CERTIFICATE_PASSWORD to its password.',
    ],
    [
      'an encrypted key with a wrong password',
      certificateCredential(encrypted.pem, 'not-the-password'),
      'The private key in APP_CERTIFICATE_PEM cannot be decrypted with the password in APP_CERTIFICATE_PASSWORD. ' +
        'Set APP_CERTIFICATE_PASSWORD to the password the key was encrypted with.',
    ],
  ])('refuses %s before asking for a token, naming where it came from', async (_case, credential, text) => {
    const before = server.requests.length;
    const { client } = connectToLocal(server, { appId: CERT_APP, credential });
    const error: unknown = await client.whoAmI().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(describeUserError(error as UsageError)).toBe(text);
    expect(server.requests.length).toBe(before);
  });

  it('signs in with GitHub OIDC federation: ID token for api://AzureADTokenExchange, then jwt-bearer', async () => {
    const { client, secrets } = connectToLocal(server, { appId: OIDC_APP, credential: oidc() });
    await expect(client.whoAmI()).resolves.toBeDefined();
    const idTokenRequest = server.requests.find((request) => request.path.startsWith('/_github/oidc/token'));
    expect(idTokenRequest?.path).toContain('audience=api%3A%2F%2FAzureADTokenExchange');
    expect(secrets).toHaveLength(2);
  });

  it('reports a federated subject that matches no credential with AADSTS700213 and the subject', async () => {
    const other = await startLocalServer({
      githubSubject: 'repo:contoso/connectors:ref:refs/heads/feature',
      apps: [
        {
          clientId: OIDC_APP,
          federatedCredentials: [
            {
              issuer: 'https://token.actions.githubusercontent.com',
              subject: SUBJECT,
              audience: 'api://AzureADTokenExchange',
            },
          ],
        },
      ],
    });
    try {
      const { client } = connectToLocal(other, {
        appId: OIDC_APP,
        credential: {
          kind: 'github-oidc',
          requestUrl: other.idTokenRequestUrl,
          requestToken: other.idTokenRequestToken,
        },
      });
      await expect(client.whoAmI()).rejects.toThrow(
        /AADSTS700213: .*'repo:contoso\/connectors:ref:refs\/heads\/feature'/,
      );
    } finally {
      await other.close();
    }
  });

  it('reports a subject differing only in case with AADSTS7002138', async () => {
    const { other, client } = await oidcServer(
      'repo:Contoso/connectors:ref:refs/heads/main',
      'api://AzureADTokenExchange',
    );
    try {
      await expect(client.whoAmI()).rejects.toMatchObject({
        message: expect.stringContaining('AADSTS7002138'),
        hint: expect.stringContaining('case-sensitive'),
      });
    } finally {
      await other.close();
    }
  });

  it('asks GitHub for the ID token with the audience of the cloud: AzureADTokenExchangeUSGov in GCC High and DoD, AzureADTokenExchangeChina in China', async () => {
    // The federated credentials that Entra ID in Azure Government and in China offer by default.
    const sovereign = [
      ['UsGovHigh', 'api://AzureADTokenExchangeUSGov'],
      ['UsGovDod', 'api://AzureADTokenExchangeUSGov'],
      ['China', 'api://AzureADTokenExchangeChina'],
      ['UsGov', 'api://AzureADTokenExchange'],
    ] as const;
    for (const [cloud, audience] of sovereign) {
      const other = await startLocalServer({
        githubSubject: SUBJECT,
        apps: [
          {
            clientId: OIDC_APP,
            federatedCredentials: [
              { issuer: 'https://token.actions.githubusercontent.com', subject: SUBJECT, audience },
            ],
          },
        ],
      });
      try {
        const { client } = connectToLocal(other, {
          appId: OIDC_APP,
          cloud,
          credential: {
            kind: 'github-oidc',
            requestUrl: other.idTokenRequestUrl,
            requestToken: other.idTokenRequestToken,
          },
        });
        await expect(client.whoAmI()).resolves.toBeDefined();
        const idTokenRequest = other.requests.find((request) =>
          request.path.startsWith('/_github/oidc/token'),
        );
        expect(new URL(idTokenRequest!.path, other.authorityHost).searchParams.get('audience')).toBe(
          audience,
        );
      } finally {
        await other.close();
      }
    }
  });

  it('names the audience of each cloud when no federated credential has the one presented (AADSTS700212)', async () => {
    const { other, client } = await oidcServer(SUBJECT, 'api://other');
    try {
      await expect(client.whoAmI()).rejects.toMatchObject({
        message: expect.stringContaining(
          "AADSTS700212: No matching federated identity record found for presented assertion audience 'api://AzureADTokenExchange'",
        ),
        hint: expect.stringContaining('api://AzureADTokenExchangeUSGov'),
      });
    } finally {
      await other.close();
    }
  });

  it('says the job lacks id-token: write when the runner refuses the ID token request', async () => {
    const { client } = connectToLocal(server, {
      appId: OIDC_APP,
      credential: { ...oidc(), requestToken: 'wrong' },
    });
    await expect(client.whoAmI()).rejects.toMatchObject({ hint: expect.stringContaining('id-token: write') });
  });

  it('explains a wrong secret (AADSTS7000215) without echoing the secret', async () => {
    const wrong = 'not-the-secret-value-123';
    const { client } = connectToLocal(server, { credential: { kind: 'secret', secret: wrong } });
    const error = (await client.whoAmI().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toContain('AADSTS7000215');
    expect(error.hint).toContain('secret Value');
    expect(`${error.message} ${error.hint}`).not.toContain(wrong);
  });

  it('explains an unknown app ID (AADSTS700016)', async () => {
    const { client } = connectToLocal(server, { appId: '99999999-0000-4000-8000-000000000000' });
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: expect.stringContaining('AADSTS700016'),
      hint: expect.stringContaining('app-id'),
    });
  });

  it('explains an environment URL Entra ID does not know as a resource (AADSTS500011)', async () => {
    const { client } = connectToLocal(server, { environmentUrl: 'http://127.0.0.2:9' });
    await expect(client.whoAmI()).rejects.toMatchObject({
      message: expect.stringContaining('AADSTS500011'),
      hint: expect.stringContaining('environment-url'),
    });
  });

  it("keeps a token as long as the token endpoint's expires_in says, and an hour when it says no number of seconds", async () => {
    /** Sign-ins for two requests `apartMs` apart, the token answer's expires_in replaced by `expiresIn`. */
    async function signIns(expiresIn: unknown, apartMs: number): Promise<number> {
      const rewriting: Fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith('/oauth2/v2.0/token')) return response;
        const answer = (await response.json()) as Record<string, unknown>;
        return Response.json({ ...answer, expires_in: expiresIn });
      };
      const before = server.login.issued.get(APP_ID) ?? 0;
      const { client, clock } = connectToLocal(server, { fetch: rewriting });
      await client.whoAmI();
      clock.advance(apartMs);
      await client.whoAmI();
      return (server.login.issued.get(APP_ID) ?? 0) - before;
    }
    for (const expiresIn of [undefined, 0, -60, 'soon'])
      expect([expiresIn, await signIns(expiresIn, 30 * 60_000)]).toEqual([expiresIn, 1]);
    // A token that lives one second is renewed after it.
    expect(await signIns(1, 1000)).toBe(2);
  });

  it('reuses one token for many requests while it is fresh', async () => {
    const before = server.login.issued.get(APP_ID) ?? 0;
    const { client } = connectToLocal(server, { clock: createManualClock(Date.now()) });
    for (let i = 0; i < 5; i++) await client.whoAmI();
    expect((server.login.issued.get(APP_ID) ?? 0) - before).toBe(1);
  });
});
