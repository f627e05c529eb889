import type { IncomingMessage, ServerResponse } from 'node:http';
import { EntraFailure } from './entra-errors.js';
import { requestEcho } from '@connector-alm/core';
import { formRead, formReEncoded, systemTextJson } from './dotnet-encoding.js';
import type { EchoStyle, LoginFault } from './faults.js';
import { readBody, sendJson, sendText } from './http-kit.js';

/** Answers a request to the login host with the fault armed for it, as the real service fails. */
export async function answerLoginFault(
  fault: LoginFault,
  request: IncomingMessage,
  response: ServerResponse,
  now: Date,
): Promise<void> {
  if (fault.kind === 'drop-connection') {
    request.socket.destroy();
    return;
  }
  // The request stays open with no answer: the client's own timeout ends it, or the server's close.
  if (fault.kind === 'hang') return;
  if (fault.kind === 'unavailable') {
    const failure = new EntraFailure(
      503,
      'temporarily_unavailable',
      90033,
      'A transient error has occurred. Please try again.',
    );
    sendJson(response, failure.status, failure.body(now));
    return;
  }
  if (fault.kind === 'echo') {
    await answerEcho(fault.status, fault.as ?? 'as-sent', request, response);
    return;
  }
  if (fault.kind === 'redirect') {
    sendText(response, fault.status ?? 307, '', { Location: fault.location });
    return;
  }
  if (fault.kind === 'throttle') {
    sendText(response, 429, 'Too Many Requests', { 'Retry-After': fault.retryAfter ?? '60' });
    return;
  }
  if (typeof fault.body === 'object') sendJson(response, fault.status, fault.body, fault.headers);
  else sendText(response, fault.status, fault.body ?? '', fault.headers);
}

/** The form body as the echo of `style` writes it back. */
function quotedAs(style: EchoStyle, body: string): string {
  if (style === 'dotnet-url-encoded') return formReEncoded(body);
  if (style === 'dotnet-json') return formRead(body);
  if (style === 'url-encoded-again') return encodeURIComponent(body);
  if (style === 'cut-short') return body.slice(0, -3);
  return body;
}

/** Entra's error shape quoting the request, its form body written back in `style`. */
async function answerEcho(
  status: number,
  style: EchoStyle,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = (await readBody(request, 1024 * 1024)).toString('utf8');
  const quoted = quotedAs(style, body);
  const answer = { error: 'invalid_client', error_description: `Rejected: ${requestEcho(request, quoted)}` };
  if (style !== 'dotnet-json') {
    sendJson(response, status, answer);
    return;
  }
  const text = systemTextJson(answer);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
