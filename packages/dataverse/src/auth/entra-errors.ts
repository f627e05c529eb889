import { optionWords, REQUESTING_MACHINE, THE_RUN, UserError, type SaySetting } from '@connector-alm/core';
import { APP_ID, AUTHORITY_HOST, CLOUD, ENVIRONMENT_URL, TENANT_ID } from '../setting-words.js';
import { isTransientSignInStatus } from './sign-in-retry.js';

/** The error body of the Entra ID token endpoint (OAuth 2.0 plus Microsoft's extra fields). */
export interface EntraErrorBody {
  error?: string;
  error_description?: string;
  error_codes?: number[];
  trace_id?: string;
  correlation_id?: string;
}

/**
 * What to do about the AADSTS codes a pipeline meets; the keys are the numeric codes. `say` names the
 * settings to check in the reader's words: `--tenant-id` in the CLI, `tenant-id` in an action.
 */
const hints = (say: SaySetting): Record<number, string> => ({
  70011: `The scope must be the environment URL followed by /.default; check ${say(ENVIRONMENT_URL)}.`,
  90002: `Check ${say(TENANT_ID)}: it must be the directory (tenant) ID or a verified domain of the tenant.`,
  700016: `Check ${say(APP_ID)} and ${say(TENANT_ID)}: the app registration must exist in that tenant.`,
  7000215:
    'The client secret is wrong: copy the secret Value (not its ID) from the app registration into the secret.',
  7000222: 'The client secret has expired: create a new one in the app registration and update the secret.',
  70021:
    'No federated credential matches this workflow: add one for the repository, branch or environment in the app registration.',
  700211: "No federated credential has this issuer: use 'https://token.actions.githubusercontent.com'.",
  700212: `No federated credential has the audience shown: set the credential's audience to it (api://AzureADTokenExchange in the public cloud and GCC, api://AzureADTokenExchangeUSGov in GCC High and DoD, api://AzureADTokenExchangeChina in China), and check ${say(CLOUD)}.`,
  700213:
    'No federated credential matches the subject shown (matching is exact and case-sensitive): add one for it in the app registration.',
  7002138:
    'A federated credential differs only in letter case from the subject shown; matching is case-sensitive.',
  700024: `The client assertion has expired or is not yet valid: check the clock of ${say(REQUESTING_MACHINE)}, or run ${say(THE_RUN)} again.`,
  700027:
    'The certificate is not registered on the app registration, or the assertion signature does not verify: upload the certificate (public part) to the app registration.',
  500011: `Entra ID does not know this environment URL as a resource: check ${say(ENVIRONMENT_URL)} and ${say(CLOUD)}.`,
  500014: 'The resource service principal is disabled in the tenant.',
  50049: `The authority host is not known: check ${say(CLOUD)} and ${say(AUTHORITY_HOST)}.`,
  50196: `Entra ID stopped answering a loop of identical token requests: check that no other job or script asks for tokens in a loop, and run ${say(THE_RUN)} again in a few minutes.`,
});

/** AADSTS90033 "A transient error has occurred. Please try again.", whatever status carries it. */
const TRANSIENT_CODES = new Set([90033]);

/**
 * AADSTS50196, loop detected: Entra ID refuses requests repeated too often, and repeating them
 * prolongs the refusal, so it is final even with a status that is otherwise retried.
 */
const FINAL_CODES = new Set([50196]);

/** OAuth errors that blame the request or the client: another attempt sends the same and gets the same. */
const CLIENT_ERRORS = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_resource',
]);

/**
 * Whether another attempt at a token request that failed with this answer can succeed. The body is
 * read first, as it is more precise than the status: Entra ID says "temporarily_unavailable" or
 * AADSTS90033 for its own transient trouble, and a client error stays one behind any status.
 */
export function isTransientEntraFailure(status: number, body: EntraErrorBody): boolean {
  const code = entraErrorCode(body);
  if (code !== undefined && FINAL_CODES.has(code)) return false;
  if (body.error === 'temporarily_unavailable' || (code !== undefined && TRANSIENT_CODES.has(code)))
    return true;
  if (body.error !== undefined && CLIENT_ERRORS.has(body.error)) return false;
  return isTransientSignInStatus(status);
}

/** The first AADSTS code of a token error, from error_codes or the description text. */
export function entraErrorCode(body: EntraErrorBody): number | undefined {
  if (body.error_codes && body.error_codes.length > 0) return body.error_codes[0];
  const match = /AADSTS(\d+)/.exec(body.error_description ?? '');
  return match ? Number(match[1]) : undefined;
}

/** A token failure as a user error: Entra's own first line, its code, and what to do. */
export function entraError(status: number, body: EntraErrorBody, say: SaySetting = optionWords): UserError {
  const code = entraErrorCode(body);
  // Entra appends Trace ID, Correlation ID and Timestamp lines; the first line is the message.
  // A gateway or Entra ID's throttling answers without an OAuth body ("Too Many Requests"): the status says it.
  const description =
    (body.error_description ?? '').split(/\r?\n/)[0]?.trim() ||
    (body.error ? `${body.error} (HTTP ${status})` : `HTTP ${status}`);
  const hint = code !== undefined ? hints(say)[code] : undefined;
  const trace = body.trace_id ? ` Trace ID: ${body.trace_id}.` : '';
  return new UserError(`Entra ID refused the token request: ${description}${trace}`, hint ? { hint } : {});
}
