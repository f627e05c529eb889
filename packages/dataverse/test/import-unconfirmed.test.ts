import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import {
  DEFAULT_WEB_API_TIMEOUTS,
  importSolution,
  startLocalServer,
  type Fault,
  type LocalServer,
} from '../src/index.js';
import { APP_ID, connectToLocal, SECRET, sentTo } from './helpers/connect.js';
import { importOptions } from './helpers/import-options.js';
import { solutionZipIn } from './helpers/solution-zip.js';
import { runOut } from './helpers/time.js';

// Real connections, and the manual clock for every wait between requests and for the time limits of
// requests: a resend shows as a second request and a second import job on the server, and an import
// the server holds unanswered runs out when the test lets the time pass (runOut), never before: at the
// limits users get, which cost no real time.
const { slowMs } = DEFAULT_WEB_API_TIMEOUTS;

let server: LocalServer;
let folder: string;
beforeAll(async () => {
  server = await startLocalServer({ apps: [{ clientId: APP_ID, secret: SECRET }] });
  folder = temporaryFolder('import-unconfirmed-');
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

/** Reads of one import job, by their answers. */
const importJobReads = (importJobId: string) =>
  server.requests
    .filter((request) => request.path.includes(`/importjobs(${importJobId})`))
    .map((request) => request.status);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let solutions = 0;
/** A solution zip of a name never imported before, so the store shows whether this import arrived. */
function newSolution(): { file: string; name: string } {
  const name = `Unconfirmed${++solutions}`;
  const file = solutionZipIn(folder, { uniqueName: name, version: '1.0.0.0' });
  return { file, name };
}

const KINDS = [
  { kind: 'a synchronous', asynchronous: false, route: 'ImportSolution' },
  { kind: 'an asynchronous', asynchronous: true, route: 'ImportSolutionAsync' },
] as const;

const LOST_AFTER_THE_JOB_STARTED: { what: string; fault: Fault; happened: string }[] = [
  {
    what: 'no answer after the import job started',
    fault: { kind: 'hang', afterProcessing: true },
    happened: 'no answer within 10 min',
  },
  {
    what: 'a connection reset after the import job started',
    fault: { kind: 'drop-connection', afterProcessing: true },
    happened: 'the connection broke (',
  },
  {
    what: "a gateway's 502 after the import job started",
    fault: {
      kind: 'status',
      status: 502,
      body: '<html><body>502 Bad Gateway</body></html>',
      afterProcessing: true,
    },
    happened: 'HTTP 502',
  },
];

describe.each(KINDS)('$kind import whose answer was lost', ({ asynchronous, route }) => {
  it.each(LOST_AFTER_THE_JOB_STARTED)(
    '$what: attached to its import job, waited for, its result read; 1 import job',
    async ({ fault, happened }) => {
      const { file, name } = newSolution();
      const jobsBefore = server.dataverse.importJobsStarted();
      const importsBefore = server.dataverse.imports.length;
      server.faults.inject(fault, { operation: route });
      const { client, logger, sent, secrets, clock } = connectToLocal(server);

      const imported = importSolution(client, importOptions(file, { asynchronous }), logger);
      // An import is a slow request, synchronous or not: it waits the long limit.
      if (fault.kind === 'hang') await runOut(clock, slowMs, () => server.faults.held === 1, imported);
      const result = await imported;

      expect(result).toMatchObject({ result: 'imported', solutionName: name, asynchronous });
      expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
      expect(server.dataverse.imports.length - importsBefore).toBe(1);
      expect(sentTo(sent, route)).toBe(1);
      expect(server.store.get(name)?.version).toBe('1.0.0.0');
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^warning: The answer to the import request was lost \\(${escapeRegExp(happened)}.*, but import job ${result.importJobId} exists: the import started, and this run waits for it\\.$`,
          ),
        ),
      );
      // Waited on the import job to its end, then read its result (the import log).
      const reads = importJobReads(result.importJobId!);
      expect(reads.every((status) => status === 200)).toBe(true);
      expect(reads.length).toBeGreaterThanOrEqual(2);
      if (asynchronous) expect(logger.lines).toContain('Import: 100%');
      for (const secret of [SECRET, ...secrets]) expect(logger.lines.join('\n')).not.toContain(secret);
    },
    20_000,
  );

  // Synchronous only: an asynchronous import's absent import job proves nothing (its own test below).
  (asynchronous ? it.skip : it)(
    'a 503 before the service took it: no import job after the grace period, so sent once more; 1 import job',
    async () => {
      const { file, name } = newSolution();
      const jobsBefore = server.dataverse.importJobsStarted();
      server.faults.inject({ kind: 'status', status: 503 }, { operation: route });
      const { client, logger, sent, sleeps } = connectToLocal(server);

      const result = await importSolution(client, importOptions(file, { asynchronous }), logger);

      expect(result).toMatchObject({ result: 'imported', solutionName: name });
      expect(sentTo(sent, route)).toBe(2);
      expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
      expect(server.store.get(name)?.version).toBe('1.0.0.0');
      // Read at once, and again over about 30 s, before the absence counts: a job just created can take
      // a moment to be seen.
      expect(importJobReads(result.importJobId!).slice(0, 4)).toEqual([404, 404, 404, 404]);
      expect(sleeps.slice(0, 3)).toEqual([5000, 10_000, 15_000]);
      expect(logger.lines).toContain(
        `warning: The answer to the import request was lost (The service is unavailable (injected HTTP 503). (Dataverse code 0x80040216, HTTP 503)), and import job ${result.importJobId} does not exist 30 s later: the import did not start, so it is sent once more.`,
      );
    },
  );

  it('the import job cannot be read either: it may or may not have been applied, as before; sent once', async () => {
    const { file, name } = newSolution();
    const jobsBefore = server.dataverse.importJobsStarted();
    server.faults.inject({ kind: 'drop-connection', afterProcessing: true }, { operation: route });
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'importjobs', times: 100 });
    const { client, logger, sent, secrets } = connectToLocal(server);

    const error = (await importSolution(client, importOptions(file, { asynchronous }), logger).catch(
      (e: unknown) => e,
    )) as Error & { hint?: string };

    expect(
      error.message.startsWith(
        `Import of solution '${name}' may or may not have been applied: the connection to ${server.environmentUrl} broke (`,
      ),
    ).toBe(true);
    expect(error.hint).toMatch(/^It was not sent again, so as not to apply it twice: /);
    expect(sentTo(sent, route)).toBe(1);
    expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
    expect(
      logger.lines.filter(
        (line) => line.startsWith('warning: Import job ') && line.includes('could not be read'),
      ),
    ).toHaveLength(1);
    for (const secret of [SECRET, ...secrets])
      expect(`${error.message} ${error.hint} ${logger.lines.join('\n')}`).not.toContain(secret);
  });

  (asynchronous ? it.skip : it)(
    'sent twice and neither time confirmed, with no import job: did not start, and says so',
    async () => {
      const { file, name } = newSolution();
      const jobsBefore = server.dataverse.importJobsStarted();
      server.faults.inject({ kind: 'status', status: 503 }, { operation: route, times: 2 });
      const { client, logger, sent } = connectToLocal(server);

      const error = (await importSolution(client, importOptions(file, { asynchronous }), logger).catch(
        (e: unknown) => e,
      )) as Error & { hint?: string };

      expect(sentTo(sent, route)).toBe(2);
      expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(0);
      expect(server.store.get(name)).toBeUndefined();
      expect(error.message).toMatch(
        new RegExp(
          `^Import of solution '${name}' did not start: the request was sent twice, and import job [0-9a-f-]{36} does not exist; the last time: The service is unavailable`,
        ),
      );
      expect(error.hint).toBe(
        `Nothing was imported: it is safe to run the command again once ${server.environmentUrl} answers.`,
      );
    },
  );
});

describe('an asynchronous import whose answer was lost, with no import job after the grace period', () => {
  it('is not sent again (its system job may still be queued): it may or may not have been applied, and the log says why', async () => {
    const { file, name } = newSolution();
    const jobsBefore = server.dataverse.importJobsStarted();
    server.faults.inject({ kind: 'status', status: 503 }, { operation: 'ImportSolutionAsync' });
    const { client, logger, sent } = connectToLocal(server);

    const error = (await importSolution(client, importOptions(file, { asynchronous: true }), logger).catch(
      (e: unknown) => e,
    )) as Error & { hint?: string };

    expect(error.message.startsWith(`Import of solution '${name}' may or may not have been applied: `)).toBe(
      true,
    );
    expect(sentTo(sent, 'ImportSolutionAsync')).toBe(1);
    expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(0);
    expect(
      logger.lines.some((line) =>
        line.includes('which proves nothing for an asynchronous import: its system job may still be queued'),
      ),
    ).toBe(true);
  });
});

describe('an asynchronous import attached to after its answer was lost', () => {
  it("reports the import job's failure, with Dataverse's reason", async () => {
    const { file, name } = newSolution();
    server.faults.failNextImport({
      errortext: `The import of solution: ${name} failed. Required components are missing.`,
    });
    server.faults.inject(
      { kind: 'drop-connection', afterProcessing: true },
      { operation: 'ImportSolutionAsync' },
    );
    const { client, logger } = connectToLocal(server);
    await expect(
      importSolution(client, importOptions(file, { asynchronous: true }), logger),
    ).rejects.toMatchObject({
      message: `Import of solution '${name}' failed in Dataverse. The reason given was: The import of solution: ${name} failed. Required components are missing. (Dataverse code 0x80048033)`,
    });
    expect(server.store.get(name)).toBeUndefined();
  });

  it('waits no longer than max-async-wait-time counted from the request, naming the import job to look at', async () => {
    const slow = await startLocalServer({
      apps: [{ clientId: APP_ID, secret: SECRET }],
      asyncPolls: 100_000,
    });
    try {
      const { file, name } = newSolution();
      slow.faults.inject({ kind: 'hang', afterProcessing: true }, { operation: 'ImportSolutionAsync' });
      const { client, logger, clock } = connectToLocal(slow);
      const sent = clock.now();
      const imported = importSolution(
        client,
        importOptions(file, { asynchronous: true, maxAsyncWaitMs: 15 * 60_000 }),
        logger,
      ).catch((e: unknown) => e);
      // The lost answer takes 10 of the 15 minutes; the import job is followed for the other 5.
      await runOut(clock, slowMs, () => slow.faults.held === 1, imported);
      const error = (await imported) as Error & { hint?: string };
      expect(error.message).toMatch(
        new RegExp(
          `^Import of solution '${name}' did not finish within 15 minutes \\(last progress: \\d+%\\)\\.$`,
        ),
      );
      expect(error.hint).toMatch(
        /^The import keeps running in Dataverse \(import job [0-9a-f-]{36}\); raise --max-wait to wait longer\.$/,
      );
      const waited = clock.now() - sent;
      expect(waited).toBeGreaterThan(14 * 60_000);
      expect(waited).toBeLessThanOrEqual(15 * 60_000);
      expect(slow.dataverse.importJobsStarted()).toBe(1);
    } finally {
      await slow.close();
    }
  });
});
