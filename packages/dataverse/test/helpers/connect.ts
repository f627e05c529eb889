import { createMemoryLogger, type SaySetting } from '@connector-alm/core';
import {
  connectDataverse,
  createManualClock,
  type ClientCredential,
  type Clock,
  type ManualClock,
  type Fetch,
  type LocalServer,
  type RetryBudget,
  type WebApiTimeouts,
  startLocalServer,
} from '../../src/index.js';
import { buildSolutionZip } from './solution-zip.js';

export const APP_ID = '11111111-2222-4333-8444-555555555555';
export const SECRET = 'S3cr+t/with=signs-and~more';

/**
 * The local server most tests need: the test app (APP_ID, SECRET) and one solution, Contoso 1.0.0.1;
 * on `clock` when given (one the test shares with the client), else on the system clock.
 */
export function startContosoServer(clock?: Clock): Promise<LocalServer> {
  return startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    solutions: [buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.1' })],
    ...(clock ? { clock } : {}),
  });
}

/**
 * A client for the local server, on a clock that never waits and moves only when told (or slept on),
 * capturing log lines and masked secrets. Its requests' time limits run on that clock too: a request
 * the server holds unanswered is ended only when the test lets the time pass (see ./time.ts).
 */
export function connectToLocal(
  server: LocalServer,
  options: {
    credential?: ClientCredential;
    appId?: string;
    clock?: ManualClock;
    retry?: RetryBudget;
    environmentUrl?: string;
    cloud?: string;
    authorityHost?: string;
    signInTimeoutMs?: number;
    webApiTimeouts?: Partial<WebApiTimeouts>;
    /** The fetch that requests go through; the global one by default. */
    fetch?: Fetch;
    /** How advice names a setting: the CLI's options by default. */
    say?: SaySetting;
  } = {},
) {
  const clock = options.clock ?? createManualClock(Date.now());
  const logger = createMemoryLogger();
  const secrets: string[] = [];
  const sleeps: number[] = [];
  /** Every request sent, as `METHOD url`: counts attempts the server cannot see (a host that does not exist). */
  const sent: string[] = [];
  /** Every request whose answer has begun (status and headers in), the same way. */
  const answered: string[] = [];
  const countingFetch: Fetch = async (input, init) => {
    const request = `${init?.method ?? 'GET'} ${String(input)}`;
    sent.push(request);
    const response = await (options.fetch ?? fetch)(input, init);
    answered.push(request);
    return response;
  };
  const countingClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      await clock.sleep(ms);
    },
    startTimer: (ms, onExpiry) => clock.startTimer(ms, onExpiry),
  };
  const client = connectDataverse(
    {
      environmentUrl: options.environmentUrl ?? server.environmentUrl,
      tenantId: server.tenantId,
      appId: options.appId ?? APP_ID,
      credential: options.credential ?? { kind: 'secret', secret: SECRET },
      authorityHost: options.authorityHost ?? server.authorityHost,
      ...(options.cloud ? { cloud: options.cloud } : {}),
    },
    {
      logger,
      clock: countingClock,
      fetch: countingFetch,
      onSecret: (value) => secrets.push(value),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
      ...(options.webApiTimeouts ? { webApiTimeouts: options.webApiTimeouts } : {}),
      ...(options.say ? { say: options.say } : {}),
    },
  );
  return { client, logger, secrets, sleeps, sent, answered, clock };
}

/** How many requests the client sent to one Web API route (`sent` of connectToLocal), answered or not. */
export const sentTo = (sent: readonly string[], route: string): number =>
  sent.filter((line) => new URL(line.split(' ')[1]!).pathname.endsWith(`/${route}`)).length;
