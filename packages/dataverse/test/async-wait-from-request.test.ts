import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import {
  DEFAULT_WEB_API_TIMEOUTS,
  exportSolution,
  importSolution,
  startLocalServer,
  type LocalServer,
} from '../src/index.js';
import { APP_ID, connectToLocal, SECRET, sentTo } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip, solutionZipIn } from './helpers/solution-zip.js';
import { runOut } from './helpers/time.js';

// max-async-wait-time is "minutes to wait for an asynchronous export or import before failing the
// step": counted from when the request that starts the job is sent, not from its first poll. The
// start request can take minutes itself (Retry-After of throttling, a lost answer waited out), and
// those minutes are part of the wait. Real requests to the local server, whose jobs never finish
// (asyncPolls), on the manual clock: the minutes cost no real time.
const { slowMs } = DEFAULT_WEB_API_TIMEOUTS;
const RETRY_AFTER_S = 120;

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    solutions: [buildSolutionZip({ uniqueName: 'Contoso', version: '1.0.0.1' })],
    asyncPolls: 100_000,
  });
  folder = temporaryFolder('async-wait-');
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

describe('max-async-wait-time counts from the request that starts the job', () => {
  it('an export whose start was throttled for 4 minutes is waited for 1 more of its 5', async () => {
    server.faults.inject(
      { kind: 'throttle', retryAfterSeconds: RETRY_AFTER_S },
      { operation: 'ExportSolutionAsync', times: 2 },
    );
    const { client, logger, clock, sent } = connectToLocal(server);
    const start = clock.now();

    const error = (await exportSolution(
      client,
      {
        solutionName: 'Contoso',
        outputFile: path.join(folder, 'Contoso.zip'),
        managed: false,
        asynchronous: true,
        maxAsyncWaitMs: 5 * 60_000,
        publish: false,
      },
      logger,
    ).catch((e: unknown) => e)) as Error;

    expect(sentTo(sent, 'ExportSolutionAsync')).toBe(3);
    expect(error.message).toMatch(
      /^Export of solution 'Contoso' did not finish within 5 minutes \(last status: /,
    );
    const waited = clock.now() - start;
    expect(waited).toBeGreaterThan(4 * 60_000);
    expect(waited).toBeLessThanOrEqual(5 * 60_000);
  });

  it('an import whose start was throttled for 4 minutes is waited for 1 more of its 5', async () => {
    const file = solutionZipIn(folder, { uniqueName: 'Throttled', version: '1.0.0.0' });
    server.faults.inject(
      { kind: 'throttle', retryAfterSeconds: RETRY_AFTER_S },
      { operation: 'ImportSolutionAsync', times: 2 },
    );
    const { client, logger, clock, sent } = connectToLocal(server);
    const start = clock.now();

    const error = (await importSolution(
      client,
      importOptions(file, { asynchronous: true, maxAsyncWaitMs: 5 * 60_000 }),
      logger,
    ).catch((e: unknown) => e)) as Error;

    expect(sentTo(sent, 'ImportSolutionAsync')).toBe(3);
    expect(error.message).toMatch(
      /^Import of solution 'Throttled' did not finish within 5 minutes \(last status: /,
    );
    const waited = clock.now() - start;
    expect(waited).toBeGreaterThan(4 * 60_000);
    expect(waited).toBeLessThanOrEqual(5 * 60_000);
  });

  /**
   * Imports `name` asynchronously, with a wait of 5 minutes, while the answer that starts its job is
   * lost (held until the client's silence limit), and returns how the run ended.
   */
  async function importWithLostAnswer(name: string) {
    const file = solutionZipIn(folder, { uniqueName: name, version: '1.0.0.0' });
    server.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolutionAsync' });
    const { client, logger, clock, sleeps } = connectToLocal(server);
    const start = clock.now();
    const imported = importSolution(
      client,
      importOptions(file, { asynchronous: true, maxAsyncWaitMs: 5 * 60_000 }),
      logger,
    ).catch((e: unknown) => e);
    await runOut(clock, slowMs, () => server.faults.held === 1, imported);
    return { error: (await imported) as Error, logger, sleeps, waited: clock.now() - start };
  }

  it('an import whose lost answer took longer than the whole wait: its job is read once, then the run fails', async () => {
    const { error, sleeps, waited } = await importWithLostAnswer('Lost');
    expect(error.message).toMatch(
      /^Import of solution 'Lost' did not finish within 5 minutes \(last progress: \d+%\)\.$/,
    );
    // No poll waited for: the 10-minute silence had used the whole wait.
    expect(sleeps).toEqual([]);
    expect(waited).toBe(slowMs);
  });

  it('an import whose job has reported no progress when the wait runs out says so, not "0%"', async () => {
    // The import job as Dataverse answers it before the import starts: no progress, not completed.
    server.faults.inject(
      { kind: 'status', status: 200, body: { progress: null, completedon: null, data: null } },
      { operation: 'importjobs', times: 100 },
    );
    const { error, logger } = await importWithLostAnswer('NoProgress');
    expect(error.message).toBe(
      "Import of solution 'NoProgress' did not finish within 5 minutes (no progress reported yet).",
    );
    expect(logger.lines.filter((line) => line.startsWith('Import:'))).toEqual([]);
  });
});

// A synchronous import (ImportSolution) whose first request got a 503 is looked for by its import job
// for 30 s, then sent once more (import-unconfirmed.test.ts). The wait still counts from the first
// request, as it does across throttling: the first request, the 30 s and the resend are time before the
// import started, and the step is bounded by max-async-wait-time whatever happened before. It matters
// only when the resend's answer is lost too and the import is followed by its import job; an import
// found ended is reported whatever is left of the wait, and a resend that is answered waits for nothing.
describe('max-async-wait-time of a synchronous import resent after a 503', () => {
  const GRACE_MS = 30_000;
  let imports = 0;
  function newSolution(): { file: string; name: string } {
    const name = `Resent${++imports}`;
    const file = solutionZipIn(folder, { uniqueName: name, version: '1.0.0.0' });
    return { file, name };
  }
  const resendLog = (importJobId: string) =>
    `warning: The answer to the import request was lost (The service is unavailable (injected HTTP 503). (Dataverse code 0x80040216, HTTP 503)), and import job ${importJobId} does not exist 30 s later: the import did not start, so it is sent once more.`;

  it('a resend that is answered waits for nothing more than the 30 s, even with a wait of 1 minute', async () => {
    const { file, name } = newSolution();
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'ImportSolution' });
    const { client, logger, clock, sent, sleeps } = connectToLocal(server);
    const start = clock.now();

    const result = await importSolution(
      client,
      importOptions(file, { asynchronous: false, maxAsyncWaitMs: 60_000 }),
      logger,
    );

    expect(result).toMatchObject({ result: 'imported', solutionName: name, asynchronous: false });
    expect(sentTo(sent, 'ImportSolution')).toBe(2);
    expect(logger.lines).toContain(resendLog(result.importJobId!));
    expect(sleeps).toEqual([5000, 10_000, 15_000]);
    expect(clock.now() - start).toBe(GRACE_MS);
  });

  it('a resend whose answer is lost while the import runs: followed for the rest of the wait, counted from the first request', async () => {
    const { file, name } = newSolution();
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'ImportSolution' });
    server.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolution' });
    server.faults.keepNextImportRunning();
    const jobsBefore = server.dataverse.importJobsStarted();
    const { client, logger, clock, sent } = connectToLocal(server);
    const start = clock.now();

    const imported = importSolution(
      client,
      importOptions(file, { asynchronous: false, maxAsyncWaitMs: 15 * 60_000 }),
      logger,
    ).catch((e: unknown) => e);
    await runOut(clock, slowMs, () => server.faults.held === 1, imported);
    const error = (await imported) as Error & { hint?: string };

    expect(error.message).toMatch(
      new RegExp(
        `^Import of solution '${name}' did not finish within 15 minutes \\(last progress: \\d+%\\)\\.$`,
      ),
    );
    expect(error.hint).toMatch(
      /^The import keeps running in Dataverse \(import job [0-9a-f-]{36}\); raise --max-wait to wait longer\.$/,
    );
    expect(sentTo(sent, 'ImportSolution')).toBe(2);
    expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /does not exist 30 s later: the import did not start, so it is sent once more\.$/,
      ),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: The answer to the import request was lost \(no answer within 10 min\), but import job /,
      ),
    );
    // 30 s of looking and 10 min of silence before the import job is followed, for the 4.5 min left:
    // counted from the resend, the run would wait 30 s longer than the 15 minutes.
    const waited = clock.now() - start;
    expect(waited).toBeGreaterThan(15 * 60_000 - 10_000);
    expect(waited).toBeLessThanOrEqual(15 * 60_000);
  });

  it('a resend whose answer is lost while the import runs, with a wait of 1 minute: its import job is read once, then the run fails', async () => {
    const { file, name } = newSolution();
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'ImportSolution' });
    server.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolution' });
    server.faults.keepNextImportRunning();
    const { client, logger, clock, sleeps } = connectToLocal(server);
    const start = clock.now();

    const imported = importSolution(
      client,
      importOptions(file, { asynchronous: false, maxAsyncWaitMs: 60_000 }),
      logger,
    ).catch((e: unknown) => e);
    await runOut(clock, slowMs, () => server.faults.held === 1, imported);
    const error = (await imported) as Error;

    expect(error.message).toBe(
      `Import of solution '${name}' did not finish within 1 minute (last progress: 0%).`,
    );
    expect(sleeps).toEqual([5000, 10_000, 15_000]);
    expect(clock.now() - start).toBe(GRACE_MS + slowMs);
  });

  it('a resend whose answer is lost after the import ended: imported, though the lost answer used up the wait', async () => {
    const { file, name } = newSolution();
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'ImportSolution' });
    server.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolution' });
    const { client, logger, clock, sleeps } = connectToLocal(server);

    const imported = importSolution(
      client,
      importOptions(file, { asynchronous: false, maxAsyncWaitMs: 60_000 }),
      logger,
    );
    await runOut(clock, slowMs, () => server.faults.held === 1, imported);
    const result = await imported;

    expect(result).toMatchObject({ result: 'imported', solutionName: name, asynchronous: false });
    expect(server.store.get(name)?.version).toBe('1.0.0.0');
    // No poll waited for: the import job had ended at its first read.
    expect(sleeps).toEqual([5000, 10_000, 15_000]);
  });
});
