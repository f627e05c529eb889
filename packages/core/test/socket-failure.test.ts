import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { socketFailureOf } from '../src/socket-failure.js';

describe('socketFailureOf', () => {
  it('reads the code of a refused connection from the error fetch really throws', async () => {
    // A port that was listening a moment ago and is closed now refuses connections.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await fetch(`http://127.0.0.1:${port}/`).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(socketFailureOf(error)).toMatchObject({ code: 'ECONNREFUSED', timedOut: false });
  });

  it("tells that a request's timeout ended it, from fetch's real error wrapped as Octokit wraps it", async () => {
    // A server that takes the connection and never answers.
    const taken: Socket[] = [];
    const server = createServer((socket) => taken.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(50) }).then(
        () => undefined,
        (failure: unknown) => ({ cause: failure }),
      );
      expect(socketFailureOf(error)?.timedOut).toBe(true);
    } finally {
      // close() only stops listening: the connection it took stayed open in the Jest worker after
      // the suite (still there when the worker was told to end), so it is ended here too.
      for (const socket of taken) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('finds a code a level deeper, as Octokit wraps fetch errors', () => {
    const error = { request: {}, cause: new TypeError('fetch failed', { cause: codeError('ENOTFOUND') }) };
    expect(socketFailureOf(error)).toEqual({
      code: 'ENOTFOUND',
      message: 'getaddrinfo ENOTFOUND example.invalid',
      timedOut: false,
    });
  });

  it('gives the innermost message when no level has a code', () => {
    const error = new Error('outer', {
      cause: new Error('middle', { cause: new Error('other side closed') }),
    });
    expect(socketFailureOf(error)).toEqual({ message: 'other side closed', timedOut: false });
  });

  it('is undefined for an error without a cause, and survives a cause that loops back', () => {
    expect(socketFailureOf(new Error('plain'))).toBeUndefined();
    expect(socketFailureOf('text')).toBeUndefined();
    expect(socketFailureOf(null)).toBeUndefined();
    // A cause that is no object (a string, null) is none.
    expect(socketFailureOf(new Error('outer', { cause: 'ECONNRESET' }))).toBeUndefined();
    expect(socketFailureOf({ cause: null })).toBeUndefined();
    const looping = new Error('a') as Error & { cause?: unknown };
    looping.cause = looping;
    expect(socketFailureOf(looping)).toEqual({ message: 'a', timedOut: false });
  });
});

function codeError(code: string): Error {
  return Object.assign(new Error(`getaddrinfo ${code} example.invalid`), { code });
}
