import {
  BodyTooLarge,
  formatByteLimit,
  type Logger,
  optionWords,
  REQUESTING_MACHINE,
  type SaySetting,
  UserError,
  withoutEchoedSecrets,
} from '@connector-alm/core';
import type { AccessTokenSource } from '../auth/token-provider.js';
import { ENVIRONMENT_URL } from '../setting-words.js';
import { abortAfter, type Clock } from '../clock.js';
import {
  dataverseError,
  DataverseError,
  describeFailedResponse,
  type ODataErrorBody,
} from './dataverse-errors.js';
import type { Fetch } from './fetch.js';
import { describeNetworkError, isTimeout } from './network-error.js';
import { AnswerStalled, readWhileArriving } from './read-answer.js';
import { parseJson, readSuccess } from './answer-json.js';
import {
  answerStalled,
  mayHaveBeenApplied,
  noAnswer,
  noSuchHostHint,
  unreachable,
} from './request-failures.js';
import type { RequestOptions } from './request-options.js';
import {
  decideRetry,
  DEFAULT_RETRY_BUDGET,
  formatSeconds,
  gaveUpMessage,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryBudget,
  type RetryDecision,
} from './retry-policy.js';
import { hopelessFailure } from './hopeless-failure.js';
import {
  DEFAULT_WEB_API_TIMEOUTS,
  silenceLimitMs,
  timeoutFor,
  type WebApiTimeouts,
} from './web-api-timeouts.js';

export const WEB_API_PATH = '/api/data/v9.2/';

export interface DataverseHttpOptions {
  environment: URL;
  tokens: AccessTokenSource;
  fetch: Fetch;
  clock: Clock;
  logger: Logger;
  retry?: RetryBudget;
  /** How long an attempt may wait for its answer to begin, and then between its pieces. Tests shorten them. */
  timeouts?: Partial<WebApiTimeouts>;
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
  /** The most bytes of one answer (MAX_ANSWER_BYTES by default). Tests lower it. */
  maxAnswerBytes?: number;
}

/**
 * Web API requests with the headers the service requires, a fresh token each time, one retry with a
 * new token after a 401, and retries of throttling, 5xx, dropped connections and quick requests left
 * unanswered past their timeout (WebApiTimeouts) within the budget.
 * Tokens never reach the logger: requests are logged by method and path only.
 */
export class DataverseHttp {
  private readonly budget: RetryBudget;
  private readonly timeouts: WebApiTimeouts;
  /** True once the environment has answered: from then on ENOTFOUND is a resolver's blip. */
  private answered = false;
  /** How advice names a setting, the machine and what to run again: as the reader knows them. */
  private readonly say: SaySetting;
  /** The setting that names the environment, as the reader typed it: `--environment-url` or `environment-url`. */
  private readonly environmentUrl: string;

  constructor(private readonly options: DataverseHttpOptions) {
    this.say = options.say ?? optionWords;
    this.environmentUrl = this.say(ENVIRONMENT_URL);
    this.budget = options.retry ?? DEFAULT_RETRY_BUDGET;
    this.timeouts = { ...DEFAULT_WEB_API_TIMEOUTS, ...options.timeouts };
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
    const timeoutMs = timeoutFor(request, this.timeouts);
    const silentMs = silenceLimitMs(this.timeouts);
    let waitedMs = 0;
    let refreshedAfter401 = false;
    for (let attempt = 1; ; attempt++) {
      logger.debug(`${method} ${url.pathname}${url.search} (attempt ${attempt})`);
      // Outside the try: a token failure is Entra's answer, not a dropped connection to retry.
      const token = await this.options.tokens.getToken();
      const headers = webApiHeaders(token, body !== undefined);
      let response: Response;
      let text: string;
      try {
        response = await this.fetchUntilAnswered(url, { method, headers, body }, timeoutMs);
        this.answered = true;
        text = await readWhileArriving(response, silentMs, clock, this.options.maxAnswerBytes);
      } catch (error) {
        // Not a dropped connection: the same request gets the same endless answer, so it is said at once.
        if (error instanceof BodyTooLarge)
          throw new UserError(
            `${request.operation}: the answer from ${url.origin} went on past ${formatByteLimit(error.limitBytes)}, longer than any answer of the Dataverse Web API; its reading was stopped.`,
            {
              hint: `Check ${this.environmentUrl} and any proxy between ${this.say(REQUESTING_MACHINE)} and the environment: something other than Dataverse answered.`,
              cause: error,
            },
          );
        if (error instanceof AnswerStalled) {
          // Like a connection dropped after it reached the service: a read is sent again, a change is not.
          const stalled = `the answer from ${url.origin} stopped arriving (nothing for ${formatSeconds(silentMs)})`;
          const outcome = { kind: 'network-error', reachedServer: true } as const;
          const decision = this.decide(outcome, attempt, waitedMs, request);
          if (!decision.retry)
            throw answerStalled(request, stalled, decision, { attempt, waitedMs }, error, this.say);
          logger.warning(`${request.operation}: ${stalled}; retrying in ${formatSeconds(decision.delayMs)}.`);
          waitedMs += decision.delayMs;
          await clock.sleep(decision.delayMs);
          continue;
        }
        if (isTimeout(error)) {
          const within = `within ${formatSeconds(timeoutMs)}`;
          const decision = this.decide({ kind: 'timeout' }, attempt, waitedMs, request);
          if (!decision.retry)
            throw noAnswer(request, url, within, decision, { attempt, waitedMs }, error, this.say);
          logger.warning(
            `${request.operation}: no answer from ${url.origin} ${within}; retrying in ${formatSeconds(decision.delayMs)}.`,
          );
          waitedMs += decision.delayMs;
          await clock.sleep(decision.delayMs);
          continue;
        }
        // A name that never resolved (a mistyped URL), nothing listening on a loopback port (dev-server
        // stopped or never started), or a port fetch refuses: no attempt can pass, and the request was
        // never delivered, so it is said at once.
        const hopeless = hopelessFailure(error, url, {
          urlInput: this.environmentUrl,
          noSuchHostHint: noSuchHostHint(this.environmentUrl),
          answered: this.answered,
        });
        if (hopeless)
          throw new UserError(`${request.operation}: could not reach ${url.origin}: ${hopeless.reason}.`, {
            hint: hopeless.hint,
            cause: error,
          });
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
              request,
              {
                what: `the connection to ${url.origin} broke (${reason})`,
                happened: `the connection broke (${reason})`,
                cause: error,
              },
              this.say,
            );
          throw unreachable(request.operation, url, error, attempt, this.say);
        }
        logger.warning(
          `${request.operation}: connection to ${url.origin} failed (${describeNetworkError(error)}); retrying in ${formatSeconds(decision.delayMs)}.`,
        );
        waitedMs += decision.delayMs;
        await clock.sleep(decision.delayMs);
        continue;
      }

      // With the request's line above, --debug shows what each request got: a 412 or 404 that the
      // code handles quietly is often what explains what happened next.
      logger.debug(`${method} ${url.pathname}${url.search}: HTTP ${response.status}`);
      if (response.ok) return readSuccess(response, text, request.operation, url, this.environmentUrl);
      // A gateway or a service in a bad state may quote the request, its Authorization header with it.
      const errorBody = parseJson(withoutEchoedSecrets(text, [token])) as ODataErrorBody | undefined;
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
        const error = dataverseError(
          request.operation,
          response.status,
          errorBody,
          this.options.environment,
          this.say,
        );
        if (decision.reason === 'may-have-been-applied') {
          const happened = describeFailedResponse(response.status, errorBody);
          throw mayHaveBeenApplied(
            request,
            { what: `${url.origin} answered: ${happened}`, happened, cause: error },
            this.say,
          );
        }
        if (decision.reason === 'budget-spent') {
          const asked = parseRetryAfter(outcome.retryAfter, this.options.clock.now());
          throw new DataverseError(
            gaveUpMessage(error.message, attempt, waitedMs, this.budget, asked),
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

  /**
   * The answer's status and headers, within `timeoutMs`; its body is read apart (readWhileArriving),
   * so the limit stops counting once the answer has begun.
   */
  private async fetchUntilAnswered(url: URL, init: RequestInit, timeoutMs: number): Promise<Response> {
    const answerBegun = abortAfter(
      this.options.clock,
      timeoutMs,
      () => new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'),
    );
    try {
      return await this.options.fetch(url, { ...init, signal: answerBegun.signal });
    } finally {
      answerBegun.cancel();
    }
  }

  private decide(
    outcome: AttemptOutcome,
    attempt: number,
    waitedMs: number,
    request: RequestOptions,
  ): RetryDecision {
    return decideRetry(outcome, attempt, waitedMs, this.budget, this.options.clock.now(), request);
  }
}

/** The headers the Web API requires, with the bearer token. */
function webApiHeaders(token: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'OData-MaxVersion': '4.0',
    'OData-Version': '4.0',
    'If-None-Match': 'null',
    Authorization: `Bearer ${token}`,
  };
  if (hasBody) headers['Content-Type'] = 'application/json';
  return headers;
}

/** Connection failures that happen before a request is delivered: it was certainly not processed. */
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
