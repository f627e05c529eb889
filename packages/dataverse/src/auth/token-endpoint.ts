import { UserError } from '@connector-alm/core';
import type { Fetch } from '../http/fetch.js';
import { entraError, type EntraErrorBody } from './entra-errors.js';

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
 * `+ / = -` travel intact (the class of bug that broke pac's argument parsing).
 */
export async function requestClientCredentialsToken(
  fetchFn: Fetch,
  endpoint: string,
  fields: Record<string, string>,
): Promise<TokenResponse> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...fields });
  let response: Response;
  try {
    response = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
    });
  } catch (error) {
    throw new UserError(`Could not reach the Entra ID token endpoint at ${new URL(endpoint).origin}.`, {
      hint: 'Check cloud and authority-host, and that the runner can reach the login host.',
      cause: error,
    });
  }
  const body = (await response.json().catch(() => ({}))) as EntraErrorBody & {
    access_token?: unknown;
    expires_in?: unknown;
  };
  if (!response.ok) throw entraError(response.status, body);
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new UserError(
      `The token endpoint at ${new URL(endpoint).origin} answered without an access token.`,
    );
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3599,
  };
}
