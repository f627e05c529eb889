import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers a request with: `bytes` of filler between an optional start and end. */
export interface LongAnswer {
  contentType: string;
  bytes: number;
  start?: string;
  end?: string;
}

/** The server, and what it has sent so far over all requests. */
export interface LongAnswerServer {
  readonly origin: string;
  /** Requests the server got. */
  readonly requests: number;
  /** Filler bytes it got to write before each client hung up, over all requests. */
  readonly sentBytes: number;
  close(): Promise<void>;
}

const PIECE = Buffer.alloc(64 * 1024, 0x61);

/**
 * A server on 127.0.0.1 whose answers run on far longer than any service's, as a proxy or a wrong
 * URL could: the body is written as fast as the client reads it, and stops when the client hangs
 * up. Each request gets its own `answer`, so a test's figures do not depend on what ran before it.
 */
export async function startLongAnswerServer(answer: (url: string) => LongAnswer): Promise<LongAnswerServer> {
  let requests = 0;
  let sentBytes = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    const { contentType, bytes, start, end } = answer(request.url ?? '/');
    response.writeHead(200, { 'content-type': contentType });
    if (start !== undefined) response.write(start);
    let sent = 0;
    const pump = (): void => {
      while (!response.destroyed && sent < bytes) {
        const piece = bytes - sent < PIECE.length ? PIECE.subarray(0, bytes - sent) : PIECE;
        sent += piece.length;
        sentBytes += piece.length;
        if (!response.write(piece)) return;
      }
      if (!response.destroyed) response.end(end);
    };
    response.on('drain', pump);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    get sentBytes() {
      return sentBytes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
