import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type Fault, type LocalServer, type LoginFault } from '@connector-alm/dataverse';
import { buildSolutionZip, sentinelSignIns } from '@connector-alm/dataverse/testing';
import {
  runActionBundle,
  secretsInFiles,
  secretsShown,
  startElsewhere,
  type ActionRun,
} from '@connector-alm/testing';
import {
  CONNECTOR,
  NO_WRITE_INTERVAL,
  scenarioForAllTests,
  type Scenario,
} from '@connector-alm/github/testing';

/**
 * No secret reaches the job log, the job summary, the step's outputs or the files of the workspace,
 * whatever the services answer, for the real action bundles as the runner runs them: Entra ID and
 * Dataverse (export-solution) and GitHub (open-pull-request) quoting the request they got back
 * (Authorization header, form body), and redirecting it to another origin. The runner masks what
 * the actions register with add-mask, but only as registered (not form-encoded, for one): the log is
 * searched as written, ::add-mask:: commands aside.
 */

const {
  secretApp: SECRET_APP,
  certificateApp: CERT_APP,
  oidcApp: OIDC_APP,
  secret: SECRET,
  password: PASSWORD,
  requestToken: REQUEST_TOKEN,
  subject: SUBJECT,
  certificate,
  keyLine: KEY_LINE,
  secrets: SECRETS,
  apps: SENTINEL_APPS,
} = sentinelSignIns('Action', '6a5b4c3d');

/** What a run leaked: into its log (add-mask aside), summary, outputs, or any file of the workspace. */
function leaks(run: ActionRun, workspace: string, secrets: readonly string[]): string[] {
  const log = `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [
    ...secretsShown(log, secrets).map((secret) => `log: ${secret}`),
    ...secretsShown(run.summary, secrets).map((secret) => `summary: ${secret}`),
    ...secretsShown(JSON.stringify(run.outputs), secrets).map((secret) => `outputs: ${secret}`),
    ...secretsInFiles(
      workspace,
      secrets.filter((secret) => secret !== KEY_LINE),
    ),
  ];
}

describe('export-solution prints no secret, whatever Entra ID and Dataverse answer', () => {
  let server: LocalServer;
  let elsewhere: Awaited<ReturnType<typeof startElsewhere>>;
  let workspace: string;
  beforeAll(async () => {
    server = await startLocalServer({
      githubRequestToken: REQUEST_TOKEN,
      githubSubject: SUBJECT,
      solutions: [buildSolutionZip({ uniqueName: 'SecretsSolution', version: '1.0.0.0' })],
      apps: SENTINEL_APPS,
    });
    elsewhere = await startElsewhere();
    workspace = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'action-secrets-')));
  });
  afterAll(async () => {
    await server.close();
    await elsewhere.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  type Credential = 'secret' | 'certificate' | 'github-oidc';
  const CASES: {
    name: string;
    credential: Credential;
    login?: LoginFault | (() => LoginFault);
    webApi?: Fault | (() => Fault);
    operation?: string;
    times?: number;
    says: RegExp;
  }[] = [
    {
      name: 'Entra ID answers 401 quoting the form body with the client secret',
      credential: 'secret',
      login: { kind: 'echo', status: 401 },
      says: /Entra ID refused the token request: Rejected: POST .*client_secret=\*\*\*/,
    },
    {
      name: 'Entra ID answers 400 quoting the client assertion signed with the certificate',
      credential: 'certificate',
      login: { kind: 'echo', status: 400 },
      says: /Entra ID refused the token request: Rejected: POST .*client_assertion=\*\*\*/,
    },
    {
      name: 'Entra ID answers 401 quoting the GitHub ID token',
      credential: 'github-oidc',
      login: { kind: 'echo', status: 401 },
      says: /Entra ID refused the token request: Rejected: POST .*client_assertion=\*\*\*/,
    },
    {
      name: 'the login host redirects the token request to another origin',
      credential: 'secret',
      login: () => ({ kind: 'redirect', status: 308, location: `${elsewhere.origin}/steal` }),
      says: /answered HTTP 308 with a redirect to http:\/\/127\.0\.0\.1:\d+; the token request was not sent there/,
    },
    {
      name: 'Dataverse answers 403 quoting the Authorization header',
      credential: 'certificate',
      webApi: { kind: 'echo', status: 403 },
      says: /failed: Rejected: GET .* Authorization: Bearer \*\*\*/,
    },
    {
      name: 'Dataverse answers the start of the export 500 quoting the request',
      credential: 'github-oidc',
      webApi: { kind: 'echo', status: 500 },
      operation: 'ExportSolutionAsync',
      says: /its start was not confirmed: Rejected: POST .* Authorization: Bearer \*\*\*/,
    },
    {
      name: 'Dataverse redirects to another origin',
      credential: 'secret',
      webApi: () => ({
        kind: 'redirect',
        status: 307,
        location: `${elsewhere.origin}/api/data/v9.2/solutions`,
      }),
      says: /has no Dataverse Web API \(HTTP 404\)/,
    },
  ];

  it.each(CASES.map((each) => [each.name, each] as const))(
    '%s',
    async (_name, each) => {
      server.faults.clear();
      elsewhere.received.length = 0;
      if (each.login) server.faults.injectLogin(typeof each.login === 'function' ? each.login() : each.login);
      if (each.webApi)
        server.faults.inject(typeof each.webApi === 'function' ? each.webApi() : each.webApi, {
          ...(each.operation ? { operation: each.operation } : {}),
        });
      const credential: Record<Credential, { inputs: Record<string, string>; env: Record<string, string> }> =
        {
          secret: { inputs: { 'app-id': SECRET_APP, 'client-secret': SECRET }, env: {} },
          certificate: {
            inputs: {
              'app-id': CERT_APP,
              'client-certificate': certificate.pem,
              'client-certificate-password': PASSWORD,
            },
            env: {},
          },
          'github-oidc': {
            inputs: { 'app-id': OIDC_APP },
            env: {
              ACTIONS_ID_TOKEN_REQUEST_URL: server.idTokenRequestUrl,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
            },
          },
        };
      const run = await runActionBundle('export-solution', {
        workspace,
        inputs: {
          'environment-url': server.environmentUrl,
          'tenant-id': server.tenantId,
          'authority-host': server.authorityHost,
          ...credential[each.credential].inputs,
          'solution-name': 'SecretsSolution',
          'solution-output-file': 'out/SecretsSolution.zip',
        },
        // The runner's debug logging, which the actions' core.debug lines go to.
        env: { ...credential[each.credential].env, RUNNER_DEBUG: '1' },
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.map((annotation) => annotation.message)).toEqual([
        expect.stringMatching(each.says),
      ]);
      expect(leaks(run, workspace, SECRETS)).toEqual([]);
      expect(
        elsewhere.received.filter(
          (request) => request.authorization || /client_secret|client_assertion/.test(request.body),
        ),
      ).toEqual([]);
    },
    60_000,
  );
});

describe('open-pull-request prints no secret, whatever GitHub answers', () => {
  const scenario: Scenario = scenarioForAllTests();
  let elsewhere: Awaited<ReturnType<typeof startElsewhere>>;
  beforeAll(async () => {
    elsewhere = await startElsewhere();
  });
  afterAll(async () => elsewhere.close());

  it.each([
    [401, /GitHub rejected the token while .* \(401 Rejected: GET .* Authorization: token \*\*\*/],
    [403, /GitHub refused .* \(403 Rejected: GET .* Authorization: token \*\*\*/],
    [422, /GitHub failed while .* \(422 Rejected: GET .* Authorization: token \*\*\*/],
  ])(
    'GitHub answers %i quoting the Authorization header',
    async (status, says) => {
      scenario.github.setFaults({ echoRequest: { times: 1, status } });
      const run = await runActionBundle('open-pull-request', {
        workspace: scenario.workspace,
        apiUrl: scenario.github.url,
        inputs: { token: scenario.contributor.token, connector: CONNECTOR },
        env: { ...NO_WRITE_INTERVAL, RUNNER_DEBUG: '1' },
        timeoutMs: 120_000,
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.map((annotation) => annotation.message)).toEqual([expect.stringMatching(says)]);
      expect(leaks(run, scenario.workspace, [scenario.contributor.token])).toEqual([]);
    },
    120_000,
  );

  it('carries no token to another origin that GitHub redirects to', async () => {
    elsewhere.received.length = 0;
    scenario.github.setFaults({ redirect: { times: 1, origin: elsewhere.origin } });
    const run = await runActionBundle('open-pull-request', {
      workspace: scenario.workspace,
      apiUrl: scenario.github.url,
      inputs: { token: scenario.contributor.token, connector: CONNECTOR },
      env: { ...NO_WRITE_INTERVAL, RUNNER_DEBUG: '1' },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).toBe(1);
    expect(elsewhere.received.length).toBeGreaterThan(0);
    expect(elsewhere.received.map((request) => request.authorization ?? 'none')).toEqual(
      elsewhere.received.map(() => 'none'),
    );
    expect(leaks(run, scenario.workspace, [scenario.contributor.token])).toEqual([]);
  }, 120_000);
});
