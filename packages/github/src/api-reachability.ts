import {
  isLoopbackHost,
  noSuchHostReason,
  optionWords,
  REQUESTING_MACHINE,
  socketFailureOf,
  THE_RUN,
  UserError,
  type SaySetting,
} from '@connector-alm/core';
import type { Octokit } from '@octokit/rest';
import { apiUrlHint } from './api-url.js';

/**
 * Whether the API host has answered this client yet, and what a request that got no answer at all
 * means. @octokit/request turns a failed fetch (no host, refused, dropped) into a RequestError with
 * status 500, which plugin-retry retries like GitHub's own 500 (1, 4 and 9 s: 14 s in all) and which
 * would then read "GitHub failed … (500 getaddrinfo ENOTFOUND …)". A host that DNS says does not
 * exist, and that has not answered before, is a mistyped API URL: another attempt will not make it
 * exist, so it fails at the first attempt; so do a port that fetch refuses outright ("bad port") and
 * a connection refused on this machine, where nothing listens on the port (`pr --api-url
 * http://127.0.0.1:1` waited 14 s for "(bad port) after 4 attempts"), as the Dataverse client's
 * hopelessFailure has them. ENOTFOUND from a host that has answered is a resolver's blip, retried like
 * EAI_AGAIN (a resolver that did not answer) and the other connection failures.
 */
export class ApiReachability {
  answered = false;

  constructor(
    /** The checked API root (parseApiUrl): no user part, no query. */
    readonly apiUrl: string,
    /** How long one request may take (fetchWithTimeout), for the error when none answered in time. */
    private readonly timeoutMs: number,
    /** How advice names the API URL and the machine: the CLI's words by default, or an action's. */
    readonly say: SaySetting = optionWords,
  ) {}

  /** Called with each failed attempt, before plugin-retry decides: true when it must not be retried. */
  isFinal(error: unknown): boolean {
    if (answerOf(error)) this.answered = true;
    return this.hopeless(connectionFailure(error)) !== undefined;
  }

  /** Why no attempt can pass, for a failure `reason` before the host ever answered; else undefined. */
  private hopeless(reason: string | undefined): { why: string; whatToCheck: string } | undefined {
    if (this.answered || reason === undefined) return undefined;
    const url = new URL(this.apiUrl);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (reason === 'ENOTFOUND')
      return { why: noSuchHostReason(url.hostname), whatToCheck: 'Check the API URL for a typo.' };
    if (reason === BAD_PORT)
      return {
        why: `fetch refuses port ${port} ("bad port"), which belongs to another protocol`,
        whatToCheck: 'Check the port in the API URL.',
      };
    if (reason === 'ECONNREFUSED' && isLoopbackHost(url.hostname))
      return {
        why: `${url.hostname}:${port} refused the connection (nothing listens there)`,
        whatToCheck: 'Check the port in the API URL, and that the server it names is running.',
      };
    return undefined;
  }

  /** The error for a request that got no answer after `attempts`; undefined when GitHub answered. */
  describe(error: unknown, attempts: number): UserError | undefined {
    const reason = connectionFailure(error);
    if (reason === undefined) return undefined;
    const [where, machine, run] = [apiUrlHint(this.say), this.say(REQUESTING_MACHINE), this.say(THE_RUN)];
    const hopeless = this.hopeless(reason);
    if (hopeless)
      return new UserError(`Could not reach the GitHub API at ${this.apiUrl}: ${hopeless.why}.`, {
        hint: `${hopeless.whatToCheck} ${where}`,
        cause: error,
      });
    const times = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    if (reason === TIMED_OUT) {
      return new UserError(
        `The GitHub API at ${this.apiUrl} did not answer within ${this.timeoutMs / 1000} s; gave up after ${times}.`,
        {
          hint: `The host took the connection and sent no answer: check the API URL and any proxy between ${machine} and it; if they are right, run ${run} again later. ${where}`,
          cause: error,
        },
      );
    }
    return new UserError(`Could not reach the GitHub API at ${this.apiUrl} (${reason}) after ${times}.`, {
      hint:
        reason === 'ENOTFOUND' || reason === 'EAI_AGAIN'
          ? `DNS did not resolve the host name then: check ${machine}'s network (DNS), and the API URL. ${where}`
          : `Check the API URL and that ${machine} can reach it. ${where}`,
      cause: error,
    });
  }
}

/**
 * The Octokit plugin that stops plugin-retry for a host that does not exist. It must come before
 * plugin-retry in Octokit.plugin(): hooks added first run closest to the request, so it sees each
 * attempt's error first and can set the request's own `retries` (plugin-retry's documented
 * per-request option) to 0.
 */
export function stopRetryingMissingHost(
  octokit: Pick<Octokit, 'hook'>,
  /** The client's constructor options: createGitHubClient passes its ApiReachability in them. */
  options: object,
): void {
  const reachability = (options as { apiReachability?: ApiReachability }).apiReachability;
  if (!reachability) return;
  octokit.hook.after('request', () => {
    reachability.answered = true;
  });
  octokit.hook.error('request', (error, requestOptions) => {
    if (reachability.isFinal(error)) requestOptions.request = { ...requestOptions.request, retries: 0 };
    throw error;
  });
}

/**
 * connectionFailure's reason for a port that fetch will never connect to (the Fetch standard's "bad
 * ports": 1, 6000, 10080 …): undici says so only in the message of the cause, without a code.
 */
const BAD_PORT = 'bad port';

/** connectionFailure's reason for a request that fetchWithTimeout ended: no answer in time. */
const TIMED_OUT = 'no answer in time';

/** GitHub's answer carried by an Octokit error (any status), if there was one. */
function answerOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { response?: unknown }).response : undefined;
}

/**
 * For a request that got no answer (fetch failed), the reason: TIMED_OUT when its timeout ended it,
 * the socket error's code (ENOTFOUND, ECONNREFUSED, EAI_AGAIN…), else the innermost message;
 * undefined for an answer or an error of another kind.
 */
function connectionFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || answerOf(error) !== undefined) return undefined;
  if (!('request' in error)) return undefined;
  const failure = socketFailureOf(error);
  if (failure?.timedOut) return TIMED_OUT;
  return failure?.code ?? failure?.message;
}
