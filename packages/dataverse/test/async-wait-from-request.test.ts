import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_WEB_API_TIMEOUTS,
  exportSolution,
  importSolution,
  startLocalServer,
  type LocalServer,
} from '../src/index.js';
import { APP_ID, connectToLocal, SECRET, sentTo } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { buildSolutionZip } from './helpers/solution-zip.js';
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
  folder = mkdtempSync(path.join(os.tmpdir(), 'async-wait-'));
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

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
    const file = path.join(folder, 'Throttled.zip');
    writeFileSync(file, buildSolutionZip({ uniqueName: 'Throttled', version: '1.0.0.0' }));
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

  it('an import whose lost answer took longer than the whole wait: its job is read once, then the run fails', async () => {
    const file = path.join(folder, 'Lost.zip');
    writeFileSync(file, buildSolutionZip({ uniqueName: 'Lost', version: '1.0.0.0' }));
    server.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolutionAsync' });
    const { client, logger, clock, sleeps } = connectToLocal(server);
    const start = clock.now();

    const imported = importSolution(
      client,
      importOptions(file, { asynchronous: true, maxAsyncWaitMs: 5 * 60_000 }),
      logger,
    ).catch((e: unknown) => e);
    await runOut(clock, slowMs, () => server.faults.held === 1, imported);
    const error = (await imported) as Error;

    expect(error.message).toMatch(
      /^Import of solution 'Lost' did not finish within 5 minutes \(last progress: \d+%\)\.$/,
    );
    // No poll waited for: the 10-minute silence had used the whole wait.
    expect(sleeps).toEqual([]);
    expect(clock.now() - start).toBe(slowMs);
  });
});
