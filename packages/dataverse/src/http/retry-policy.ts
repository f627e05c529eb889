import { plural, withoutFullStop } from '@connector-alm/core';
/**
 * When to resend a Dataverse request, and after how long. Pure, so the rules are tested without a
 * server: 429 waits for Retry-After (the service-protection limits say exactly that), 5xx other than
 * 501 and dropped connections back off exponentially, a 404 of something just created is read again a
 * few times, and everything stops at a budget of attempts and total waiting, so a sick service fails
 * the job instead of hanging it.
 */
export interface RetryBudget {
  maxAttempts: number;
  /** The most time spent waiting between attempts, summed over one request. */
  maxTotalWaitMs: number;
  /** First backoff step; doubled on every retry. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_BUDGET: RetryBudget = {
  maxAttempts: 8,
  maxTotalWaitMs: 5 * 60_000,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

/**
 * What happened on one attempt. `reachedServer` is false for a connection that never opened (refused,
 * or a host name that does not resolve): then the request was certainly not processed. `transient` is
 * the caller's verdict on a response when it knows more than the status (sign-in reads Entra ID's error
 * body); without it, 429 and 5xx other than 501 are worth another attempt. `timeout`: the request was
 * delivered and no answer came within its timeout, so the service may be working on it still.
 */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfter: string | null; transient?: boolean }
  | { kind: 'network-error'; reachedServer: boolean }
  | { kind: 'timeout' };

/** What the request is, as far as resending it goes. */
export interface RequestNature {
  /**
   * False for a request that changes the environment, or starts work in it, that must not be done
   * twice: an import, an export (a second would run beside the first). Default true.
   */
  idempotent?: boolean;
  /**
   * True for a read of what a request created moments ago (the system job an ImportSolutionAsync
   * started): the read can reach a replica the new row has not reached yet and get 404.
   */
  mayNotExistYet?: boolean;
  /**
   * True for a request that can take minutes before its answer begins: the service exporting or
   * importing a solution synchronously, or a solution file sent or made ready to receive. It has the
   * long timeout, and is not sent again when that runs out: another attempt would take as long, and the
   * service may still be working on the first. Every other request begins its answer in seconds, so a
   * short timeout ends a hung connection and the request is sent again within the budget. Once an
   * answer has begun, only silence ends it (readWhileArriving), and a read whose answer stalled is sent
   * again, slow or not.
   */
  slow?: boolean;
}

/** Attempts at reading what may not exist yet: replication takes seconds, a wrong id should fail soon. */
export const NOT_YET_ATTEMPTS = 4;

/**
 * `may-have-been-applied`: a failure that would be retried, of a request that must not be sent twice:
 * the service may have processed it.
 */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-retryable' | 'budget-spent' | 'may-have-been-applied' };

/**
 * `Retry-After` as seconds or an HTTP date, in milliseconds from `nowMs`; undefined when absent or
 * unreadable, so that the backoff applies. Only HTTP's forms are read: Date.parse alone takes '-5',
 * '1.5' or '2' for dates in 2001, a wait of 0 s, and every attempt would follow at once. Seconds with
 * a fraction are read as meant; a header sent twice (joined with ', ') counts its longer wait.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  const seconds = text.split(',').map((part) => part.trim());
  if (seconds.every((part) => /^\d+(\.\d+)?$/.test(part)))
    return Math.max(...seconds.map((part) => Math.round(Number(part) * 1000)));
  // IMF-fixdate, RFC 850 and asctime all begin with the day's name.
  if (!/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? /i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * @param attempt 1 for the first attempt that failed.
 * @param waitedMs time already spent waiting for this request.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  waitedMs: number,
  budget: RetryBudget,
  nowMs: number,
  { idempotent = true, mayNotExistYet = false, slow = false }: RequestNature = {},
): RetryDecision {
  const notYet = mayNotExistYet && outcome.kind === 'response' && outcome.status === 404;
  if (outcome.kind === 'response' && !(outcome.transient ?? isRetryableStatus(outcome.status)) && !notYet)
    return { retry: false, reason: 'not-retryable' };
  // A request that changes the environment or starts work in it (an import, an export) is sent again
  // only when it surely was not processed: refused by service protection (429) or never delivered.
  // After a 5xx (nothing documents one of the Web API as "not processed", and a gateway's 502 or 504
  // comes after the service took the request), a dropped connection or no answer in time, it may have
  // been applied; Dataverse also refuses a second import job with its id.
  if (!idempotent && !surelyNotProcessed(outcome)) return { retry: false, reason: 'may-have-been-applied' };
  if (outcome.kind === 'timeout' && slow) return { retry: false, reason: 'not-retryable' };
  if (attempt >= (notYet ? Math.min(budget.maxAttempts, NOT_YET_ATTEMPTS) : budget.maxAttempts))
    return { retry: false, reason: 'budget-spent' };
  const backoff = Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** (attempt - 1));
  const told = outcome.kind === 'response' ? parseRetryAfter(outcome.retryAfter, nowMs) : undefined;
  const delayMs = told ?? backoff;
  if (waitedMs + delayMs > budget.maxTotalWaitMs) return { retry: false, reason: 'budget-spent' };
  return { retry: true, delayMs };
}

/** Refused by service protection (429), or a connection that never opened: the service did nothing. */
function surelyNotProcessed(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'response') return outcome.status === 429;
  return outcome.kind === 'network-error' && !outcome.reachedServer;
}

/**
 * The last failure's message, ended with how the retries ended: "…; gave up after 3 attempts and 7 s
 * of waiting.", and why when the service asked for a longer wait (Retry-After) than the budget had
 * left, so that a user does not take a stop after one attempt for a missing retry.
 */
export function gaveUpMessage(
  message: string,
  attempts: number,
  waitedMs: number,
  budget: RetryBudget,
  askedMs: number | undefined,
): string {
  const allowed =
    waitedMs === 0
      ? `the ${formatSeconds(budget.maxTotalWaitMs)} allowed`
      : `the ${formatSeconds(budget.maxTotalWaitMs - waitedMs)} left of ${formatSeconds(budget.maxTotalWaitMs)} allowed`;
  const tooLong =
    attempts < budget.maxAttempts && askedMs !== undefined && waitedMs + askedMs > budget.maxTotalWaitMs
      ? `: the service asked to wait ${formatSeconds(askedMs)}, more than ${allowed}`
      : '';
  return `${withoutFullStop(message)}; gave up after ${plural(attempts, 'attempt')} and ${formatSeconds(waitedMs)} of waiting${tooLong}.`;
}

/**
 * A wait for messages: "1.5 s", or whole minutes as such ("10 min", not "600 s"), which is how the
 * limits are thought of and documented.
 */
export function formatSeconds(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 100) / 10} s`;
}
