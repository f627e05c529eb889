import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LocalGitHubHttpServer } from '../src/local-server/http-server.js';
import { OpenApiContract } from '../src/local-server/openapi-contract.js';
import { ServerState } from '../src/local-server/server-state.js';

// A description whose only operation answers with a schema Ajv cannot compile (its $ref leads
// nowhere), as a subset cut without a component it needs would: the check throws, not the handler.
const BROKEN_DESCRIPTION: ConstructorParameters<typeof OpenApiContract>[0] = {
  paths: {
    '/user': {
      get: {
        operationId: 'users/get-authenticated',
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/private-user' } } },
          },
        },
      },
    },
  },
  components: { responses: {}, schemas: {} },
};

let root: string;
let state: ServerState;
let server: LocalGitHubHttpServer;
let url: string;
const token = 'ghp_local_ana';
beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'contract-check-failure-'));
  state = new ServerState(root, () => new Date('2026-01-02T03:04:05Z'));
  state.accounts.push({
    login: 'ana',
    id: state.newId(),
    name: 'ana',
    email: 'ana@users.noreply.local',
    token,
    type: 'User',
    canWrite: true,
    workflowScope: true,
    ssoUnauthorized: [],
  });
  server = new LocalGitHubHttpServer(state, new OpenApiContract(BROKEN_DESCRIPTION));
  url = await server.listen();
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a response contract check that throws', () => {
  it('is answered at once with 500 and recorded as a violation', async () => {
    // Well under Jest's 5 s: an unanswered request fails here, not by the test's timeout.
    const response = await fetch(`${url}/user`, {
      headers: { authorization: `token ${token}` },
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { message: string; errors: string[] };
    expect(body.message).toBe(
      "local GitHub server: the 200 answer of users/get-authenticated could not be checked against GitHub's OpenAPI description",
    );
    expect(server.violations).toEqual([
      {
        operationId: 'users/get-authenticated',
        part: '200',
        errors: [expect.stringMatching(/^the contract check failed: .*private-user/)],
      },
    ]);
    expect(server.requests.map((request) => request.status)).toEqual([500]);
  });
});

describe('an error of the server outside its handlers', () => {
  it('is recorded as a violation, and the server goes on answering', async () => {
    // The echo fault reads the body before any handler: a client that aborts it made readBody's
    // promise reject where nothing caught it.
    state.faults.echoRequest = { times: 1, status: 401 };
    const before = server.violations.length;
    await new Promise<void>((resolve) => {
      const request = http.request(`${url}/user`, {
        method: 'POST',
        headers: { 'content-length': '1000', authorization: `token ${token}` },
      });
      request.on('error', () => resolve());
      request.write('{"partial":', () => setTimeout(() => request.destroy(), 50));
    });
    for (let waited = 0; server.violations.length === before && waited < 2000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.violations.slice(before)).toEqual([
      { operationId: '?', part: 'server', errors: ['Error: aborted'] },
    ]);
    const response = await fetch(`${url}/user`, {
      headers: { authorization: `token ${token}` },
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(500);
  });
});
