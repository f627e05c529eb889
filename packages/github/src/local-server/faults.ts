/**
 * Misbehaviours of the real GitHub that a client must survive, switched on per test. Each counter
 * is consumed as the fault fires, so a test says how many times GitHub misbehaves before it recovers.
 */
export interface Faults {
  /** A new fork's git data is copied asynchronously: this many git requests on it answer 409 first. */
  forkNotReadyFor: number;
  /**
   * The next requests answer a secondary rate limit with retry-after: 403 by default, or 429, which
   * GitHub answers too ("you will receive a 403 or 429 response").
   */
  secondaryRateLimit: { times: number; retryAfterSeconds: number; status?: 403 | 429 };
  /** The next requests answer a primary rate limit (403, x-ratelimit-remaining 0 and a reset time). */
  primaryRateLimit: { times: number; resetInSeconds: number };
  /**
   * Pull request creation races another run: the PR gets created, but this call answers
   * 422 "A pull request already exists for …", as when two workflow runs open the same PR at once.
   */
  pullRequestCreateRace: number;
  /**
   * Right after a pull request is created, this many label or reviewer requests on it answer
   * 422 "Could not resolve to a node with the global id …" (GitHub's eventual consistency).
   */
  nodeNotResolved: number;
  /**
   * The next requests are accepted and never answered, as a hung connection or a stuck proxy in front
   * of GitHub Enterprise Server does, until the client gives up or the server closes.
   */
  hang: number;
  /**
   * The next requests of this operation are carried out, and the connection is closed before the
   * answer is sent: a dropped connection or a proxy's timeout after GitHub did the work.
   */
  dropAnswer: OperationFault;
  /**
   * The next requests of this operation are carried out, and their answer stops after the status, the
   * headers and half the body: the connection ends there, as when a proxy or the network drops it.
   */
  cutAnswer: OperationFault;
  /**
   * The next requests of this operation are carried out, and their answer stops after the status, the
   * headers and half the body, then nothing more comes until the client gives up (its timeout).
   */
  stallAnswer: OperationFault;
  /**
   * The next requests are answered with `status` and a message that quotes the request (its
   * Authorization header and body), as an echoing proxy or gateway does: a client must not print it.
   */
  echoRequest: { times: number; status: number };
  /** The next requests are redirected (307) to the same path at another origin. */
  redirect: { times: number; origin: string };
}

/** A fault aimed at one operation (GitHub's operationId, e.g. git/create-ref), `times` times. */
export interface OperationFault {
  operationId: string;
  times: number;
}

export function noFaults(): Faults {
  return {
    forkNotReadyFor: 0,
    secondaryRateLimit: { times: 0, retryAfterSeconds: 1 },
    primaryRateLimit: { times: 0, resetInSeconds: 1 },
    pullRequestCreateRace: 0,
    nodeNotResolved: 0,
    hang: 0,
    dropAnswer: { operationId: '', times: 0 },
    cutAnswer: { operationId: '', times: 0 },
    stallAnswer: { operationId: '', times: 0 },
    echoRequest: { times: 0, status: 500 },
    redirect: { times: 0, origin: '' },
  };
}
