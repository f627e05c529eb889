import type { RequestNature } from './retry-policy.js';

/** One request: what it is for the user, its body, and what it is for resending it and timing it out. */
export interface RequestOptions extends RequestNature {
  /** What the user asked for, for error messages: "Export of solution X". */
  operation: string;
  body?: unknown;
  /** What to do when a slow request got no answer in time ("Large solutions need…"). */
  timeoutHint?: string;
  /**
   * For a request that must not be sent twice (idempotent: false): what to tell the user when it failed
   * in a way that leaves open whether the service acted on it, given what happened ("no answer within
   * 30 s"). Without it, the wording of a change that may or may not have been applied.
   */
  ifUnconfirmed?: (happened: string) => { message: string; hint: string };
}
