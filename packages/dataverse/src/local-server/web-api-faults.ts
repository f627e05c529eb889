import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestEcho } from '@connector-alm/core';
import type { Clock, Timer } from '../clock.js';
import { throttleMessage, type Fault, type FaultSwitches } from './faults.js';
import { ODataFailure, odataHeaders, readBody, sendJson, sendODataError, sendText } from './http-kit.js';

/** Answers with the request it got quoted in an OData error, as an echoing gateway would. */
export async function answerEcho(
  status: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const echo = requestEcho(request, (await readBody(request)).toString('utf8'));
  sendODataError(response, new ODataFailure(status, '0x80040216', `Rejected: ${echo}`));
}

/** Answers with an injected fault in place of the service's answer; `faults` counts the connections held. */
export function applyFault(
  fault: Exclude<Fault, { kind: 'trickle' | 'echo' }>,
  response: ServerResponse,
  faults: FaultSwitches,
): void {
  if (fault.kind === 'drop-connection') {
    response.socket?.destroy();
    return;
  }
  // The connection stays open with no answer: the client's own timeout ends it, or the server's close.
  if (fault.kind === 'hang') {
    if (fault.afterHeaders) {
      response.writeHead(200, {
        'Content-Type': 'application/json; odata.metadata=minimal',
        'Content-Length': 1000,
        ...odataHeaders(),
      });
      response.write('{"');
    }
    faults.held++;
    return;
  }
  if (fault.kind === 'redirect')
    return sendText(response, fault.status ?? 307, '', { Location: fault.location });
  if (fault.kind === 'throttle') {
    const code = fault.code ?? '0x80072322';
    sendODataError(
      response,
      new ODataFailure(429, code, throttleMessage(code), {
        'Retry-After': String(fault.retryAfterSeconds ?? 1),
      }),
    );
    return;
  }
  if (typeof fault.body === 'object') return sendJson(response, fault.status, fault.body, fault.headers);
  if (typeof fault.body === 'string') return sendText(response, fault.status, fault.body, fault.headers);
  sendODataError(
    response,
    new ODataFailure(
      fault.status,
      '0x80040216',
      `The service is unavailable (injected HTTP ${fault.status}).`,
      fault.headers,
    ),
  );
}

/**
 * Sends what the route ends the response with in pieces of `bytes`, one every `everyMs` on the server's
 * clock: on a manual clock shared with the client, each piece comes when the test moves time.
 */
export function trickle(
  response: ServerResponse,
  { bytes, everyMs }: { bytes: number; everyMs: number },
  clock: Clock,
): void {
  const end = response.end.bind(response);
  let next: Timer | undefined;
  // A client that gave up closed the connection: no piece is due any more.
  response.on('close', () => next?.cancel());
  response.end = ((body?: string | Buffer) => {
    const whole = Buffer.from(body ?? '');
    const sendFrom = (offset: number): void => {
      if (offset + bytes >= whole.length) return void end(whole.subarray(offset));
      response.write(whole.subarray(offset, offset + bytes));
      next = clock.startTimer(everyMs, () => sendFrom(offset + bytes));
    };
    sendFrom(0);
    return response;
  }) as ServerResponse['end'];
}
