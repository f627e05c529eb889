import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startLocalServer,
  type Fault,
  type LocalServer,
  type LoginEndpoint,
  type LoginFault,
} from '@connector-alm/dataverse';
import {
  REPO_ROOT,
  secretsInFiles,
  secretsShown,
  startElsewhere,
  type ReceivedRequest,
} from '@connector-alm/testing';
import { buildSolutionZip, closedPort, sentinelSignIns } from '@connector-alm/dataverse/testing';

/**
 * No secret is printed by the real CLI bundle, whatever the services answer: Entra ID, the GitHub
 * ID-token endpoint and Dataverse made to fail in each way, quoting the request they got (its
 * Authorization header, its form body) back, redirecting it to another origin, refusing the
 * connection, answering what is not JSON. Each run is made with and without --debug, and its
 * stdout, stderr and every file it leaves are searched for every secret, in every form a request
 * carries it, and for any JWT (access tokens, client assertions, GitHub ID tokens).
 */

const BUNDLE = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const {
  secretApp: SECRET_APP,
  certificateApp: CERT_APP,
  oidcApp: OIDC_APP,
  secret: SECRET,
  password: PASSWORD,
  requestToken: REQUEST_TOKEN,
  subject: SUBJECT,
  certificate,
  secrets: SECRETS,
  apps: SENTINEL_APPS,
} = sentinelSignIns('Client', '5f4e3d2c');
const solution = buildSolutionZip({ uniqueName: 'SecretsSolution', version: '1.0.0.0' });

let server: LocalServer;
let elsewhere: Awaited<ReturnType<typeof startElsewhere>>;
let cwd: string;
/** A loopback port nothing listens on. */
let closedLoginHost: string;
beforeAll(async () => {
  closedLoginHost = `http://127.0.0.1:${await closedPort('127.0.0.1')}`;
  server = await startLocalServer({
    githubRequestToken: REQUEST_TOKEN,
    githubSubject: SUBJECT,
    solutions: [solution],
    apps: SENTINEL_APPS,
  });
  elsewhere = await startElsewhere();
  cwd = mkdtempSync(path.join(os.tmpdir(), 'cli-secrets-'));
  writeFileSync(path.join(cwd, 'key.pem'), certificate.pem);
  writeFileSync(path.join(cwd, 'SecretsSolution.zip'), solution);
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
  rmSync(cwd, { recursive: true, force: true });
});

type Credential = 'secret' | 'certificate' | 'github-oidc';

/** The environment and options that sign in with each credential. */
function signIn(credential: Credential): { env: Record<string, string>; args: string[] } {
  if (credential === 'secret')
    return { env: { AZURE_CLIENT_ID: SECRET_APP, CONNECTOR_ALM_CLIENT_SECRET: SECRET }, args: [] };
  if (credential === 'certificate')
    return {
      env: { AZURE_CLIENT_ID: CERT_APP, CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD: PASSWORD },
      args: ['--client-certificate', 'key.pem'],
    };
  return {
    env: {
      AZURE_CLIENT_ID: OIDC_APP,
      ACTIONS_ID_TOKEN_REQUEST_URL: server.idTokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    },
    args: [],
  };
}

/** Runs the bundle as a user does, in its own process; resolves when it exits. */
function runBundle(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

interface Case {
  name: string;
  credential: Credential;
  /** export (the default) or import of the solution. */
  command?: 'import';
  arm(): void;
  /** What the error says, so that the case cannot pass by failing some other way. */
  says: RegExp;
  /** The authority host, when not the local login host. */
  authorityHost?: () => string;
}

const loginFault =
  (fault: LoginFault, endpoint: LoginEndpoint = 'token') =>
  () =>
    server.faults.injectLogin(fault, { endpoint });
const webApiFault =
  (fault: Fault, options: { times?: number; operation?: string } = {}) =>
  () =>
    server.faults.inject(fault, options);

const CASES: Case[] = [
  {
    name: 'Entra ID answers 401 quoting the token request: form body with the client secret',
    credential: 'secret',
    arm: loginFault({ kind: 'echo', status: 401 }),
    says: /Entra ID refused the token request: Rejected: POST .*client_secret=\*\*\*/,
  },
  {
    name: 'Entra ID answers 401 quoting the client secret as .NET url-encodes it, in lower-case hex',
    credential: 'secret',
    arm: loginFault({ kind: 'echo', status: 401, as: 'dotnet-url-encoded' }),
    says: /Entra ID refused the token request: Rejected: POST .*client_secret=\*\*\*/,
  },
  {
    name: 'Entra ID answers 401 quoting the client secret in JSON as System.Text.Json escapes it',
    credential: 'secret',
    arm: loginFault({ kind: 'echo', status: 401, as: 'dotnet-json' }),
    says: /Entra ID refused the token request: Rejected: POST .*client_secret=\*\*\*/,
  },
  {
    name: 'Entra ID answers 400 quoting the token request: the client assertion signed with the certificate',
    credential: 'certificate',
    arm: loginFault({ kind: 'echo', status: 400 }),
    says: /Entra ID refused the token request: Rejected: POST .*client_assertion=\*\*\*/,
  },
  {
    name: 'Entra ID answers 403 quoting the token request: the GitHub ID token as the client assertion',
    credential: 'github-oidc',
    arm: loginFault({ kind: 'echo', status: 403 }),
    says: /Entra ID refused the token request: Rejected: POST .*client_assertion=\*\*\*/,
  },
  {
    name: "GitHub's ID-token endpoint answers 401 quoting the request: the runner's request token",
    credential: 'github-oidc',
    arm: loginFault({ kind: 'echo', status: 401 }, 'github-id-token'),
    says: /GitHub refused the OIDC ID token request \(HTTP 401\)/,
  },
  {
    name: 'the login host redirects the token request to another origin',
    credential: 'secret',
    arm: () =>
      server.faults.injectLogin({ kind: 'redirect', status: 307, location: `${elsewhere.origin}/steal` }),
    says: /Entra ID token endpoint at http:\/\/127\.0\.0\.1:\d+ answered HTTP 307 with a redirect to http:\/\/127\.0\.0\.1:\d+/,
  },
  {
    name: 'the login host answers 200 with what is not JSON',
    credential: 'secret',
    arm: loginFault({ kind: 'status', status: 200, body: '{"access_token": "cut' }),
    says: /answered HTTP 200 with text\/plain; charset=utf-8, not with a token/,
  },
  {
    name: 'the login host hands out an access token with a line break, which no header can carry',
    credential: 'secret',
    arm: loginFault({
      kind: 'status',
      status: 200,
      body: { access_token: 'SentinelAccessToken\nrest', expires_in: 3599 },
    }),
    says: /access token that an HTTP header cannot carry/,
  },
  {
    name: 'nothing listens at the authority host',
    credential: 'secret',
    arm: () => {},
    authorityHost: () => closedLoginHost,
    says: /refused the connection \(nothing listens there\)/,
  },
  {
    name: 'Dataverse answers 401 twice quoting the request: Authorization with the access token',
    credential: 'secret',
    arm: webApiFault({ kind: 'echo', status: 401 }, { times: 2 }),
    says: /Lookup of solution 'SecretsSolution' failed: Rejected: GET .* Authorization: Bearer \*\*\*/,
  },
  {
    name: 'Dataverse answers 403 quoting the request, to a certificate sign-in',
    credential: 'certificate',
    arm: webApiFault({ kind: 'echo', status: 403 }),
    says: /failed: Rejected: GET .* Authorization: Bearer \*\*\*/,
  },
  {
    name: 'Dataverse answers the start of an export 500 quoting the request',
    credential: 'secret',
    arm: webApiFault({ kind: 'echo', status: 500 }, { operation: 'ExportSolutionAsync' }),
    says: /Rejected: POST .* Authorization: Bearer \*\*\*/,
  },
  {
    name: 'Dataverse answers an import 403 quoting the request',
    credential: 'secret',
    command: 'import',
    arm: webApiFault({ kind: 'echo', status: 403 }, { operation: 'ImportSolution' }),
    says: /Rejected: POST .* Authorization: Bearer \*\*\*/,
  },
  {
    name: 'Dataverse redirects to another origin',
    credential: 'github-oidc',
    arm: () =>
      server.faults.inject({
        kind: 'redirect',
        status: 307,
        location: `${elsewhere.origin}/api/data/v9.2/solutions`,
      }),
    says: /Lookup of solution 'SecretsSolution': http:\/\/127\.0\.0\.1:\d+ has no Dataverse Web API \(HTTP 404\)/,
  },
  {
    name: 'Dataverse answers 200 with what is not JSON',
    credential: 'secret',
    arm: webApiFault({ kind: 'status', status: 200, body: '<html>sign in</html>' }),
    says: /answered HTTP 200 with text\/plain; charset=utf-8, not with the Dataverse Web API's JSON/,
  },
];

describe('the CLI bundle prints no secret, whatever the services answer', () => {
  describe.each([[[] as string[]], [['--debug']]])('with %p', (debug) => {
    it.each(CASES.map((each) => [each.name, each] as const))(
      '%s',
      async (_name, each) => {
        server.faults.clear();
        elsewhere.received.length = 0;
        each.arm();
        const { env, args } = signIn(each.credential);
        const command =
          each.command === 'import'
            ? ['import', 'SecretsSolution.zip']
            : ['export', 'SecretsSolution', '-o', 'out/x.zip'];
        const run = await runBundle(
          [...debug, ...command, ...args, '--authority-host', each.authorityHost?.() ?? server.authorityHost],
          { ...env, DATAVERSE_ENVIRONMENT_URL: server.environmentUrl, AZURE_TENANT_ID: server.tenantId },
        );
        expect({ code: run.code, stderr: run.stderr }).toEqual({
          code: 1,
          stderr: expect.stringMatching(each.says),
        });
        expect(secretsShown(`${run.stdout}\n${run.stderr}`, [...SECRETS, 'SentinelAccessToken'])).toEqual([]);
        expect(secretsInFiles(cwd, [SECRET, PASSWORD, REQUEST_TOKEN, 'SentinelAccessToken'])).toEqual([]);
        // A redirect of the Web API is followed (to where nothing answers), one of sign-in is not.
        expect(elsewhere.received.length > 0).toBe(each.name === 'Dataverse redirects to another origin');
        // Whatever a redirect made of the request, it carried no credential to the other origin.
        expect(elsewhere.received.map(credentialIn)).toEqual(elsewhere.received.map(() => 'none'));
      },
      60_000,
    );
  });
});

/** What credential a request to the other origin carried: a header, or a secret in its body. */
function credentialIn(request: ReceivedRequest): string {
  if (request.authorization) return `Authorization: ${request.authorization}`;
  const shown = secretsShown(request.body, SECRETS);
  return shown.length > 0
    ? `body with ${shown.join(', ')}`
    : /client_secret|client_assertion/.test(request.body)
      ? 'a credential'
      : 'none';
}
