import { socketFailureOf } from '@connector-alm/core';

/** The socket error's code from fetch's cause chain (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…), else a message. */
export function describeNetworkError(error: unknown): string {
  const failure = socketFailureOf(error);
  return failure?.code ?? failure?.message ?? (error instanceof Error ? error.message : String(error));
}

/** fetch ended by its AbortSignal: our per-request timeout ran out. */
export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * DNS answered that the host name does not exist (getaddrinfo's EAI_NONAME or EAI_NODATA, which Node
 * reports as ENOTFOUND): a mistyped URL, which another attempt will not mend, so it fails at once.
 * EAI_AGAIN, a resolver that did not answer in time, is a passing failure and is not this.
 */
export function isNoSuchHost(error: unknown): boolean {
  return describeNetworkError(error) === 'ENOTFOUND';
}

/** The connection was refused: nothing listens on that port of the host (or a firewall said so). */
export function isConnectionRefused(error: unknown): boolean {
  return describeNetworkError(error) === 'ECONNREFUSED';
}

/**
 * fetch refused the URL's port before connecting: the Fetch standard's "bad ports" (6000, 6665-6669,
 * 10080 …) belong to other protocols, so no attempt at that port can ever pass. undici says so only
 * in the message of the cause, without a code.
 */
export function isBadPort(error: unknown): boolean {
  const failure = socketFailureOf(error);
  return failure?.code === undefined && failure?.message === 'bad port';
}
