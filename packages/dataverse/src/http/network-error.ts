/** fetch hides the socket error in `cause`: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET… */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
