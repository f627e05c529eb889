/**
 * Why a request got no answer at all, read from the error fetch threw. fetch (undici) hides the
 * socket error in its cause chain: `TypeError: fetch failed` → `Error: getaddrinfo ENOTFOUND …`
 * (code ENOTFOUND), sometimes a level deeper; Octokit wraps that once more. Both services read it
 * here, so that they tell the same failure by the same code.
 */
export interface SocketFailure {
  /** The first error code in the chain: ENOTFOUND, ECONNREFUSED, EAI_AGAIN, UND_ERR_SOCKET… */
  code?: string;
  /** The message of the level where the walk stopped (the innermost, without a code). */
  message?: string;
  /** A TimeoutError (an AbortSignal.timeout ran out) came before any code in the chain. */
  timedOut: boolean;
}

/** Deeper chains than this are not fetch's; the walk also stops on a cause that loops back. */
const MAX_CAUSE_DEPTH = 5;

/**
 * The failure in `error`'s cause chain (the error itself is not read: its message is the caller's
 * to show), or undefined when it has no cause. Duck-typed: fetch's errors can come from another
 * realm than this one's Error.
 */
export function socketFailureOf(error: unknown): SocketFailure | undefined {
  let cause = causeOf(error);
  if (cause === undefined) return undefined;
  const failure: SocketFailure = { timedOut: false };
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSE_DEPTH; depth++) {
    const { code, message, name } = cause as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof message === 'string') failure.message = message;
    if (name === 'TimeoutError') return { ...failure, timedOut: true };
    if (typeof code === 'string') return { ...failure, code };
    cause = causeOf(cause);
  }
  return failure;
}

function causeOf(error: unknown): object | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null ? cause : undefined;
}
