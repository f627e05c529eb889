import {
  BodyTooLarge,
  formatByteLimit,
  optionWords,
  readBodyWithin,
  REQUESTING_MACHINE,
  UserError,
  type SaySetting,
} from '@connector-alm/core';
import type { Octokit } from '@octokit/rest';
import { apiUrlHint } from './api-url.js';

/**
 * The most bytes of one GitHub API answer. The longest this package asks for is a blob, which the API
 * gives up to 100 MB of (133 MB as base64 JSON); a recursive tree stops at 7 MB. Past this, a host
 * (or a proxy before it) that never ends its answer used to fill the memory for the request's 30 s,
 * gigabytes on a fast link, and then had it read again on each retry.
 */
export const MAX_GITHUB_ANSWER_BYTES = 200 * 1024 * 1024;

/** An answer's body went on past `limitBytes`; thrown by the fetch of boundedAnswers. */
export class GitHubAnswerTooLarge extends Error {
  constructor(
    readonly limitBytes: number,
    /** Where the answer came from: the request's URL without its query. */
    readonly url: string,
  ) {
    super(`the answer from ${url} went on past ${limitBytes} bytes`);
    this.name = 'GitHubAnswerTooLarge';
  }
}

/** Statuses whose answers have no body, which a Response must be built without. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `fetchFn` whose answers are read whole, up to `limitBytes`, before Octokit sees them: one past the
 * limit is cancelled, which closes its connection, and fails as GitHubAnswerTooLarge. Octokit reads
 * bodies itself and takes a body that fails half way for an empty one, so the limit must be kept here.
 * A body that fails otherwise (the request timeout, a dropped connection) is handed on as far as it
 * came, so that Octokit finds it cut off as before (rejectIncompleteAnswers).
 */
export function boundedAnswers(fetchFn: typeof fetch, limitBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (!response.body || NO_BODY.has(response.status)) return response;
    const pieces: Uint8Array[] = [];
    try {
      await readBodyWithin(response.body.getReader(), limitBytes, pieces);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        throw new GitHubAnswerTooLarge(limitBytes, withoutQuery(response.url || requestUrl(input)));
    }
    const whole = new Response(Buffer.concat(pieces), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // Octokit names the answer by its URL, which a constructed Response has empty.
    Object.defineProperty(whole, 'url', { value: response.url });
    return whole;
  };
}

/**
 * The Octokit plugin that says an answer past the limit at once: the same request gets the same
 * endless answer, so it is not sent again. It must come before plugin-retry in Octokit.plugin(), which
 * would otherwise retry the status 500 that @octokit/request gives every failed fetch.
 */
export function refuseEndlessAnswers(
  octokit: Pick<Octokit, 'hook'>,
  /** The client's constructor options: createGitHubClient passes its advice words (`say`) in them. */
  options: object = {},
): void {
  const say = (options as { say?: SaySetting }).say ?? optionWords;
  octokit.hook.error('request', (error) => {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof GitHubAnswerTooLarge)
      throw new UserError(
        `The answer from ${cause.url} went on past ${formatByteLimit(cause.limitBytes)}, longer than any answer of the GitHub API; its reading was stopped.`,
        {
          hint: `Something other than GitHub answered: check the API URL and any proxy between ${say(REQUESTING_MACHINE)} and it. ${apiUrlHint(say)}`,
          cause,
        },
      );
    throw error;
  });
}

function requestUrl(input: Parameters<typeof fetch>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
