import { afterAll, beforeAll, expect } from '@jest/globals';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionRun } from '@connector-alm/testing';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';

/** The app that signs in with the client secret. */
export const SECRET_APP_ID = '3d2c1b0a-1111-4222-8333-944455556666';
/** The app whose federated credential trusts the workflow's GitHub OIDC token. */
export const OIDC_APP_ID = '3d2c1b0a-1111-4222-8333-944455557777';
/** The app that signs in with one of the `certificates` of the options. */
export const CERTIFICATE_APP_ID = '3d2c1b0a-1111-4222-8333-944455558888';

export interface LocalDataverseOptions {
  /** Prefix of the workspace folder's name. */
  name: string;
  /** The secret of SECRET_APP_ID. */
  secret: string;
  /** The `sub` of the GitHub ID tokens, which OIDC_APP_ID's credential trusts. */
  subject: string;
  solutions?: Uint8Array[];
  /** Environment origins besides the local one that the login host issues tokens for. */
  resources?: string[];
  /** PEM certificates registered on CERTIFICATE_APP_ID. */
  certificates?: string[];
  /**
   * Status reads before an asynchronous job completes (the server's default 3 when not given). Each
   * read after the first is a real sleep of the action's poll (1 s, then 2 s): a file whose subject
   * is not the wait sets 1, and the job is done at its first read.
   */
  asyncPolls?: number;
}

export interface LocalDataverse {
  readonly server: LocalServer;
  /** The action's workspace, one for the whole file. */
  readonly workspace: string;
  /** environment-url, tenant-id and authority-host of the local server. */
  connection(): Record<string, string>;
  /** The connection inputs and SECRET_APP_ID's credentials. */
  secretSignIn(): Record<string, string>;
  /** What the runner sets for a job with `id-token: write`. */
  oidcEnv(): Record<string, string>;
}

/**
 * A local Entra ID and Dataverse for an action's tests, started before the file's tests and closed
 * after them, with three apps: one signing in with a client secret, one with a certificate, one with
 * GitHub OIDC.
 */
export function localDataverse(options: LocalDataverseOptions): LocalDataverse {
  let server: LocalServer | undefined;
  let workspace: string | undefined;
  beforeAll(async () => {
    server = await startLocalServer({
      githubSubject: options.subject,
      solutions: options.solutions,
      resources: options.resources,
      asyncPolls: options.asyncPolls,
      apps: [
        { clientId: SECRET_APP_ID, secret: options.secret },
        { clientId: CERTIFICATE_APP_ID, certificates: options.certificates ?? [] },
        {
          clientId: OIDC_APP_ID,
          federatedCredentials: [
            {
              issuer: 'https://token.actions.githubusercontent.com',
              subject: options.subject,
              audience: 'api://AzureADTokenExchange',
            },
          ],
        },
      ],
    });
    // Its real path, as the actions name the places they write (on macOS os.tmpdir() is a link).
    workspace = realpathSync(mkdtempSync(path.join(os.tmpdir(), `${options.name}-`)));
  });
  afterAll(async () => {
    await server?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });
  const started = (): LocalServer => {
    if (!server) throw new Error('The local Dataverse starts in beforeAll; use it inside a test.');
    return server;
  };
  const local: LocalDataverse = {
    get server() {
      return started();
    },
    get workspace() {
      started();
      return workspace!;
    },
    connection: () => ({
      'environment-url': started().environmentUrl,
      'tenant-id': started().tenantId,
      'authority-host': started().authorityHost,
    }),
    secretSignIn: () => ({ ...local.connection(), 'app-id': SECRET_APP_ID, 'client-secret': options.secret }),
    oidcEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: started().idTokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: started().idTokenRequestToken,
    }),
  };
  return local;
}

/** No secret, token or assertion in the log, except inside the ::add-mask:: commands that hide them. */
export function expectNothingSecretPrinted(run: ActionRun, secrets: string[]): void {
  const log = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  for (const secret of secrets) expect(log.join('\n')).not.toContain(secret);
  expect(log.filter((line) => /eyJ[\w-]+\.[\w-]+\./.test(line))).toEqual([]);
}
