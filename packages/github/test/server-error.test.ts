import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryLogger, UserError } from '@connector-alm/core';
import { createGitHubClient } from '../src/index.js';
import { readBaseCommit } from '../src/base-branch.js';

// GitHub in trouble (or a proxy in front of GitHub Enterprise Server) answers 502 to everything: the
// client tries again with backoff, then the user is told what failed and what to do.
let server: Server;
let apiUrl: string;
let requests = 0;
beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'Server Error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a GitHub that answers 5xx after every retry', () => {
  it('says what failed and gives a next step', async () => {
    const client = createGitHubClient({
      token: 'ghp_test',
      baseUrl: apiUrl,
      logger: createMemoryLogger(),
      retryAfterBaseMs: 1,
    });
    const error = (await readBaseCommit(
      client,
      { owner: 'microsoft', repo: 'PowerPlatformConnectors' },
      'dev',
    ).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^GitHub failed while reading the base branch dev on microsoft\/PowerPlatformConnectors \(502 Server Error\)\.$/,
    );
    expect(error.hint).toBe(
      'GitHub answered with an error of its own, again after the retries: run the job again later; https://www.githubstatus.com says whether GitHub knows of trouble.',
    );
    expect(requests).toBeGreaterThan(1);
  });
});
