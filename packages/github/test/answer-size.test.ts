import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { startLongAnswerServer, type LongAnswerServer } from '@connector-alm/testing';
import { createGitHubClient } from '../src/index.js';
import { manualTimers } from './helpers/manual-timers.js';

/*
 * A server on 127.0.0.1 whose answers never end (a proxy or a wrong API URL could do so): nothing
 * bounded an answer but the request's 30 s, in which a local link carries gigabytes, held in memory
 * and read again on each of plugin-retry's attempts. Reading stops past a limit, said once.
 */
let server: LongAnswerServer;
let origin: string;

beforeAll(async () => {
  // The whole answer of /repos/contoso/small is 1 MB of name; every other one would be 64 MB.
  server = await startLongAnswerServer((url) => ({
    contentType: 'application/json; charset=utf-8',
    start: '{"name":"',
    bytes: url.includes('/small') ? 1024 * 1024 : 64 * 1024 * 1024,
    end: '"}',
  }));
  origin = server.origin;
});
afterAll(() => server.close());

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
    const before = { requests: server.requests, sentBytes: server.sentBytes };
    const { client: github, logger } = client(256 * 1024);
    const read = github.rest.repos.get({ owner: 'microsoft', repo: 'PowerPlatformConnectors' });
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(
      `The answer from ${origin}/repos/microsoft/PowerPlatformConnectors went on past 256 KB, longer than any answer of the GitHub API; its reading was stopped.`,
    );
    expect(server.requests - before.requests).toBe(1);
    // Stopped near the limit, not at the end of the server's 64 MB (socket buffers aside).
    expect(server.sentBytes - before.sentBytes).toBeLessThan(16 * 1024 * 1024);
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('an answer within the limit is read whole, as before', async () => {
    const { client: github } = client(1024 * 1024 + 64);
    const { data } = await github.rest.repos.get({ owner: 'contoso', repo: 'small' });
    expect(data.name).toHaveLength(1024 * 1024);
  });
});
