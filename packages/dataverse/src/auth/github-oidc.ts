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
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  const shownUrl = withoutSecrets(requestUrl);
  const response = await sendSignInRequest(
    fetchFn,
    url,
    { headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' } },
    {
      description: `the GitHub OIDC token endpoint at ${shownUrl}`,
      shortName: 'the GitHub OIDC token endpoint',
      hostname: url.hostname,
      noSuchHostHint:
        'ACTIONS_ID_TOKEN_REQUEST_URL names a host that does not exist: the runner sets it, so check that the workflow does not set it itself.',
      timeoutHint:
        "The runner's ID-token service took the connection and sent no answer: run the job again later.",
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
