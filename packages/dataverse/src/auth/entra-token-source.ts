import type { Logger, SaySetting } from '@connector-alm/core';
import type { Clock } from '../clock.js';
import type { Fetch } from '../http/fetch.js';
import { DEFAULT_RETRY_BUDGET, type RetryBudget } from '../http/retry-policy.js';
import { signCertificateAssertion } from './certificate-assertion.js';
import { GITHUB_OIDC_AUDIENCE, JWT_BEARER_ASSERTION_TYPE, type ClientCredential } from './credentials.js';
import { requestGitHubIdToken } from './github-oidc.js';
import { DEFAULT_SIGN_IN_TIMEOUT_MS, type SignInRequestOptions } from './sign-in-request.js';
import { withSignInRetries } from './sign-in-retry.js';
import { requestClientCredentialsToken, tokenEndpointUrl } from './token-endpoint.js';
import { CachedTokenSource } from './token-provider.js';

export interface EntraAuthOptions {
  authorityHost: URL;
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  /** The resource: the environment's origin; the scope is `<origin>/.default`. */
  resource: URL;
  fetch: Fetch;
  clock: Clock;
  onSecret?: (value: string) => void;
  /** The audience of GitHub ID tokens: the cloud's token-exchange audience. Default api://AzureADTokenExchange. */
  githubOidcAudience?: string;
  /** Attempts and waiting for a token request that fails transiently; the Web API's by default. */
  retry?: RetryBudget;
  /** Where retries are reported as warnings. */
  logger?: Logger;
  /** How long one sign-in request may go unanswered before it counts as a transient failure. Default 30 s. */
  signInTimeoutMs?: number;
  /** How advice names a setting: the CLI's options by default, or an action's inputs. */
  say?: SaySetting;
}

/**
 * Access tokens for Dataverse from Entra ID with any of the three credentials. The assertion is made
 * fresh for every token request: GitHub's ID tokens live minutes, far shorter than a long import.
 * Every attempt (the ID-token request, then the token request) is retried as one, within one budget:
 * a retry after a 503 from Entra ID also gets a fresh assertion, so waiting cannot expire it.
 */
export function createEntraTokenSource(options: EntraAuthOptions): CachedTokenSource {
  const onSecret = options.onSecret ?? (() => {});
  const endpoint = tokenEndpointUrl(options.authorityHost, options.tenantId);
  const scope = `${options.resource.origin}/.default`;
  const request: SignInRequestOptions = {
    timeoutMs: options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
    clock: options.clock,
    answeredHosts: new Set(),
  };

  async function clientAuthentication(): Promise<Record<string, string>> {
    const { credential } = options;
    if (credential.kind === 'secret') return { client_secret: credential.secret };
    const assertion =
      credential.kind === 'certificate'
        ? await signCertificateAssertion({
            ...credential,
            clientId: options.clientId,
            tokenEndpoint: endpoint,
            nowMs: options.clock.now(),
          })
        : await requestGitHubIdToken(
            options.fetch,
            credential.requestUrl,
            credential.requestToken,
            options.githubOidcAudience ?? GITHUB_OIDC_AUDIENCE,
            request,
          );
    onSecret(assertion);
    return { client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion };
  }

  return new CachedTokenSource(
    ({ retry }) =>
      withSignInRetries(
        async () =>
          requestClientCredentialsToken(
            options.fetch,
            endpoint,
            {
              client_id: options.clientId,
              scope,
              ...(await clientAuthentication()),
            },
            request,
            options.say,
          ),
        {
          clock: options.clock,
          budget: options.retry ?? DEFAULT_RETRY_BUDGET,
          retry,
          ...(options.say ? { say: options.say } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        },
      ),
    options.clock,
    onSecret,
  );
}
