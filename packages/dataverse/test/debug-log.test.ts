import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalServer } from '../src/index.js';
import { connectToLocal, SECRET, startContosoServer } from './helpers/connect.js';

let server: LocalServer;
beforeAll(async () => {
  server = await startContosoServer();
});
afterAll(() => server.close());

/** The debug lines of a log, without their "debug: " prefix. */
const debugLines = (lines: string[]): string[] =>
  lines.filter((line) => line.startsWith('debug: ')).map((line) => line.slice('debug: '.length));

// docs/cli.md: --debug (and CONNECTOR_ALM_DEBUG) print each request export and import send and the
// status of its answer.
describe('the debug log of Web API requests', () => {
  it('names each request and then the status of its answer, retried ones included', async () => {
    server.faults.inject({ kind: 'status', status: 503 }, { times: 1, operation: 'WhoAmI' });
    const { client, logger, secrets } = connectToLocal(server);
    await client.whoAmI();
    const lines = debugLines(logger.lines);
    expect(lines).toEqual([
      'GET /api/data/v9.2/WhoAmI (attempt 1)',
      'GET /api/data/v9.2/WhoAmI: HTTP 503',
      'GET /api/data/v9.2/WhoAmI (attempt 2)',
      'GET /api/data/v9.2/WhoAmI: HTTP 200',
    ]);
    for (const secret of [SECRET, ...secrets]) expect(logger.lines.join('\n')).not.toContain(secret);
  });

  it('gives the status of an answer that ends the request too', async () => {
    server.faults.inject({ kind: 'status', status: 403 }, { times: 1, operation: 'WhoAmI' });
    const { client, logger } = connectToLocal(server);
    await expect(client.whoAmI()).rejects.toThrow();
    expect(debugLines(logger.lines)).toEqual([
      'GET /api/data/v9.2/WhoAmI (attempt 1)',
      'GET /api/data/v9.2/WhoAmI: HTTP 403',
    ]);
  });
});
