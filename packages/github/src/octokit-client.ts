import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { optionWords, UsageError, type Logger, type SaySetting } from '@connector-alm/core';
import { boundedAnswers, MAX_GITHUB_ANSWER_BYTES, refuseEndlessAnswers } from './answer-size.js';
import { ApiReachability, stopRetryingMissingHost } from './api-reachability.js';
import { parseApiUrl } from './api-url.js';
import { describeIncompleteAnswer, rejectIncompleteAnswers } from './incomplete-answer.js';
import type { StartTimer } from './clock.js';
import { attemptOf, numberAttempts } from './request-attempts.js';
import { withoutEchoedToken } from './echoed-token.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, fetchWithTimeout } from './request-timeout.js';

/**
 * How many write intervals apart the writes that notify people go: plugin-throttling spaces them 3 s
 * against 1 s for other writes, after GitHub's advice on content creation.
 */
const NOTIFYING_WRITE_FACTOR = 3;

/**
 * Octokit with the REST methods, throttling and retries: the only GitHub client this package uses.
 * stopRetryingMissingHost, refuseEndlessAnswers, rejectIncompleteAnswers and numberAttempts come first, so that
 * plugin-retry sees each failure after them.
 */
export const GitHubOctokit = Octokit.plugin(
  stopRetryingMissingHost,
  refuseEndlessAnswers,
  rejectIncompleteAnswers,
  numberAttempts,
  throttling,
  retry,
);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

/** A request's options as Octokit's hooks have them: the route's template and its parameters. */
type RequestOptions = Parameters<GitHubClient['request']['endpoint']['parse']>[0];

export interface GitHubClientOptions {
  token: string;
  /** The REST API root: https://api.github.com, GITHUB_API_URL on Enterprise, or a local server. */
  baseUrl: string;
  logger: Logger;
  /** How many times a rate-limited request is tried again before its error is raised. */
  rateLimitRetries?: number;
  /**
   * The longest wait for a rate limit, in seconds; a limit that asks for more is not waited out.
   * Default 300, as the Dataverse client's whole retry budget.
   */
  maxRateLimitWaitSeconds?: number;
  userAgent?: string;
  /**
   * Milliseconds between content-creating requests. GitHub asks for at least a second, which is the
   * default; a local server (tests) or a GitHub Enterprise Server with other limits may allow less.
   * Requests that notify people (a pull request, a comment) wait NOTIFYING_WRITE_FACTOR times as long.
   */
  writeIntervalMs?: number;
  /** Milliseconds plugin-retry multiplies its backoff (1, 4, 9) by; default 1000. Tests shorten it. */
  retryAfterBaseMs?: number;
  /** The fetch requests go through; the global one by default. */
  fetch?: typeof fetch;
  /** How long one request may take, answer included, before it is ended and sent again. Default 30 s. */
  requestTimeoutMs?: number;
  /** The most bytes of one answer (MAX_GITHUB_ANSWER_BYTES by default); tests lower it. */
  maxAnswerBytes?: number;
  /** What requestTimeoutMs runs on: real timers by default; a test passes timers it moves itself. */
  startTimer?: StartTimer;
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
}

/**
 * The client: rate limits (primary and secondary) are waited out as GitHub's retry-after and
 * x-ratelimit-reset say, a few times, unless one asks for more than maxRateLimitWaitSeconds; writes go one at a time, at most one a second (plugin-throttling's
 * write group), which keeps us under the content-creation limit; 5xx answers are retried with backoff.
 * Client errors are never retried: 409 is how a new fork says it is not ready, which the fork step polls.
 * A request that gets no answer at all (or none within requestTimeoutMs) fails with an error naming
 * the API URL (ApiReachability), at the first attempt when DNS says its host does not exist. An
 * answer cut off before the end of its JSON body is retried the same way (rejectIncompleteAnswers). An
 * answer longer than maxAnswerBytes is refused at once, without a retry (refuseEndlessAnswers).
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  // A token with a space or a line break (a token file with two lines) makes fetch refuse the
  // Authorization header with an error that quotes the whole header, token included.
  if (
    [...options.token].some(
      (char) => /\s/.test(char) || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f,
    )
  ) {
    // A usage error, as a malformed API URL is: the token given is wrong before anything is sent.
    throw new UsageError('The GitHub token holds a space, a line break or another control character.', {
      hint: 'Pass the token alone, on one line (check the secret or the file it comes from).',
    });
  }
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const say = options.say ?? optionWords;
  const reachability = new ApiReachability(parseApiUrl(options.baseUrl, say), timeoutMs, say);
  const retries = options.rateLimitRetries ?? 3;
  const maxWaitSeconds = options.maxRateLimitWaitSeconds ?? 300;
  // What plugin-throttling passes is the request's options, whose url is the route's template
  // (/repos/{owner}/{repo}/pulls): the warning names where the request went, as the debug log does.
  const pathOf = (request: RequestOptions): string => {
    const { url } = client.request.endpoint.parse(request);
    return url.startsWith(reachability.apiUrl) ? url.slice(reachability.apiUrl.length) : url;
  };
  const onLimit =
    (kind: string) =>
    (retryAfter: number, limited: RequestOptions, _octokit: unknown, retryCount: number) => {
      const request = { method: limited.method, url: pathOf(limited) };
      if (retryCount >= retries) {
        options.logger.warning(
          `GitHub's ${kind} rate limit hit ${request.method} ${request.url} again; giving up after ${retries} retries.`,
        );
        return false;
      }
      // A primary limit's reset can be an hour away, and a Retry-After anything: waiting that out
      // silently would hold the job up to its own timeout.
      if (retryAfter > maxWaitSeconds) {
        options.logger.warning(
          `GitHub's ${kind} rate limit hit ${request.method} ${request.url}: it asks to wait ${retryAfter} s, more than the ${maxWaitSeconds} s a wait may take; giving up.`,
        );
        return false;
      }
      options.logger.warning(
        `GitHub's ${kind} rate limit hit ${request.method} ${request.url}; trying again in ${retryAfter} s.`,
      );
      return true;
    };
  const client = new GitHubOctokit({
    auth: options.token,
    baseUrl: reachability.apiUrl,
    apiReachability: reachability,
    // For the plugins' advice (refuseEndlessAnswers), as for the hook below.
    say,
    request: {
      fetch: fetchWithTimeout(
        boundedAnswers(options.fetch ?? fetch, options.maxAnswerBytes ?? MAX_GITHUB_ANSWER_BYTES),
        timeoutMs,
        options.startTimer,
      ),
    },
    userAgent: options.userAgent ?? 'connector-alm',
    log: {
      // The request-log plugin logs the bare word "request" (its options, headers and token
      // included, in a second argument we drop) before each request, then "GET /path - 200 in 12ms"
      // after it, at info: that second line alone says all, and names no secret.
      debug: (message: string) => {
        if (message !== 'request') options.logger.debug(message);
      },
      info: (message: string) => options.logger.debug(message),
      warn: (message: string) => options.logger.warning(message),
      // Octokit logs every failed request as an error, including the 404s and 409s we expect;
      // failures that matter reach the caller as exceptions and are reported there.
      error: (message: string) => options.logger.debug(message),
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(options.writeIntervalMs === undefined
        ? {}
        : {
            write: new Bottleneck.Group({
              id: 'connector-alm-write',
              maxConcurrent: 1,
              minTime: options.writeIntervalMs,
            }),
            // Writes that notify people (a pull request, a comment) are spaced three times as far by
            // plugin-throttling's own group, shared by every client of the process: left at its 3 s,
            // a test file's pull requests waited for each other whatever the interval set.
            notifications: new Bottleneck.Group({
              id: 'connector-alm-notifications',
              maxConcurrent: 1,
              minTime: NOTIFYING_WRITE_FACTOR * options.writeIntervalMs,
            }),
          }),
    },
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      ...(options.retryAfterBaseMs === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseMs }),
    },
  });
  // Added last, so it runs after every retry. An answer that quoted the request loses the token first
  // (withoutEchoedToken), so that nothing after quotes it. The error of a request that got no answer names the API
  // URL instead of reading "GitHub failed … (500 fetch failed)". The last attempt's number is on its
  // error (numberAttempts): plugin-retry's retryCount sits in options that requests share.
  client.hook.error('request', (failure) => {
    const error = withoutEchoedToken(failure, options.token);
    const tries = attemptOf(error);
    throw (
      describeIncompleteAnswer(error, tries, timeoutMs, say) ?? reachability.describe(error, tries) ?? error
    );
  });
  return client;
}
