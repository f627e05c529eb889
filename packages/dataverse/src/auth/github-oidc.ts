import { UserError } from '@connector-alm/core';
import { withoutSecrets } from '../environment-url.js';
import type { Fetch } from '../http/fetch.js';
import { describeNetworkError } from '../http/network-error.js';
import { isTransientSignInStatus, TransientSignInFailure } from './sign-in-retry.js';

/**
 * Asks the Actions runtime for the job's OIDC ID token with the given audience: a GET on
 * ACTIONS_ID_TOKEN_REQUEST_URL with the audience added, authorised by ACTIONS_ID_TOKEN_REQUEST_TOKEN.
 * A dropped connection or a transient answer is thrown as a TransientSignInFailure, for
 * withSignInRetries to try again; messages show the URL without its query.
 */
export async function requestGitHubIdToken(
  fetchFn: Fetch,
  requestUrl: string,
  requestToken: string,
  audience: string,
): Promise<string> {
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' },
    });
  } catch (error) {
    const reason = describeNetworkError(error);
    throw new TransientSignInFailure(
      new UserError(
        `Could not reach the GitHub OIDC token endpoint at ${withoutSecrets(requestUrl)} (${reason}).`,
        {
          cause: error,
        },
      ),
      { kind: 'network-error', reachedServer: true },
      `connection to the GitHub OIDC token endpoint failed (${reason})`,
    );
  }
  // The body of a refusal is not read; released, it frees the connection for the next attempt.
  if (!response.ok) await response.body?.cancel().catch(() => undefined);
  if (isTransientSignInStatus(response.status)) {
    throw new TransientSignInFailure(
      new UserError(
        `The GitHub OIDC token endpoint at ${withoutSecrets(requestUrl)} answered HTTP ${response.status}.`,
      ),
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
  const body = (await response.json().catch(() => ({}))) as { value?: unknown };
  if (typeof body.value !== 'string' || body.value === '')
    throw new UserError('The GitHub OIDC token endpoint answered without a token.');
  return body.value;
}
