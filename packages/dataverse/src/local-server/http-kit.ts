import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads a request body up to `limit` bytes; solution zips arrive base64-encoded inside JSON. */
export async function readBody(request: IncomingMessage, limit = 200 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A plain-text answer: a gateway's or Entra ID's, not a service's JSON. Empty text is an empty body. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Headers every Web API response carries. */
export function odataHeaders(): Record<string, string> {
  return { 'OData-Version': '4.0', 'x-ms-service-request-id': randomUUID() };
}

/** A Web API success body, with the OData content type. */
export function sendOData(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    response.writeHead(status, { ...odataHeaders(), ...headers });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; odata.metadata=minimal',
    'Content-Length': Buffer.byteLength(text),
    ...odataHeaders(),
    ...headers,
  });
  response.end(text);
}

/** The Web API error shape: `{"error":{"code":"0x…","message":"…"}}`. */
export class ODataFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendODataError(response: ServerResponse, failure: ODataFailure): void {
  sendOData(
    response,
    failure.status,
    { error: { code: failure.code, message: failure.message } },
    failure.headers,
  );
}

/** Codes the local server uses; the first group is documented by Microsoft, the rest are labelled in README.md. */
export const CODES = {
  throttledRequests: '0x80072322',
  notAMember: '0x80072560',
  privilegeDenied: '0x80040220',
  doesNotExist: '0x80040217',
  badRequest: '0x80060888',
  unauthorized: '0x80072182',
  solutionNotFound: '0x8004f003',
  invalidSolutionFile: '0x80048060',
  managedExport: '0x80048033',
  jobNotDone: '0x80040203',
} as const;
