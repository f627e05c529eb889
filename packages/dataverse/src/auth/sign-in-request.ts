import {
  BodyTooLarge,
  formatByteLimit,
  readBodyWithin,
  UserError,
  withoutEchoedSecrets,
} from '@connector-alm/core';
import { abortAfter, type Clock } from '../clock.js';
import type { Fetch } from '../http/fetch.js';
import { hopelessFailure } from '../http/hopeless-failure.js';
import { describeNetworkError, isTimeout } from '../http/network-error.js';
import { formatSeconds } from '../http/retry-policy.js';
import { TransientSignInFailure } from './sign-in-retry.js';

/**
 * How long one sign-in request may take, answer included. Entra ID and the runner's ID-token service
 * answer in well under a second; a login host (or proxy) that takes the connection and never answers
 * would otherwise hold the job until the workflow's own timeout. Retries follow within the budget.
 */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 30_000;

/**
 * The most bytes of a sign-in answer. A token answer is a few KB; a login host (or proxy) that sent
 * an endless body had it held in memory for the whole timeout (8 GB in 30 s on a fast link), retried.
 */
export const MAX_SIGN_IN_ANSWER_BYTES = 1024 * 1024;

/** One endpoint a sign-in request goes to, as its errors name it. */
export interface SignInEndpoint {
  /** "the Entra ID token endpoint at https://login.microsoftonline.com": never with a query or credentials. */
  description: string;
  /** Shorter, for the warning before another attempt: "https://login.microsoftonline.com". */
  shortName: string;
  /** The host name DNS is asked for. */
  hostname: string;
  /** What to check when the host does not exist: the input that named it. */
  noSuchHostHint: string;
  /** What to check when the host took the connection and never answered. */
  timeoutHint: string;
  unreachableHint?: string;
  /** The input or variable that chose the URL, named in what to check: "authority-host". */
  urlInput: string;
  /**
   * The credentials the request carries (a client secret, a client assertion, the runner's request
   * token): its answer is read without them, so that no message quotes one an answer echoed back.
   */
  secrets: readonly string[];
}

/** What one sign-in (all its requests) shares. */
export interface SignInRequestOptions {
  /** How long a request may take, answer included. */
  timeoutMs: number;
  /** The clock that time runs on. */
  clock: Clock;
  /**
   * Hosts that have answered in this run. ENOTFOUND for one of them is a resolver's blip, tried again
   * like a dropped connection; for any other it means the name does not exist, and fails at once.
   */
  answeredHosts: Set<string>;
  /** The most bytes of an answer (MAX_SIGN_IN_ANSWER_BYTES by default). Tests lower it. */
  maxAnswerBytes?: number;
}

/** The answer to a sign-in request, its body read within the same timeout. */
export interface SignInAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/**
 * Sends one sign-in request and reads its answer within the timeout. A host that does not exist (and
 * has not answered before) fails at once with a UserError naming it; no answer in time, or a
 * connection that failed or dropped, is a TransientSignInFailure, for withSignInRetries to try again.
 */
export async function sendSignInRequest(
  fetchFn: Fetch,
  url: string | URL,
  init: RequestInit,
  endpoint: SignInEndpoint,
  { timeoutMs, clock, answeredHosts, maxAnswerBytes = MAX_SIGN_IN_ANSWER_BYTES }: SignInRequestOptions,
): Promise<SignInAnswer> {
  // As AbortSignal.timeout, with the same reason, but on the injected clock.
  const limit = abortAfter(
    clock,
    timeoutMs,
    () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
  );
  try {
    const response = await fetchFn(url, { ...init, signal: limit.signal });
    answeredHosts.add(endpoint.hostname);
    const text = withoutEchoedSecrets(await readTextWithin(response, maxAnswerBytes), endpoint.secrets);
    return { status: response.status, ok: response.ok, headers: response.headers, text };
  } catch (error) {
    // The same request gets the same endless answer: said at once, not tried again.
    if (error instanceof BodyTooLarge)
      throw new UserError(
        `${capitalized(endpoint.description)} answered with more than ${formatByteLimit(error.limitBytes)}, far more than any sign-in answer; its reading was stopped.`,
        { hint: endpoint.unreachableHint ?? endpoint.timeoutHint, cause: error },
      );
    const hopeless = hopelessFailure(error, new URL(url), {
      urlInput: endpoint.urlInput,
      noSuchHostHint: endpoint.noSuchHostHint,
      answered: answeredHosts.has(endpoint.hostname),
    });
    if (hopeless)
      throw new UserError(`Could not reach ${endpoint.description}: ${hopeless.reason}.`, {
        hint: hopeless.hint,
        cause: error,
      });
    throw passingFailure(error, endpoint, timeoutMs);
  } finally {
    limit.cancel();
  }
}

/** The body as text, cancelled (BodyTooLarge) once it goes past `limitBytes`. */
async function readTextWithin(response: Response, limitBytes: number): Promise<string> {
  if (!response.body) return '';
  return Buffer.concat(await readBodyWithin(response.body.getReader(), limitBytes)).toString('utf8');
}

/** Whether an answer is a JSON object at all, rather than a proxy's HTML page, plain text or cut JSON. */
export function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** The JSON object of an answer; `{}` for anything else (a proxy's HTML page, plain text, nothing). */
export function parseJsonObject(text: string): Record<string, unknown> {
  return isJsonObject(text) ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function passingFailure(error: unknown, endpoint: SignInEndpoint, timeoutMs: number): TransientSignInFailure {
  const { description, shortName } = endpoint;
  if (isTimeout(error)) {
    const within = `within ${formatSeconds(timeoutMs)}`;
    return new TransientSignInFailure(
      new UserError(`${capitalized(description)} did not answer ${within}.`, {
        hint: endpoint.timeoutHint,
        cause: error,
      }),
      { kind: 'network-error', reachedServer: true },
      `no answer from ${shortName} ${within}`,
    );
  }
  const reason = describeNetworkError(error);
  return new TransientSignInFailure(
    new UserError(`Could not reach ${description} (${reason}).`, {
      ...(endpoint.unreachableHint ? { hint: endpoint.unreachableHint } : {}),
      cause: error,
    }),
    { kind: 'network-error', reachedServer: true },
    `connection to ${shortName} failed (${reason})`,
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
