import type { IncomingMessage } from 'node:http';

/**
 * The request as an echoing gateway or a service in a bad state quotes it: method, path,
 * Authorization header and body. For the local servers' faults that answer with it: a client must
 * never print what it sent. One shape for every local server, so that tests read one.
 */
export function requestEcho(
  request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  body: string,
): string {
  return `${request.method ?? ''} ${request.url ?? ''} Authorization: ${request.headers.authorization ?? '(none)'} Body: ${body}`;
}
