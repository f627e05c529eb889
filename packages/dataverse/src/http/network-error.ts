/** fetch hides the socket error in `cause`: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET… */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** fetch ended by its AbortSignal: our per-request timeout ran out. */
export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
