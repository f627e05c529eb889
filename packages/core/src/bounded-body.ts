/**
 * Reading an HTTP answer's body up to a limit. An endless body (a host or proxy that never ends its
 * answer) filled the memory for as long as the request's timeout allowed, gigabytes on a fast link,
 * and was read again on each retry: Entra ID, Dataverse and GitHub answers are read through this.
 */

/** A body went on past `limitBytes`; its reading was cancelled, which closes its connection. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`the answer went on past ${limitBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Reads `reader` to its end into `pieces`, or throws BodyTooLarge once more than `limitBytes` came.
 * `pieces` is the caller's, so that what came before another failure (a timeout, a dropped
 * connection) is still there to hand on.
 */
export async function readBodyWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limitBytes: number,
  pieces: Uint8Array[] = [],
): Promise<Uint8Array[]> {
  let bytes = 0;
  for (;;) {
    const piece = await reader.read();
    if (piece.done) return pieces;
    bytes += piece.value.byteLength;
    if (bytes > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limitBytes);
    }
    pieces.push(piece.value);
  }
}

/** `200 MB`, `1 MB`, `256 KB`: a byte limit as people write it (1024-based, as the limits are set). */
export function formatByteLimit(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
