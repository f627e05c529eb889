import { optionWords, UserError, type SaySetting } from '@connector-alm/core';
import { AUTHORITY_HOST, CLOUD } from '../setting-words.js';
import type { Fetch } from '../http/fetch.js';
import { entraError, entraErrorCode, isTransientEntraFailure, type EntraErrorBody } from './entra-errors.js';
import {
  isJsonObject,
  parseJsonObject,
  sendSignInRequest,
  type SignInAnswer,
  type SignInRequestOptions,
} from './sign-in-request.js';
import { TransientSignInFailure } from './sign-in-retry.js';

export interface TokenResponse {
  accessToken: string;
  expiresInSeconds: number;
}

/** `{authorityHost}/{tenant}/oauth2/v2.0/token`, the v2 client-credentials endpoint. */
export function tokenEndpointUrl(authorityHost: URL, tenantId: string): string {
  return new URL(`/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, authorityHost).toString();
}

/**
 * One client-credentials grant. The form is built with URLSearchParams so that secrets with
 * `+ / = -` travel intact (the class of bug that broke pac's argument parsing). A dropped connection,
 * no answer in time or a transient answer is thrown as a TransientSignInFailure, for
 * withSignInRetries to try again; a login host that does not exist fails at once. `say` names the
 * settings to check, as the CLI's options by default or an action's inputs.
 */
export async function requestClientCredentialsToken(
  fetchFn: Fetch,
  endpoint: string,
  fields: Record<string, string>,
  request: SignInRequestOptions,
  say: SaySetting = optionWords,
): Promise<TokenResponse> {
  const [authorityHost, cloud] = [say(AUTHORITY_HOST), say(CLOUD)];
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...fields });
  const { origin, hostname } = new URL(endpoint);
  const response = await sendSignInRequest(
    fetchFn,
    endpoint,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
    },
    {
      description: `the Entra ID token endpoint at ${origin}`,
      shortName: origin,
      urlInput: authorityHost,
      hostname,
      noSuchHostHint: `Check ${authorityHost} for a typo, or ${cloud} when ${authorityHost} is empty: it chooses the login host.`,
      timeoutHint: `The login host took the connection and sent no answer: check ${authorityHost} and ${cloud}, and any proxy between the runner and the login host; if they are right, run the job again later.`,
      unreachableHint: `Check ${cloud} and ${authorityHost}, and that the runner can reach the login host.`,
    },
    request,
  );
  const body = parseJsonObject(response.text) as EntraErrorBody & {
    access_token?: unknown;
    expires_in?: unknown;
  };
  if (!response.ok) {
    const error = entraError(response.status, body, say);
    if (!isTransientEntraFailure(response.status, body)) throw error;
    const code = entraErrorCode(body);
    throw new TransientSignInFailure(
      error,
      {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        transient: true,
      },
      `Entra ID answered HTTP ${response.status}${code === undefined ? '' : ` AADSTS${code}`}`,
    );
  }
  if (typeof body.access_token !== 'string' || body.access_token === '')
    throw noAccessToken(origin, response, `${authorityHost} and ${cloud}`);
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3599,
  };
}

/**
 * A success without a token: a proxy's sign-in page or another host than Entra ID's answering 200
 * (HTML), or a JSON answer cut short or of another service. Another attempt gets the same.
 */
function noAccessToken(origin: string, answer: SignInAnswer, settings: string): UserError {
  const what = isJsonObject(answer.text)
    ? 'without an access token'
    : `with ${answer.headers.get('content-type') ?? 'no content type'}, not with a token`;
  return new UserError(`The Entra ID token endpoint at ${origin} answered HTTP ${answer.status} ${what}.`, {
    hint: `That is not how Entra ID answers: check ${settings} (they choose the login host), and any proxy between the runner and the login host.`,
  });
}
