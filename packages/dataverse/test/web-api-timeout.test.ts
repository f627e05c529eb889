import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import {
  createManualClock,
  decideRetry,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_WEB_API_TIMEOUTS,
  exportSolution,
  importSolution,
  type LocalServer,
} from '../src/index.js';
import { connectToLocal, SECRET, startContosoServer, sentTo } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';
import { letPiecesCome, runOut, until } from './helpers/time.js';

// The connections are real, and the time limits run on the client's manual clock: a request the
// server holds unanswered is ended when the test lets the time pass, once the server holds it, and an
// answered one never runs out however slow the machine. So the limits are the ones users get, 30 s
// for quick requests and 10 minutes for slow ones, and letting them pass costs no real time.
const { quickMs, slowMs } = DEFAULT_WEB_API_TIMEOUTS;
// Each test ends in well under a second of real time; the limit only stops one that hangs.
const HANG_GUARD_MS = 20_000;

let server: LocalServer;
beforeAll(async () => {
  server = await startContosoServer();
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

/** Requests the client sent to one Web API route: the server logs a hung one only once it is closed. */
describe('what a request that got no answer in time is, for resending it', () => {
  const noAnswer = { kind: 'timeout' } as const;
  const decide = (nature: Parameters<typeof decideRetry>[5]) =>
    decideRetry(noAnswer, 1, 0, DEFAULT_RETRY_BUDGET, 0, nature);

  it('a quick read is sent again with backoff', () => {
    expect(decide({})).toEqual({ retry: true, delayMs: 1000 });
  });

  it('a slow request is not: another attempt would take as long, and the service may still be at it', () => {
    expect(decide({ slow: true })).toEqual({ retry: false, reason: 'not-retryable' });
  });

  it('a change that must not be applied twice may have been applied', () => {
    expect(decide({ idempotent: false, slow: true })).toEqual({
      retry: false,
      reason: 'may-have-been-applied',
    });
  });
});

describe('a quick request the environment takes and never answers', () => {
  it.each([
    ['WhoAmI', 'WhoAmI', 'WhoAmI'],
    ['a read of solution metadata', 'solutions', "Lookup of solution 'Contoso'"],
  ])(
    '%s is ended after the short timeout and sent again',
    async (_what, route, operation) => {
      server.faults.inject({ kind: 'hang' }, { operation: route });
      const { client, sleeps, logger, sent, clock } = connectToLocal(server);
      const read = route === 'WhoAmI' ? client.whoAmI() : client.findSolution('Contoso');
      await runOut(clock, quickMs, () => server.faults.held === 1, read);
      await expect(read).resolves.toBeDefined();
      expect(sentTo(sent, route)).toBe(2);
      expect(sleeps).toEqual([1000]);
      expect(logger.lines).toContainEqual(
        `warning: ${operation}: no answer from ${server.environmentUrl} within 30 s; retrying in 1 s.`,
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'an answer that stops halfway is ended once nothing arrives for that time, and read again',
    async () => {
      server.faults.inject({ kind: 'hang', afterHeaders: true }, { operation: 'WhoAmI' });
      const { client, sleeps, logger, sent, answered, clock } = connectToLocal(server);
      const read = client.whoAmI();
      // Once the answer has begun, the limit is on the silence that follows.
      await runOut(clock, quickMs, () => sentTo(answered, 'WhoAmI') === 1, read);
      await expect(read).resolves.toMatchObject({
        OrganizationId: server.dataverse.organizationId,
      });
      expect(sentTo(sent, 'WhoAmI')).toBe(2);
      expect(sleeps).toEqual([1000]);
      expect(logger.lines).toContainEqual(
        `warning: WhoAmI: the answer from ${server.environmentUrl} stopped arriving (nothing for 30 s); retrying in 1 s.`,
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'gives up within the attempt budget, saying how long it waited for an answer',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'WhoAmI', times: 100 });
      const { client, sleeps, sent, secrets, clock } = connectToLocal(server, {
        retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 },
      });
      const read = client.whoAmI().catch((e: unknown) => e);
      for (const attempt of [1, 2, 3])
        await runOut(clock, quickMs, () => server.faults.held === attempt, read);
      const error = (await read) as Error & { hint?: string };
      expect(error.message).toBe(
        `WhoAmI: ${server.environmentUrl} did not answer within 30 s; gave up after 3 attempts and 3 s of waiting.`,
      );
      expect(error.hint).toMatch(/environment-url.*proxy/);
      expect(sentTo(sent, 'WhoAmI')).toBe(3);
      expect(sleeps).toEqual([1000, 2000]);
      expect(secrets.length).toBeGreaterThan(0);
      for (const secret of [SECRET, ...secrets])
        expect(`${error.message} ${error.hint}`).not.toContain(secret);
    },
    HANG_GUARD_MS,
  );

  it(
    'a status poll that hangs does not hold up an asynchronous import: it is read again and the import goes on',
    async () => {
      const folder = temporaryFolder('web-api-timeout-');
      const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0.0.2' });
      server.faults.inject({ kind: 'hang' }, { operation: 'asyncoperations' });
      const { client, logger, sent, clock } = connectToLocal(server);
      const imported = importSolution(client, importOptions(file, { asynchronous: true }), logger);
      await runOut(clock, quickMs, () => server.faults.held === 1, imported);
      const result = await imported;
      expect(result).toMatchObject({ result: 'imported', version: '1.0.0.2' });
      expect(sentTo(sent, 'ImportSolutionAsync')).toBe(1);
      expect(logger.lines).toContainEqual(
        `warning: Status of the system job: no answer from ${server.environmentUrl} within 30 s; retrying in 1 s.`,
      );
    },
    HANG_GUARD_MS,
  );
});

describe('a synchronous export or import keeps the long limit and is not sent again', () => {
  it(
    'an export: fails after the long timeout, not the short one, saying what to use for large solutions',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'ExportSolution' });
      const { client, sleeps, sent, clock } = connectToLocal(server);
      const exported = client
        .exportSolution({ solutionName: 'Contoso', managed: false })
        .catch((e: unknown) => e);
      // The client waits on the long limit alone (runOut checks it), and that time passes.
      await runOut(clock, slowMs, () => server.faults.held === 1, exported);
      const error = (await exported) as Error & { hint?: string };
      // The service goes on exporting after the connection is given up: it may still be at it.
      expect(error.message).toMatch(
        /^Export of solution 'Contoso': the export may still be running in http:\/\/127\.0\.0\.1:\d+ since about .* UTC, but its end was not confirmed: no answer within 10 min\.$/,
      );
      expect(error.hint).toContain('Large solutions need the asynchronous mode (without --sync).');
      expect(sentTo(sent, 'ExportSolution')).toBe(1);
      expect(sleeps).toEqual([]);
    },
    HANG_GUARD_MS,
  );

  it(
    'an import: may still be running in the environment, so it is said so and not sent again',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'ImportSolution' });
      const { client, sleeps, sent, clock } = connectToLocal(server);
      const imported = client
        .importSolution({
          customizationFile: buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.3' }),
          importJobId: '0f9e8d7c-0000-4000-8000-000000000003',
          overwriteUnmanagedCustomizations: false,
          publishWorkflows: true,
        })
        .catch((e: unknown) => e);
      await runOut(clock, slowMs, () => server.faults.held === 1, imported);
      const error = (await imported) as Error & { hint?: string };
      expect(error.message).toBe(
        `Import of the solution may or may not have been applied: ${server.environmentUrl} did not answer within 10 min.`,
      );
      expect(error.hint).toMatch(/not sent again.*import job.*the asynchronous mode \(--async\)\./s);
      expect(sentTo(sent, 'ImportSolution')).toBe(1);
      expect(sleeps).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});

// StageAndUpgradeAsync only starts a job, but its request carries the solution file, as ImportSolutionAsync's does.
describe('the start of a stage and upgrade, which uploads the solution, has the long limit', () => {
  it(
    'and is not sent again when no answer came within it',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'StageAndUpgradeAsync' });
      const { client, sleeps, sent, clock } = connectToLocal(server);
      const started = client
        .startStageAndUpgrade({
          customizationFile: buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.4', managed: true }),
          importJobId: '0f9e8d7c-0000-4000-8000-000000000004',
          overwriteUnmanagedCustomizations: false,
          publishWorkflows: true,
          solutionName: 'Contoso',
        })
        .catch((e: unknown) => e);
      await runOut(clock, slowMs, () => server.faults.held === 1, started);
      const error = (await started) as Error;
      expect(error.message).toBe(
        `Import of solution 'Contoso' may or may not have been applied: ${server.environmentUrl} did not answer within 10 min.`,
      );
      expect(sentTo(sent, 'StageAndUpgradeAsync')).toBe(1);
      expect(sleeps).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});

describe('a slow request that may be sent twice is not sent again after the long limit either', () => {
  it(
    'publishing all customizations: may still be running, so said so, with where to look',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'PublishAllXml' });
      const { client, sleeps, sent, clock } = connectToLocal(server);
      const published = client.publishAll().catch((e: unknown) => e);
      await runOut(clock, slowMs, () => server.faults.held === 1, published);
      const error = (await published) as Error & { hint?: string };
      expect(error.message).toBe(
        `Publishing all customizations: ${server.environmentUrl} did not answer within 10 min.`,
      );
      expect(error.hint).toBe(
        'It may still be running in the environment: check there before running the command again.',
      );
      expect(sentTo(sent, 'PublishAllXml')).toBe(1);
      expect(sleeps).toEqual([]);
    },
    HANG_GUARD_MS,
  );

  it(
    'the download of an exported solution: says what to check, in its own words',
    async () => {
      server.faults.inject({ kind: 'hang' }, { operation: 'DownloadSolutionExportData' });
      const { client, sleeps, sent, clock } = connectToLocal(server);
      const downloaded = client
        .downloadExportData('0f9e8d7c-0000-4000-8000-000000000005')
        .catch((e: unknown) => e);
      await runOut(clock, slowMs, () => server.faults.held === 1, downloaded);
      const error = (await downloaded) as Error & { hint?: string };
      expect(error.message).toBe(
        `Download of the exported solution: ${server.environmentUrl} did not answer within 10 min.`,
      );
      expect(error.hint).toBe("Check this machine's network to the environment, and run the command again.");
      expect(sentTo(sent, 'DownloadSolutionExportData')).toBe(1);
      expect(sleeps).toEqual([]);
    },
    HANG_GUARD_MS,
  );
});

describe('a big answer over a slow link: the limit is on silence, not on the whole answer', () => {
  // About 2 KB in 32-byte pieces, one every 29.9 s: just under the limit between two pieces, and the
  // whole answer longer than the slow limit, the longest the client has. The server sends them on the clock it shares with the client, so the pieces
  // come as the test moves that clock (letPiecesCome) and take no real time.
  const slowLink = { kind: 'trickle', bytes: 32, everyMs: quickMs - 100 } as const;
  const importJobReads = (requests: readonly string[]) =>
    requests.filter((request) => request.includes('/importjobs(')).length;
  /** Reads of the import log, the last request of a failed import (the progress reads leave it out). */
  const importLogReads = (requests: readonly string[]) =>
    requests.filter((request) => request.includes('/importjobs(') && request.includes(',data')).length;

  /** A server of its own on a fresh manual clock, and a client on the same clock. */
  async function onOneClock(
    test: (server: LocalServer, connection: ReturnType<typeof connectToLocal>) => Promise<void>,
  ) {
    const clock = createManualClock(Date.now());
    const linked = await startContosoServer(clock);
    try {
      await test(linked, connectToLocal(linked, { clock }));
    } finally {
      await linked.close();
    }
  }

  it(
    "an import log that takes longer than the slow limit to arrive is read once, and gives Dataverse's reason",
    () =>
      onOneClock(async (linked, { client, logger, sent, clock }) => {
        const folder = temporaryFolder('web-api-timeout-');
        const file = solutionZipIn(folder, { uniqueName: 'Contoso', version: '1.0.0.4' });
        const reason = `Required components are missing: ${'a web resource, '.repeat(60)}and a flow.`;
        linked.faults.failNextImport({ errortext: reason });
        linked.faults.inject(slowLink, { operation: 'importjobs', times: 100 });
        const imported = importSolution(client, importOptions(file, { asynchronous: true }), logger).catch(
          (e: unknown) => e,
        );
        let logBegan: number | undefined;
        await letPiecesCome(clock, slowLink, quickMs, imported, () => {
          if (logBegan === undefined && importLogReads(sent) === 1) logBegan = clock.now();
        });
        const error = (await imported) as Error;
        expect(clock.now() - logBegan!).toBeGreaterThan(slowMs);
        expect(error.message).toBe(
          `Import of solution 'Contoso' failed in Dataverse. The reason given was: ${reason} (Dataverse code 0x80048033)`,
        );
        expect(sentTo(sent, 'ImportSolutionAsync')).toBe(1);
        // No read of the import job was given up on and sent again.
        expect(logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
      }),
    HANG_GUARD_MS,
  );

  it(
    'an import log whose answer stalls is read again, then given up on with what happened',
    async () => {
      server.faults.inject({ kind: 'hang', afterHeaders: true }, { operation: 'importjobs', times: 100 });
      const { client, sleeps, sent, answered, secrets, clock } = connectToLocal(server, {
        retry: { ...DEFAULT_RETRY_BUDGET, maxAttempts: 3 },
      });
      const id = '0f9e8d7c-0000-4000-8000-000000000004';
      const read = client.getImportJob(id, { data: true }).catch((e: unknown) => e);
      for (const attempt of [1, 2, 3])
        await runOut(clock, quickMs, () => importJobReads(answered) === attempt, read);
      const error = (await read) as Error & { hint?: string };
      expect(error.message).toBe(
        `Result of the import job: the answer from ${server.environmentUrl} stopped arriving (nothing for 30 s); gave up after 3 attempts and 3 s of waiting.`,
      );
      expect(error.hint).toMatch(/network.*proxy/);
      expect(sentTo(sent, `importjobs(${id})`)).toBe(3);
      expect(sleeps).toEqual([1000, 2000]);
      for (const secret of [SECRET, ...secrets])
        expect(`${error.message} ${error.hint}`).not.toContain(secret);
    },
    HANG_GUARD_MS,
  );

  it(
    'the download of an exported solution arrives slowly, and one that stalls is downloaded again',
    () =>
      onOneClock(async (linked, { client, logger, sent, answered, clock }) => {
        const folder = temporaryFolder('web-api-timeout-');
        linked.faults.inject(
          { kind: 'hang', afterHeaders: true },
          { operation: 'DownloadSolutionExportData' },
        );
        linked.faults.inject(slowLink, { operation: 'DownloadSolutionExportData' });
        const exported = exportSolution(
          client,
          {
            solutionName: 'Contoso',
            outputFile: path.join(folder, 'Contoso.zip'),
            managed: false,
            asynchronous: true,
            maxAsyncWaitMs: 60 * 60_000,
            publish: false,
          },
          logger,
        );
        const downloads = () => sentTo(answered, 'DownloadSolutionExportData');
        // The stalled attempt ends after 30 s of silence; the download that goes through takes longer
        // than the slow limit.
        await runOut(clock, quickMs, () => downloads() === 1, exported);
        await until(() => downloads() === 2, exported);
        const downloadBegan = clock.now();
        await letPiecesCome(clock, slowLink, quickMs, exported);
        expect(clock.now() - downloadBegan).toBeGreaterThan(slowMs);
        const result = await exported;
        expect(result).toMatchObject({ solutionName: 'Contoso', bytes: expect.any(Number) });
        expect(sentTo(sent, 'DownloadSolutionExportData')).toBe(2);
        expect(sentTo(sent, 'ExportSolutionAsync')).toBe(1);
        expect(logger.lines).toContainEqual(
          `warning: Download of the exported solution: the answer from ${linked.environmentUrl} stopped arriving (nothing for 30 s); retrying in 1 s.`,
        );
      }),
    HANG_GUARD_MS,
  );
});
