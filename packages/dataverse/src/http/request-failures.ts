import { plural, REQUESTING_MACHINE, THE_RUN, UserError, type SaySetting } from '@connector-alm/core';
import { ENVIRONMENT_URL } from '../setting-words.js';
import { describeNetworkError } from './network-error.js';
import type { RequestOptions } from './request-options.js';
import { formatSeconds, type RetryDecision } from './retry-policy.js';
import { UnconfirmedRequest } from './unconfirmed-request.js';

/**
 * A request that must not be sent twice failed in a way that leaves open whether the environment acted
 * on it: `what` for the wording of a change (an import), `happened` for the request's own wording.
 * `say` names what to run again, as the CLI's user or an action's knows it; so do the others here,
 * and the machine that sends the requests.
 */
export function mayHaveBeenApplied(
  request: RequestOptions,
  { what, happened, cause, moreHint }: { what: string; happened: string; cause: unknown; moreHint?: string },
  say: SaySetting,
): UnconfirmedRequest {
  if (request.ifUnconfirmed) {
    const { message, hint } = request.ifUnconfirmed(happened);
    return new UnconfirmedRequest(message, happened, { hint, cause });
  }
  const hint = `It was not sent again, so as not to apply it twice: check the solution (and its import job) in the environment before running ${say(THE_RUN)} again.`;
  return new UnconfirmedRequest(`${request.operation} may or may not have been applied: ${what}.`, happened, {
    hint: moreHint ? `${hint} ${moreHint}` : hint,
    cause,
  });
}

/**
 * No answer within the request's timeout, and no further attempt: a change that may still be applied,
 * a slow request another attempt would not speed up, or a quick one whose retry budget is spent.
 */
export function noAnswer(
  request: RequestOptions,
  url: URL,
  within: string,
  decision: Extract<RetryDecision, { retry: false }>,
  { attempt, waitedMs }: { attempt: number; waitedMs: number },
  cause: unknown,
  say: SaySetting,
): UserError {
  const silent = `${url.origin} did not answer ${within}`;
  if (decision.reason === 'may-have-been-applied')
    return mayHaveBeenApplied(
      request,
      { what: silent, happened: `no answer ${within}`, cause, moreHint: request.timeoutHint },
      say,
    );
  if (decision.reason === 'budget-spent') {
    return new UserError(
      `${request.operation}: ${silent}; gave up after ${plural(attempt, 'attempt')} and ${formatSeconds(waitedMs)} of waiting.`,
      {
        hint: `The environment took the connection and sent no answer: check ${say(ENVIRONMENT_URL)}, and any proxy between ${say(REQUESTING_MACHINE)} and the environment; if they are right, run ${say(THE_RUN)} again later.`,
        cause,
      },
    );
  }
  return new UserError(`${request.operation}: ${silent}.`, {
    hint:
      request.timeoutHint ??
      `It may still be running in the environment: check there before running ${say(THE_RUN)} again.`,
    cause,
  });
}

/** An answer began and stopped, and is not read again: a change that may have been applied, or the budget spent. */
export function answerStalled(
  request: RequestOptions,
  stalled: string,
  decision: Extract<RetryDecision, { retry: false }>,
  { attempt, waitedMs }: { attempt: number; waitedMs: number },
  cause: unknown,
  say: SaySetting,
): UserError {
  if (decision.reason === 'may-have-been-applied')
    return mayHaveBeenApplied(
      request,
      { what: stalled, happened: stalled.replace(/^the answer from \S+/, 'its answer'), cause },
      say,
    );
  const machine = say(REQUESTING_MACHINE);
  return new UserError(
    `${request.operation}: ${stalled}; gave up after ${plural(attempt, 'attempt')} and ${formatSeconds(waitedMs)} of waiting.`,
    {
      hint: `The environment began its answer and then sent nothing more: check ${machine}'s network, and any proxy between ${machine} and the environment; if they are right, run ${say(THE_RUN)} again later.`,
      cause,
    },
  );
}

/** What to check when the environment's host does not exist: a mistyped environment URL. */
export function noSuchHostHint(environmentUrl: string): string {
  return `Check ${environmentUrl} for a typo: it is the environment's URL, e.g. https://contoso.crm.dynamics.com.`;
}

export function unreachable(
  operation: string,
  url: URL,
  error: unknown,
  attempts: number,
  say: SaySetting,
): UserError {
  const reason = describeNetworkError(error);
  const [environmentUrl, machine] = [say(ENVIRONMENT_URL), say(REQUESTING_MACHINE)];
  const hint =
    reason === 'ENOTFOUND' || reason === 'EAI_AGAIN'
      ? `DNS did not resolve the host name then: check ${machine}'s network (DNS), and ${environmentUrl}.`
      : `Check ${environmentUrl} and that ${machine} can reach it.`;
  return new UserError(
    `${operation}: could not reach ${url.origin} (${reason}) after ${plural(attempts, 'attempt')}.`,
    { hint, cause: error },
  );
}
