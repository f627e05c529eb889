import { UserError, type Logger } from '@connector-alm/core';
import type { AccessTokenSource } from '../auth/token-provider.js';
import type { Clock } from '../clock.js';
import { dataverseError, DataverseError, type ODataErrorBody } from './dataverse-errors.js';
import type { Fetch } from './fetch.js';
import { describeNetworkError, isNoSuchHost, isTimeout, noSuchHostReason } from './network-error.js';
import {
  decideRetry,
  DEFAULT_RETRY_BUDGET,
  formatSeconds,
  type AttemptOutcome,
  type RetryBudget,
  type RetryDecision,
} from './retry-policy.js';

export const WEB_API_PATH = '/api/data/v9.2/';

export interface DataverseHttpOptions {
  environment: URL;
  tokens: AccessTokenSource;
  fetch: Fetch;
  clock: Clock;
  logger: Logger;
  retry?: RetryBudget;
  /** Per-attempt timeout; synchronous export and import can take minutes. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** What the user asked for, for error messages: "Export of solution X". */
  operation: string;
  body?: unknown;
  timeoutMs?: number;
  /**
   * False for a request that changes the environment and must not be applied twice (an import):
   * it is resent only when it surely was not processed. Default true.
   */
  idempotent?: boolean;
  /** A read of what was created moments ago: a 404 is read again a few times (see RequestNature). */
  mayNotExistYet?: boolean;
}

/**
 * Web API requests with the headers the service requires, a fresh token each time, one retry with a
 * new token after a 401, and retries of throttling, 5xx and dropped connections within the budget.
 * Tokens never reach the logger: requests are logged by method and path only.
 */
export class DataverseHttp {
  private readonly budget: RetryBudget;
  /** True once the environment has answered: from then on ENOTFOUND is a resolver's blip. */
  private answered = false;

  constructor(private readonly options: DataverseHttpOptions) {
    this.budget = options.retry ?? DEFAULT_RETRY_BUDGET;
  }

  get environment(): URL {
    return this.options.environment;
  }

  async get<T>(path: string, options: RequestOptions): Promise<T> {
    return (await this.send('GET', path, options)) as T;
  }

  async post<T>(path: string, options: RequestOptions): Promise<T> {
    return (await this.send('POST', path, options)) as T;
  }

  private async send(method: string, path: string, request: RequestOptions): Promise<unknown> {
    const { clock, logger } = this.options;
    const url = new URL(WEB_API_PATH + path, this.options.environment);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    let waitedMs = 0;
    let refreshedAfter401 = false;
    for (let attempt = 1; ; attempt++) {
      logger.debug(`${method} ${url.pathname}${url.search} (attempt ${attempt})`);
      // Outside the try: a token failure is Entra's answer, not a dropped connection to retry.
      const headers = await this.headers(body !== undefined);
      let response: Response;
      try {
        response = await this.options.fetch(url, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(request.timeoutMs ?? this.options.timeoutMs ?? 10 * 60_000),
        });
      } catch (error) {
        if (isTimeout(error)) {
          throw new UserError(`${request.operation}: no answer from ${url.origin} within the time limit.`, {
            hint: 'Large solutions need the asynchronous mode (run-asynchronously: true).',
            cause: error,
          });
        }
        // A name that never resolved is a mistyped URL: another attempt will not make it exist.
        if (isNoSuchHost(error) && !this.answered) throw noSuchHost(request.operation, url, error);
        const reason = describeNetworkError(error);
        const decision = this.decide(
          { kind: 'network-error', reachedServer: !NOT_DELIVERED.has(reason) },
          attempt,
          waitedMs,
          request,
        );
        if (!decision.retry) {
          if (decision.reason === 'may-have-been-applied')
            throw mayHaveBeenApplied(
              request.operation,
              `the connection to ${url.origin} broke (${reason})`,
              error,
            );
          throw unreachable(request.operation, url, error, attempt);
        }
        logger.warning(
          `${request.operation}: connection to ${url.origin} failed (${describeNetworkError(error)}); retrying in ${formatSeconds(decision.delayMs)}.`,
        );
        waitedMs += decision.delayMs;
        await clock.sleep(decision.delayMs);
        continue;
      }

      this.answered = true;
      if (response.ok) return readSuccess(response, request.operation, url);
      const errorBody = (await response.json().catch(() => undefined)) as ODataErrorBody | undefined;
      if (response.status === 401 && !refreshedAfter401) {
        // A token can be revoked or judged expired by a server whose clock runs ahead: get a new one once.
        refreshedAfter401 = true;
        this.options.tokens.invalidate();
        attempt--;
        continue;
      }
      const outcome: AttemptOutcome = {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
      };
      const decision = this.decide(outcome, attempt, waitedMs, request);
      if (!decision.retry) {
        const error = dataverseError(request.operation, response.status, errorBody, this.options.environment);
        if (decision.reason === 'may-have-been-applied')
          throw mayHaveBeenApplied(request.operation, error.message, error);
        if (decision.reason === 'budget-spent') {
          throw new DataverseError(
            `${error.message}; gave up after ${attempt} attempts and ${formatSeconds(waitedMs)} of waiting`,
            error.status,
            error.code,
            {
              ...(error.hint ? { hint: error.hint } : {}),
            },
          );
        }
        throw error;
      }
      const code = errorBody?.error?.code ? ` ${errorBody.error.code}` : '';
      logger.warning(
        `${request.operation}: HTTP ${response.status}${code}; retrying in ${formatSeconds(decision.delayMs)}.`,
      );
      waitedMs += decision.delayMs;
      await clock.sleep(decision.delayMs);
    }
  }

  private decide(
    outcome: AttemptOutcome,
    attempt: number,
    waitedMs: number,
    request: RequestOptions,
  ): RetryDecision {
    return decideRetry(outcome, attempt, waitedMs, this.budget, this.options.clock.now(), {
      idempotent: request.idempotent ?? true,
      mayNotExistYet: request.mayNotExistYet ?? false,
    });
  }

  private async headers(hasBody: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
      'If-None-Match': 'null',
      Authorization: `Bearer ${await this.options.tokens.getToken()}`,
    };
    if (hasBody) headers['Content-Type'] = 'application/json';
    return headers;
  }
}

/**
 * The JSON of a successful answer. A proxy, a sign-in page or a wrong host can answer 200 with HTML:
 * that is a wrong environment URL, said so, not a JSON parse error.
 */
async function readSuccess(response: Response, operation: string, url: URL): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new UserError(
      `${operation}: ${url.origin} answered HTTP ${response.status} with ${type}, not with the Dataverse Web API's JSON.`,
      {
        hint: 'Check environment-url: it must be the environment itself, e.g. https://contoso.crm.dynamics.com.',
      },
    );
  }
}

/** Connection failures that happen before a request is delivered: it was certainly not processed. */
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** A change request that failed in a way that leaves open whether the environment applied it. */
function mayHaveBeenApplied(operation: string, what: string, cause: unknown): UserError {
  return new UserError(`${operation} may or may not have been applied: ${what}.`, {
    hint: 'It was not sent again, so as not to apply it twice: check the solution (and its import job) in the environment before running the job again.',
    cause,
  });
}

/** The environment's host does not exist: a mistyped environment URL, said at the first attempt. */
function noSuchHost(operation: string, url: URL, error: unknown): UserError {
  return new UserError(`${operation}: could not reach ${url.origin}: ${noSuchHostReason(url.hostname)}.`, {
    hint: "Check environment-url for a typo: it is the environment's URL, e.g. https://contoso.crm.dynamics.com.",
    cause: error,
  });
}

function unreachable(operation: string, url: URL, error: unknown, attempts: number): UserError {
  const reason = describeNetworkError(error);
  const hint =
    reason === 'ENOTFOUND' || reason === 'EAI_AGAIN'
      ? "DNS did not resolve the host name then: check the runner's network (DNS), and environment-url."
      : 'Check environment-url and that the runner can reach it.';
  return new UserError(
    `${operation}: could not reach ${url.origin} (${reason}) after ${attempts} attempts.`,
    { hint, cause: error },
  );
}
