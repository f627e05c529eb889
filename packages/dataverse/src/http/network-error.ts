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

/** The reason shown for a host that does not exist, in core so that every service says it alike. */
export { noSuchHostReason } from '@connector-alm/core';
