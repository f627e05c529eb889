import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BodyTooLarge, createMemoryLogger, UserError } from '@connector-alm/core';
import { startLongAnswerServer, type LongAnswerServer } from '@connector-alm/testing';
import { createManualClock } from '../src/index.js';
import { sendSignInRequest } from '../src/auth/sign-in-request.js';
import { DataverseHttp } from '../src/http/dataverse-http.js';
import { readWhileArriving } from '../src/http/read-answer.js';

/*
 * A server on 127.0.0.1 whose answers never end: a login host or an environment (or a proxy before
 * them) that does so had the whole body held in memory, 8 GB in the sign-in's 30 s and up to V8's
 * longest string for the Web API, and read again on each retry. Reading stops past a limit, said once.
 */
let server: LongAnswerServer;
let origin: string;

beforeAll(async () => {
  server = await startLongAnswerServer(() => ({ contentType: 'application/json', bytes: 64 * 1024 * 1024 }));
  origin = server.origin;
});
afterAll(() => server.close());

const endpoint = {
  description: 'the Entra ID token endpoint at http://127.0.0.1',
  shortName: 'http://127.0.0.1',
  hostname: '127.0.0.1',
  noSuchHostHint: 'Check the authority host.',
  timeoutHint: 'The login host sent no answer.',
  unreachableHint: 'Check the cloud and the authority host.',
  urlInput: '--authority-host',
  secrets: [],
};

describe('an answer that never ends is read up to a limit', () => {
  it('a sign-in answer past the limit is refused at once, after that many bytes', async () => {
    const before = { requests: server.requests, sentBytes: server.sentBytes };
    const read = sendSignInRequest(
      fetch,
      `${origin}/tenant/oauth2/v2.0/token`,
      { method: 'POST' },
      endpoint,
      {
        timeoutMs: 30_000,
        clock: createManualClock(),
        answeredHosts: new Set(),
        maxAnswerBytes: 256 * 1024,
      },
    );
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(
      'The Entra ID token endpoint at http://127.0.0.1 answered with more than 256 KB, far more than any sign-in answer; its reading was stopped.',
    );
    // What to check is where the login host is and whether it is reached: the hint for a host not reached.
    await expect(read).rejects.toMatchObject({ hint: 'Check the cloud and the authority host.' });
    expect(server.requests - before.requests).toBe(1);
    // Stopped near the limit, not at the end of the server's 64 MB (socket buffers aside).
    expect(server.sentBytes - before.sentBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('a sign-in answer past the limit of an endpoint with no such hint gives the hint of a host that sent no answer', async () => {
    const { unreachableHint: _, ...withoutIt } = endpoint;
    const read = sendSignInRequest(fetch, `${origin}/_github/oidc/token`, {}, withoutIt, {
      timeoutMs: 30_000,
      clock: createManualClock(),
      answeredHosts: new Set(),
      maxAnswerBytes: 256 * 1024,
    });
    await expect(read).rejects.toMatchObject({ hint: 'The login host sent no answer.' });
  });

  it('a Web API answer past the limit is refused at once, not sent again', async () => {
    const before = { requests: server.requests, sentBytes: server.sentBytes };
    const logger = createMemoryLogger();
    const client = new DataverseHttp({
      environment: new URL(origin),
      tokens: { getToken: () => Promise.resolve('token'), invalidate: () => undefined },
      fetch,
      clock: createManualClock(),
      logger,
      maxAnswerBytes: 256 * 1024,
    });
    const read = client.get('WhoAmI', { operation: 'WhoAmI' });
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(
      `WhoAmI: the answer from ${origin} went on past 256 KB, longer than any answer of the Dataverse Web API; its reading was stopped.`,
    );
    expect(server.requests - before.requests).toBe(1);
    expect(server.sentBytes - before.sentBytes).toBeLessThan(16 * 1024 * 1024);
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });
});

describe('a Web API answer read as its pieces arrive', () => {
  /** An answer whose body comes in these pieces. */
  const answerIn = (...pieces: Uint8Array[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces) controller.enqueue(piece);
          controller.close();
        },
      }),
    );

  it('takes an answer of exactly the limit, and stops at one byte more', async () => {
    const clock = createManualClock();
    const bytes = (count: number) => new Uint8Array(count).fill(0x61);
    await expect(readWhileArriving(answerIn(bytes(600), bytes(424)), 30_000, clock, 1024)).resolves.toBe(
      'a'.repeat(1024),
    );
    await expect(
      readWhileArriving(answerIn(bytes(600), bytes(425)), 30_000, clock, 1024),
    ).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('keeps a character whose bytes came in two pieces whole', async () => {
    // Dataverse words its errors in the environment's language: 'é' is two bytes in UTF-8, '€' three.
    const text = 'La solution a été refusée (5 €).';
    const encoded = new TextEncoder().encode(text);
    const inE = encoded.indexOf(0xc3) + 1;
    const inEuro = encoded.indexOf(0xe2) + 2;
    const pieces = [encoded.slice(0, inE), encoded.slice(inE, inEuro), encoded.slice(inEuro)];
    await expect(readWhileArriving(answerIn(...pieces), 30_000, createManualClock())).resolves.toBe(text);
  });
});
