import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import {
  DEFAULT_WEB_API_TIMEOUTS,
  exportSolution,
  type ExportSolutionOptions,
  type Fault,
  type LocalServer,
} from '../src/index.js';
import { connectToLocal, startContosoServer, sentTo } from './helpers/connect.js';
import { runOut } from './helpers/time.js';

// Real connections, and the manual clock for the waits between attempts and for the time limits of
// requests: a resend shows as a second request and a second job on the server, and a request the
// server holds unanswered runs out when the test lets the time pass (runOut), never before: at the
// limits users get, which cost no real time.
const { quickMs } = DEFAULT_WEB_API_TIMEOUTS;

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startContosoServer();
  folder = temporaryFolder('export-started-once-');
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

/** A message whose end (a socket error's code) varies: its start, compared so that a failure shows both. */
const expectToStartWith = (text: string, start: string) => expect(text.slice(0, start.length)).toBe(start);

const exportOptions = (
  overrides: Partial<ExportSolutionOptions> = {},
): ExportSolutionOptions & { outputFile: string } => ({
  solutionName: 'Contoso',
  outputFile: path.join(folder, 'Contoso.zip'),
  managed: false,
  asynchronous: true,
  maxAsyncWaitMs: 60 * 60_000,
  publish: false,
  ...overrides,
});

describe('an asynchronous export whose start is not confirmed is not started a second time', () => {
  it.each<{ what: string; fault: Fault; jobs: number; happened: string }>([
    {
      what: 'no answer in time after the service started the job',
      fault: { kind: 'hang', afterProcessing: true },
      jobs: 1,
      happened: 'no answer within 30 s.',
    },
    {
      what: 'an answer that stopped halfway after the service started the job',
      fault: { kind: 'hang', afterHeaders: true, afterProcessing: true },
      jobs: 1,
      happened: 'its answer stopped arriving (nothing for 30 s).',
    },
    {
      what: 'the connection reset after the service started the job',
      fault: { kind: 'drop-connection', afterProcessing: true },
      jobs: 1,
      happened: 'the connection broke (',
    },
    {
      what: "a gateway's 502 after the service started the job",
      fault: {
        kind: 'status',
        status: 502,
        body: '<html><body>502 Bad Gateway</body></html>',
        afterProcessing: true,
      },
      jobs: 1,
      happened: 'HTTP 502.',
    },
    // The client cannot tell this 503 from the gateway's 502 above: nothing documents a 503 of the
    // Web API as "not processed", so it is not resent either, and says the job may have started.
    {
      what: 'a 503 before the service processed it',
      fault: { kind: 'status', status: 503 },
      jobs: 0,
      happened: 'The service is unavailable (injected HTTP 503). (Dataverse code 0x80040216, HTTP 503).',
    },
  ])(
    '$what: sent once, $jobs export job started, and where to look for it',
    async ({ fault, jobs, happened }) => {
      const before = server.dataverse.jobsStarted('export');
      server.faults.inject(fault, { operation: 'ExportSolutionAsync' });
      const { client, logger, sleeps, sent, answered, clock } = connectToLocal(server);
      // The job starts now: the limit that runs out later does not move the time the message gives.
      const startedAt = new Date(clock.now()).toISOString().slice(0, 16).replace('T', ' ');
      const exported = exportSolution(client, exportOptions(), logger).catch((e: unknown) => e);
      // An answer that stops halfway is ended by the silence after its start, once the client has it.
      const held =
        fault.kind === 'hang' && fault.afterHeaders
          ? () => sentTo(answered, 'ExportSolutionAsync') === 1
          : () => server.faults.held === 1;
      if (fault.kind === 'hang') await runOut(clock, quickMs, held, exported);
      const error = (await exported) as Error & { hint?: string };
      expect(server.dataverse.jobsStarted('export') - before).toBe(jobs);
      expect(sentTo(sent, 'ExportSolutionAsync')).toBe(1);
      expect(sleeps).toEqual([]);
      expectToStartWith(
        error.message,
        `Export of solution 'Contoso': an export job may have started in ${server.environmentUrl} at about ${startedAt} UTC, but its start was not confirmed: ${happened}`,
      );
      expect(error.hint).toBe(
        "It was not started again, so as not to run two exports at once. Look for it in the solution's history (Power Apps > Solutions > Contoso > See history) or in the environment's system jobs; once it has ended, it is safe to run the command again.",
      );
      expect(existsSync(exportOptions().outputFile)).toBe(false);
    },
    20_000,
  );

  it('is still resent when service protection refused it (429), which means it was not processed', async () => {
    const before = server.dataverse.jobsStarted('export');
    server.faults.inject({ kind: 'throttle', retryAfterSeconds: 2 }, { operation: 'ExportSolutionAsync' });
    const { client, logger, sleeps, sent } = connectToLocal(server);
    await expect(exportSolution(client, exportOptions(), logger)).resolves.toMatchObject({
      version: '1.0.0.1',
    });
    expect(sentTo(sent, 'ExportSolutionAsync')).toBe(2);
    expect(server.dataverse.jobsStarted('export') - before).toBe(1);
    expect(sleeps[0]).toBe(2000);
  });

  it('the status polls and the download, which start nothing, are still read again', async () => {
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'asyncoperations' });
    server.faults.inject({ kind: 'drop-connection' }, { operation: 'DownloadSolutionExportData' });
    const { client, logger, sent } = connectToLocal(server);
    await expect(exportSolution(client, exportOptions(), logger)).resolves.toMatchObject({
      version: '1.0.0.1',
    });
    expect(sentTo(sent, 'ExportSolutionAsync')).toBe(1);
    expect(sentTo(sent, 'DownloadSolutionExportData')).toBe(2);
  });
});

describe('a synchronous export, which the service goes on with when the connection is lost, is not sent again', () => {
  it.each<[string, Fault]>([
    ['a connection reset after the service did the work', { kind: 'drop-connection', afterProcessing: true }],
    ['a 504 from a gateway', { kind: 'status', status: 504, body: '' }],
  ])('%s', async (_what, fault) => {
    server.faults.inject(fault, { operation: 'ExportSolution' });
    const { client, logger, sleeps, sent } = connectToLocal(server);
    const error = (await exportSolution(client, exportOptions({ asynchronous: false }), logger).catch(
      (e: unknown) => e,
    )) as Error & { hint?: string };
    expect(sentTo(sent, 'ExportSolution')).toBe(1);
    expect(sleeps).toEqual([]);
    expect(error.message).toMatch(
      new RegExp(
        `^Export of solution 'Contoso': the export may still be running in ${server.environmentUrl.replace(/\./g, '\\.')} since about \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, but its end was not confirmed: `,
      ),
    );
    expect(error.hint).toBe(
      "It was not sent again, so as not to run two exports at once. Look for it in the solution's history (Power Apps > Solutions > Contoso > See history) or in the environment's system jobs; once it has ended, it is safe to run the command again. Large solutions need the asynchronous mode (without --sync).",
    );
  });
});
