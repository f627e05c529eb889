import { optionWords, REQUESTING_MACHINE, THE_RUN, UserError, type SaySetting } from '@connector-alm/core';
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

/** The form fields that carry the app's credential, which an answer must not be quoted with. */
const CREDENTIAL_FIELDS = ['client_secret', 'client_assertion'];

/** The statuses whose Location fetch would follow (307 and 308 with the body). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What a bearer token is made of (RFC 6750's b64token, and the JWTs Entra ID issues): visible ASCII. */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;

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
  const [authorityHost, cloud, machine] = [say(AUTHORITY_HOST), say(CLOUD), say(REQUESTING_MACHINE)];
  const settings = { names: `${authorityHost} and ${cloud}`, machine };
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...fields });
  const { origin, hostname } = new URL(endpoint);
  const response = await sendSignInRequest(
    fetchFn,
    endpoint,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      // fetch follows a 307 or 308 with the same body, the credential in it, to wherever Location
      // points, another origin included; Entra ID never redirects a token request (MSAL follows none).
      redirect: 'manual',
    },
    {
      description: `the Entra ID token endpoint at ${origin}`,
      shortName: origin,
      urlInput: authorityHost,
      hostname,
      noSuchHostHint: `Check ${authorityHost} for a typo, or ${cloud} when ${authorityHost} is empty: it chooses the login host.`,
      timeoutHint: `The login host took the connection and sent no answer: check ${authorityHost} and ${cloud}, and any proxy between ${machine} and the login host; if they are right, run ${say(THE_RUN)} again later.`,
      unreachableHint: `Check ${cloud} and ${authorityHost}, and that ${machine} can reach the login host.`,
      secrets: CREDENTIAL_FIELDS.flatMap((field) => fields[field] ?? []),
    },
    request,
  );
  if (REDIRECTS.has(response.status)) throw redirected(endpoint, response, settings);
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
    throw noAccessToken(origin, response, settings);
  // fetch refuses such a header with an error that quotes it, token included, and every Web API
  // request would fail the same way after its retries.
  if (!HEADER_SAFE_TOKEN.test(body.access_token))
    throw new UserError(
      `The Entra ID token endpoint at ${origin} answered with an access token that an HTTP header cannot carry (a space, a line break or a character beyond ASCII).`,
      { hint: notEntraHint(settings) },
    );
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
function noAccessToken(origin: string, answer: SignInAnswer, settings: LoginHostSettings): UserError {
  const what = isJsonObject(answer.text)
    ? 'without an access token'
    : `with ${answer.headers.get('content-type') ?? 'no content type'}, not with a token`;
  return new UserError(`The Entra ID token endpoint at ${origin} answered HTTP ${answer.status} ${what}.`, {
    hint: notEntraHint(settings),
  });
}

/** What chooses the login host, and the machine that reaches it, in the words of who reads the advice. */
interface LoginHostSettings {
  /** `--authority-host and --cloud`, or the inputs. */
  names: string;
  /** `this machine` for the CLI, `the runner` for an action. */
  machine: string;
}

function notEntraHint({ names, machine }: LoginHostSettings): string {
  return `That is not how Entra ID answers: check ${names} (they choose the login host), and any proxy between ${machine} and the login host.`;
}

/**
 * A redirect, not followed: the request carries the app's credential, and Entra ID has no reason to
 * send it elsewhere. Where it pointed is named by its origin alone (a query can carry anything).
 */
function redirected(
  endpoint: string,
  answer: SignInAnswer,
  { names, machine }: LoginHostSettings,
): UserError {
  const { origin } = new URL(endpoint);
  const location = answer.headers.get('location');
  let target = '';
  try {
    if (location) target = ` to ${new URL(location, endpoint).origin}`;
  } catch {
    // A Location that is no URL is named by nothing more than being a redirect.
  }
  return new UserError(
    `The Entra ID token endpoint at ${origin} answered HTTP ${answer.status} with a redirect${target}; the token request was not sent there.`,
    {
      hint: `Entra ID does not redirect token requests, and following one would send the app's credential to another place: check ${names} (they choose the login host), and any proxy between ${machine} and the login host.`,
    },
  );
}
