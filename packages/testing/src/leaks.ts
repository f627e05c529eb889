import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decodedReadings } from './decoded-readings.js';

/** A signed JWT (an access token, a client assertion, a GitHub ID token): header.payload. of base64url. */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./;

/**
 * Which of `secrets` `text` shows, in any form a request carries it or a service writes it back (the
 * text is decoded every way first: percent-decoded with hex of either case, form-decoded,
 * JSON-unescaped, and these after each other), and whether it shows a JWT; [] when none. For
 * `expect(...).toEqual([])`, whose failure names what leaked and where.
 */
export function secretsShown(text: string, secrets: readonly string[]): string[] {
  const readings = decodedReadings(text);
  const shown = secrets.filter((secret) => readings.some((reading) => reading.includes(secret)));
  const jwt = readings.map((reading) => JWT.exec(reading)).find((match) => match !== null);
  return jwt ? [...shown, `a JWT (${jwt[0]}…)`] : shown;
}

/** secretsShown of every file under `folder`, as "<file>: <secret>". */
export function secretsInFiles(folder: string, secrets: readonly string[]): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return secretsShown(readFileSync(file, 'latin1'), secrets).map((secret) => `${file}: ${secret}`);
    });
}

/** A request as another origin received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

/**
 * A server on another loopback port (another origin) that records every request and answers 404: where
 * a redirect sends a client, to see what of the request the client carried there.
 */
export async function startElsewhere(): Promise<{
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
