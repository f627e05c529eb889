import { optionWords, THE_RUN, UserError, type Logger, type SaySetting } from '@connector-alm/core';
import type { Clock } from '../clock.js';
import {
  decideRetry,
  formatSeconds,
  gaveUpMessage,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryBudget,
} from '../http/retry-policy.js';

/**
 * Statuses of a sign-in request (Entra ID's token endpoint, GitHub's ID-token endpoint) that another
 * attempt can cure: a timeout, throttling, and server or gateway trouble. 501 and the 4xx will not change.
 */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isTransientSignInStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/**
 * One sign-in request failed in a way that may pass: a dropped connection or a transient answer.
 * `error` is what the user sees if no attempt is left; `summary` is the short reason logged when
 * retrying ("HTTP 503 AADSTS90033"). Any other error a sign-in attempt throws is final.
 */
export class TransientSignInFailure extends Error {
  constructor(
    readonly error: UserError,
    readonly outcome: AttemptOutcome,
    readonly summary: string,
  ) {
    super(error.message);
  }
}

export interface SignInRetryOptions {
  clock: Clock;
  /** The Web API's budget: sign-in is the first request of every run and as exposed to blips. */
  budget: RetryBudget;
  logger?: Logger;
  /**
   * False for a renewal while the token in hand is still valid: one attempt, since the caller keeps
   * using that token and tries again on its next request, rather than holding the run up.
   */
  retry: boolean;
  /** How advice names what to run again: the CLI's words by default, or an action's. */
  say?: SaySetting;
}

/**
 * Runs `attemptOnce` until it succeeds, throws a final error, or the budget of attempts and waiting
 * is spent, waiting between attempts as the Web API retry policy says (Retry-After, else exponential
 * backoff). A token request may be sent any number of times: each one only asks for a token.
 */
export async function withSignInRetries<T>(
  attemptOnce: () => Promise<T>,
  { clock, budget, logger, retry, say = optionWords }: SignInRetryOptions,
): Promise<T> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (failure) {
      if (!(failure instanceof TransientSignInFailure)) throw failure;
      if (!retry) throw failure.error;
      const decision = decideRetry(failure.outcome, attempt, waitedMs, budget, clock.now());
      if (!decision.retry) throw gaveUp(failure, attempt, waitedMs, budget, clock.now(), say);
      logger?.warning(`Sign-in: ${failure.summary}; retrying in ${formatSeconds(decision.delayMs)}.`);
      waitedMs += decision.delayMs;
      await clock.sleep(decision.delayMs);
    }
  }
}

/** The last failure, with how many attempts were made, how long they waited, and why they stopped. */
function gaveUp(
  failure: TransientSignInFailure,
  attempts: number,
  waitedMs: number,
  budget: RetryBudget,
  nowMs: number,
  say: SaySetting,
): UserError {
  const { error, outcome } = failure;
  const asked = outcome.kind === 'response' ? parseRetryAfter(outcome.retryAfter, nowMs) : undefined;
  return new UserError(gaveUpMessage(error.message, attempts, waitedMs, budget, asked), {
    hint:
      error.hint ??
      `The failures look temporary (the service or the network to it): run ${say(THE_RUN)} again later.`,
    cause: error,
  });
}
