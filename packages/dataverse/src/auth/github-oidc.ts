import { UserError, withoutSecrets } from '@connector-alm/core';
import type { Fetch } from '../http/fetch.js';
import { parseJsonObject, sendSignInRequest, type SignInRequestOptions } from './sign-in-request.js';
import { isTransientSignInStatus, TransientSignInFailure } from './sign-in-retry.js';

/**
 * Asks the Actions runtime for the job's OIDC ID token with the given audience: a GET on
 * ACTIONS_ID_TOKEN_REQUEST_URL with the audience added, authorised by ACTIONS_ID_TOKEN_REQUEST_TOKEN.
 * A dropped connection, no answer in time or a transient answer is thrown as a
 * TransientSignInFailure, for withSignInRetries to try again; a host that does not exist fails at
 * once. Messages show the URL without its query.
 */
export async function requestGitHubIdToken(
  fetchFn: Fetch,
  requestUrl: string,
  requestToken: string,
  audience: string,
  request: SignInRequestOptions,
): Promise<string> {
  const url = checkedRequestUrl(requestUrl);
  checkRequestToken(requestToken);
  url.searchParams.set('audience', audience);
  const shownUrl = withoutSecrets(requestUrl);
  const response = await sendSignInRequest(
    fetchFn,
    url,
    { headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' } },
    {
      description: `the GitHub OIDC token endpoint at ${shownUrl}`,
      shortName: 'the GitHub OIDC token endpoint',
      urlInput: 'ACTIONS_ID_TOKEN_REQUEST_URL',
      hostname: url.hostname,
      noSuchHostHint:
        'ACTIONS_ID_TOKEN_REQUEST_URL names a host that does not exist: the runner sets it, so check that the workflow does not set it itself.',
      timeoutHint:
        "The runner's ID-token service took the connection and sent no answer: run the job again later.",
      secrets: [requestToken],
    },
    request,
  );
  if (isTransientSignInStatus(response.status)) {
    throw new TransientSignInFailure(
      new UserError(`The GitHub OIDC token endpoint at ${shownUrl} answered HTTP ${response.status}.`),
      {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        transient: true,
      },
      `the GitHub OIDC token endpoint answered HTTP ${response.status}`,
    );
  }
  if (!response.ok) {
    throw new UserError(`GitHub refused the OIDC ID token request (HTTP ${response.status}).`, {
      hint: 'The job needs "permissions: id-token: write".',
    });
  }
  const { value } = parseJsonObject(response.text);
  if (typeof value !== 'string' || value === '')
    throw new UserError('The GitHub OIDC token endpoint answered without a token.');
  return value;
}

const RUNNER_SETS_IT =
  'The runner sets it for a job with "permissions: id-token: write": check that the workflow does not set it itself.';

/**
 * ACTIONS_ID_TOKEN_REQUEST_URL as a URL fetch takes. fetch refuses one with a user name or password
 * with an error that quotes it whole, password included; so it is refused here, at once, as is a URL
 * that does not parse (which would otherwise end as an unexpected error, not as an input error).
 */
function checkedRequestUrl(requestUrl: string): URL {
  const refuse = (what: string) =>
    new UserError(`ACTIONS_ID_TOKEN_REQUEST_URL ${what}.`, { hint: RUNNER_SETS_IT });
  let url: URL;
  try {
    url = new URL(requestUrl.trim());
  } catch {
    throw refuse(`'${withoutSecrets(requestUrl)}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse(`'${withoutSecrets(requestUrl)}' is not an http(s) URL`);
  if (url.username || url.password) throw refuse('holds a user name or password');
  return url;
}

/**
 * fetch drops white space at the ends of a header value, and refuses one with a control character
 * inside (a line break), quoting the header, token included; one beyond Latin-1 it refuses too, and
 * another attempt would not mend either.
 */
function checkRequestToken(requestToken: string): void {
  if (
    [...requestToken.trim()].some((char) => {
      const code = char.charCodeAt(0);
      return code < 0x20 || code === 0x7f || code > 0xff;
    })
  ) {
    throw new UserError(
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN holds a line break or another character an HTTP header cannot carry.',
      { hint: RUNNER_SETS_IT },
    );
  }
}
