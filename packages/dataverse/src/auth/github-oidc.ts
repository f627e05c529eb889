import { UserError } from '@connector-alm/core';
import type { Fetch } from '../http/fetch.js';

/**
 * Asks the Actions runtime for the job's OIDC ID token with the given audience: a GET on
 * ACTIONS_ID_TOKEN_REQUEST_URL with the audience added, authorised by ACTIONS_ID_TOKEN_REQUEST_TOKEN.
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
    throw new UserError(`Could not reach the GitHub OIDC token endpoint at ${url.origin}.`, { cause: error });
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
