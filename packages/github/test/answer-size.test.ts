import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { createGitHubClient } from '../src/index.js';
import { manualTimers } from './helpers/manual-timers.js';

/*
 * A server on 127.0.0.1 whose answers never end (a proxy or a wrong API URL could do so): nothing
 * bounded an answer but the request's 30 s, in which a local link carries gigabytes, held in memory
 * and read again on each of plugin-retry's attempts. Reading stops past a limit, said once.
 */
let server: http.Server;
let origin: string;
/** Bytes the server got to send before the client hung up, over all requests. */
let sentBytes = 0;
let requests = 0;

beforeAll(async () => {
  const piece = Buffer.alloc(64 * 1024, 0x20);
  server = http.createServer((request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.write('{"name":"');
    // The whole answer of /repos/contoso/small is 1 MB of name; every other one would be 64 MB.
    const length = request.url?.includes('/small') ? 1024 * 1024 : 64 * 1024 * 1024;
    let sent = 0;
    const pump = (): void => {
      while (!response.destroyed && sent < length) {
        sent += piece.length;
        sentBytes += piece.length;
        if (!response.write(piece)) return;
      }
      response.end('"}');
    };
    response.on('drain', pump);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(maxAnswerBytes?: number) {
  const logger = createMemoryLogger();
  return {
    logger,
    client: createGitHubClient({
      token: 'ghp_test',
      baseUrl: origin,
      logger,
      retryAfterBaseMs: 1,
      // The production timeout on timers no test moves: only the size can end the answer.
      startTimer: manualTimers().startTimer,
      ...(maxAnswerBytes === undefined ? {} : { maxAnswerBytes }),
    }),
  };
}

describe('a GitHub answer that never ends is read up to a limit', () => {
  it('an answer past the limit is refused at once, naming where it came from, and not sent again', async () => {
    const before = { requests, sentBytes };
    const { client: github, logger } = client(256 * 1024);
    const read = github.rest.repos.get({ owner: 'microsoft', repo: 'PowerPlatformConnectors' });
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(
      `The answer from ${origin}/repos/microsoft/PowerPlatformConnectors went on past 256 KB, longer than any answer of the GitHub API; its reading was stopped.`,
    );
    expect(requests - before.requests).toBe(1);
    // Stopped near the limit, not at the end of the server's 64 MB (socket buffers aside).
    expect(sentBytes - before.sentBytes).toBeLessThan(16 * 1024 * 1024);
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('an answer within the limit is read whole, as before', async () => {
    const { client: github } = client(1024 * 1024 + 64);
    const { data } = await github.rest.repos.get({ owner: 'contoso', repo: 'small' });
    expect(data.name).toHaveLength(1024 * 1024);
  });
});
