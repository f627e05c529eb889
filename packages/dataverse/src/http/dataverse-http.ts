import { UserError, type Logger } from '@connector-alm/core';
import type { AccessTokenSource } from '../auth/token-provider.js';
import type { Clock } from '../clock.js';
import { dataverseError, DataverseError, type ODataErrorBody } from './dataverse-errors.js';
import type { Fetch } from './fetch.js';
import { decideRetry, DEFAULT_RETRY_BUDGET, type AttemptOutcome, type RetryBudget } from './retry-policy.js';

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
}

/**
 * Web API requests with the headers the service requires, a fresh token each time, one retry with a
 * new token after a 401, and retries of throttling, 5xx and dropped connections within the budget.
 * Tokens never reach the logger: requests are logged by method and path only.
 */
export class DataverseHttp {
  private readonly budget: RetryBudget;

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
        const decision = decideRetry({ kind: 'network-error' }, attempt, waitedMs, this.budget, clock.now());
        if (!decision.retry) throw unreachable(request.operation, url, error, attempt);
        logger.warning(
          `${request.operation}: connection to ${url.origin} failed (${describeNetworkError(error)}); retrying in ${seconds(decision.delayMs)}.`,
        );
        waitedMs += decision.delayMs;
        await clock.sleep(decision.delayMs);
        continue;
      }

      if (response.ok) return readSuccess(response);
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
      const decision = decideRetry(outcome, attempt, waitedMs, this.budget, clock.now());
      if (!decision.retry) {
        const error = dataverseError(request.operation, response.status, errorBody, this.options.environment);
        if (decision.reason === 'budget-spent') {
          throw new DataverseError(
            `${error.message}; gave up after ${attempt} attempts and ${seconds(waitedMs)} of waiting`,
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
        `${request.operation}: HTTP ${response.status}${code}; retrying in ${seconds(decision.delayMs)}.`,
      );
      waitedMs += decision.delayMs;
      await clock.sleep(decision.delayMs);
    }
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

async function readSuccess(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** fetch hides the socket error in `cause`: ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET… */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function unreachable(operation: string, url: URL, error: unknown, attempts: number): UserError {
  const reason = describeNetworkError(error);
  const hint =
    reason === 'ENOTFOUND' || reason === 'EAI_AGAIN'
      ? 'The host name does not resolve: check environment-url.'
      : 'Check environment-url and that the runner can reach it.';
  return new UserError(
    `${operation}: could not reach ${url.origin} (${reason}) after ${attempts} attempts.`,
    { hint, cause: error },
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
