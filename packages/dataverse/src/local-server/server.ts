import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock.js';
import { DataverseService } from './dataverse-service.js';
import { FaultSwitches } from './faults.js';
import { GITHUB_ID_TOKEN_PATH, LoginService } from './login-service.js';
import { DEFAULT_TENANT_ID, GITHUB_ISSUER, type LocalApp } from './scenario.js';
import { signingKeys } from './signing-keys.js';
import { SolutionStore } from './solution-store.js';

export interface LocalServerOptions {
  tenantId?: string;
  apps?: LocalApp[];
  /** Solutions loaded at start (zip bytes). */
  solutions?: Uint8Array[];
  /** A folder of solution zips: loaded at start, imports written back. */
  solutionsFolder?: string;
  /** Lifetime of access tokens; short values make refresh observable. Default 3599, as Entra ID. */
  tokenLifetimeSeconds?: number;
  /**
   * Environment origins besides the local one that the login host issues tokens for, so that a test
   * can sign in for a host that does not exist and see what the Web API call makes of it.
   */
  resources?: string[];
  /** Status reads before an async job completes. Default 3. */
  asyncPolls?: number;
  /** Ports; 0 (default) picks free ones. */
  loginPort?: number;
  dataversePort?: number;
  githubRequestToken?: string;
  /** The `sub` of GitHub ID tokens. */
  githubSubject?: string;
  /**
   * The server's clock: token lifetimes, job times and the pace of a trickled answer. Tests share a
   * manual clock with the client to move time for both; the system clock by default.
   */
  clock?: Clock;
  onRequest?: (entry: RequestLogEntry) => void;
  /** What the server does otherwise than Dataverse would, for its log (see SolutionStore's onNote). */
  onNote?: (note: string) => void;
}

export interface RequestLogEntry {
  service: 'login' | 'dataverse';
  method: string;
  path: string;
  status: number;
}

export interface LocalServer {
  /** The Dataverse environment URL (http://127.0.0.1:port). */
  environmentUrl: string;
  /** The Entra ID authority host (http://127.0.0.1:port). */
  authorityHost: string;
  tenantId: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL for the fake GitHub ID-token endpoint. */
  idTokenRequestUrl: string;
  idTokenRequestToken: string;
  store: SolutionStore;
  faults: FaultSwitches;
  dataverse: DataverseService;
  login: LoginService;
  /** Every request, in order. */
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

/** Starts the local Entra ID and Dataverse on two loopback ports. See README.md for the wire format. */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const apps = options.apps ?? [];
  const store = new SolutionStore(options.solutionsFolder, options.onNote);
  for (const zip of options.solutions ?? []) store.put(zip, false);
  const faults = new FaultSwitches();
  const { tokens: tokenKeys, github: githubKeys } = await signingKeys();
  const requests: RequestLogEntry[] = [];
  const idTokenRequestToken = options.githubRequestToken ?? 'local-runner-request-token';

  const loginHttp = createServer();
  const dataverseHttp = createServer();
  const loginOrigin = await listen(loginHttp, options.loginPort ?? 0);
  // A port in use fails here after the login host listens: left open, it would keep the process alive.
  const dataverseOrigin = await listen(dataverseHttp, options.dataversePort ?? 0).catch(
    async (error: unknown) => {
      await close(loginHttp);
      throw error;
    },
  );

  const login = new LoginService({
    origin: loginOrigin,
    tenantId,
    apps,
    resources: () => [dataverseOrigin, ...(options.resources ?? [])],
    tokenKey: tokenKeys.privateKey,
    githubKey: githubKeys.privateKey,
    githubPublicKey: githubKeys.publicKey,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    githubRequestToken: idTokenRequestToken,
    githubSubject: options.githubSubject ?? 'repo:contoso/connectors:ref:refs/heads/main',
    now,
    faults,
  });
  const dataverse = new DataverseService({
    origin: dataverseOrigin,
    tenantId,
    apps,
    store,
    faults,
    tokenKey: tokenKeys.publicKey,
    asyncPolls: options.asyncPolls ?? 3,
    clock,
  });
  loginHttp.on(
    'request',
    logged('login', (request, response) => login.handle(request, response)),
  );
  dataverseHttp.on(
    'request',
    logged('dataverse', (request, response) => dataverse.handle(request, response)),
  );

  function logged(
    service: RequestLogEntry['service'],
    handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  ) {
    return (request: IncomingMessage, response: ServerResponse) => {
      response.on('close', () => {
        const entry = {
          service,
          method: request.method ?? '',
          path: request.url ?? '',
          status: response.headersSent ? response.statusCode : 0,
        };
        requests.push(entry);
        options.onRequest?.(entry);
      });
      handler(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500).end(String(error));
      });
    };
  }

  return {
    environmentUrl: dataverseOrigin,
    authorityHost: loginOrigin,
    tenantId,
    idTokenRequestUrl: `${loginOrigin}${GITHUB_ID_TOKEN_PATH}?api-version=2.0`,
    idTokenRequestToken,
    store,
    faults,
    dataverse,
    login,
    requests,
    close: async () => {
      await Promise.all([close(loginHttp), close(dataverseHttp)]);
    },
  };
}

export { GITHUB_ISSUER };

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
