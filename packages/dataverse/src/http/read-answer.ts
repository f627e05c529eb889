import { BodyTooLarge } from '@connector-alm/core';
import type { Clock, Timer } from '../clock.js';

/** An answer's body began and then stopped: nothing arrived for `silentMs`. */
export class AnswerStalled extends Error {
  constructor(readonly silentMs: number) {
    super(`no byte of the answer for ${silentMs} ms`);
    this.name = 'AnswerStalled';
  }
}

/**
 * The most bytes of one Web API answer: just under the longest string V8 can hold (2^29 - 24
 * characters). The largest answer is an export's base64 zip, some hundred MB; an endless body used to
 * grow to that length (2 GB of memory), fail as "Invalid string length", and be read again on each retry.
 */
export const MAX_ANSWER_BYTES = 500 * 1024 * 1024;

/**
 * The body of an answer as text, for as long as it keeps arriving: each piece must come within
 * `silentMs` of the one before, however long the whole takes. An import log of megabytes or an
 * exported solution of 100+ MB over a slow link can take longer than any fixed limit fit for a hung
 * connection, while a connection that sends nothing for that long is hung whatever the body's size.
 * A stalled body is cancelled, which closes its connection. The silence is measured on `clock`. A
 * body past `limitBytes` is cancelled too (BodyTooLarge): no answer of the service is that long.
 */
export async function readWhileArriving(
  response: Response,
  silentMs: number,
  clock: Clock,
  limitBytes: number = MAX_ANSWER_BYTES,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    let timer: Timer | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = clock.startTimer(silentMs, () => reject(new AnswerStalled(silentMs)));
    });
    try {
      const piece = await Promise.race([reader.read(), silence]);
      if (piece.done) return text + decoder.decode();
      bytes += piece.value.byteLength;
      if (bytes > limitBytes) throw new BodyTooLarge(limitBytes);
      text += decoder.decode(piece.value, { stream: true });
    } catch (error) {
      if (error instanceof AnswerStalled || error instanceof BodyTooLarge)
        await reader.cancel().catch(() => undefined);
      throw error;
    } finally {
      timer?.cancel();
    }
  }
}
