import { optionWords, REQUESTING_MACHINE, THE_RUN, UserError, type SaySetting } from '@connector-alm/core';
import type { Octokit } from '@octokit/rest';

/**
 * An answer whose JSON body stopped before its end: the request timeout ended it half way, or the
 * connection dropped. @octokit/request then hands back the text it got (or "") as the data, which
 * the flow would read as an answer with no fields. Status 500 makes plugin-retry send the request
 * again, as after a dropped connection; describeIncompleteAnswer words it once the attempts are spent.
 */
export class IncompleteAnswer extends Error {
  readonly status = 500;

  constructor(
    /** "METHOD URL" of the request. */
    readonly endpoint: string,
    /** The request's options, where plugin-retry keeps its count of attempts. */
    readonly request: unknown,
  ) {
    super(`GitHub's answer to ${endpoint} was cut off before its end`);
    this.name = 'IncompleteAnswer';
  }
}

interface Answer {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

/** A JSON answer whose body did not parse: Octokit leaves such a body as text. */
export function isCutOff(answer: Answer): boolean {
  const type = String(answer.headers['content-type'] ?? '');
  return (
    /^application\/(?:scim\+)?json\b/i.test(type) &&
    typeof answer.data === 'string' &&
    ![204, 205, 304].includes(answer.status) &&
    String(answer.headers['content-length']) !== '0'
  );
}

/**
 * The Octokit plugin that turns a cut-off answer, success or error, into an IncompleteAnswer. It
 * must come before plugin-retry in Octokit.plugin(), so that plugin-retry sees the IncompleteAnswer.
 */
export function rejectIncompleteAnswers(octokit: Pick<Octokit, 'hook'>): void {
  const endpoint = (answer: Answer, options: { method?: string; url?: string }) =>
    `${options.method ?? 'GET'} ${answer.url || (options.url ?? '')}`;
  octokit.hook.after('request', (answer, options) => {
    if (isCutOff(answer)) throw new IncompleteAnswer(endpoint(answer, options), options);
  });
  octokit.hook.error('request', (error, options) => {
    const answer = (error as { response?: Answer }).response;
    if (answer && isCutOff(answer)) throw new IncompleteAnswer(endpoint(answer, options), options);
    throw error;
  });
}

/** The one-line error for a request whose every attempt was cut off; undefined for other errors. */
export function describeIncompleteAnswer(
  error: unknown,
  attempts: number,
  timeoutMs: number,
  say: SaySetting = optionWords,
): UserError | undefined {
  if (!(error instanceof IncompleteAnswer)) return undefined;
  const times = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return new UserError(`${error.message}; gave up after ${times}.`, {
    hint: `The connection ended, or the ${timeoutMs / 1000} s a request may take ran out, before the whole answer came: a slow or unstable network, or a proxy between ${say(REQUESTING_MACHINE)} and GitHub. Run ${say(THE_RUN)} again later; if it keeps happening, check that proxy.`,
    cause: error,
  });
}
