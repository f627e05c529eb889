import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type CryptoKey } from 'jose';
import { issueAccessToken } from './access-tokens.js';
import { EntraFailure } from './entra-errors.js';
import type { FaultSwitches, LoginFault } from './faults.js';
import { answerLoginFault } from './login-faults.js';
import { readBody, sendJson } from './http-kit.js';
import { GITHUB_ISSUER, type LocalApp } from './scenario.js';
import { authorizeClientCredentials } from './token-endpoint.js';

export interface LoginServiceOptions {
  origin: string;
  tenantId: string;
  apps: LocalApp[];
  resources: () => string[];
  tokenKey: CryptoKey;
  githubKey: CryptoKey;
  githubPublicKey: CryptoKey;
  tokenLifetimeSeconds: number;
  /** The runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN the fake GitHub endpoint expects. */
  githubRequestToken: string;
  githubSubject: string;
  now: () => number;
  faults?: FaultSwitches;
}

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const OPENID_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
export const GITHUB_ID_TOKEN_PATH = '/_github/oidc/token';

/**
 * The login host: Entra ID's v2 token endpoint and OpenID metadata, plus a GitHub Actions ID-token
 * endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), whose tokens the token endpoint trusts as GitHub's.
 */
export class LoginService {
  /** How many access tokens were issued, per client ID, for tests of caching and refresh. */
  readonly issued = new Map<string, number>();

  constructor(private readonly options: LoginServiceOptions) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.options.origin);
    const token = TOKEN_PATH.exec(url.pathname);
    if (token && request.method === 'POST')
      return this.token(request, response, decodeURIComponent(token[1]!));
    const openid = OPENID_PATH.exec(url.pathname);
    if (openid && request.method === 'GET')
      return this.openIdConfiguration(response, decodeURIComponent(openid[1]!));
    if (url.pathname === GITHUB_ID_TOKEN_PATH && request.method === 'GET')
      return this.githubIdToken(request, response, url);
    sendJson(response, 404, { error: 'not_found', error_description: `No endpoint at ${url.pathname}.` });
  }

  /** Answers with the fault, counting a request it holds unanswered (FaultSwitches.held). */
  private async answerFault(
    fault: LoginFault,
    request: IncomingMessage,
    response: ServerResponse,
    now: Date,
  ): Promise<void> {
    await answerLoginFault(fault, request, response, now);
    if (fault.kind === 'hang' && this.options.faults) this.options.faults.held++;
  }

  private async token(request: IncomingMessage, response: ServerResponse, tenant: string): Promise<void> {
    const now = this.options.now();
    const fault = this.options.faults?.takeLoginFault('token');
    if (fault) return this.answerFault(fault, request, response, new Date(now));
    try {
      const type = String(request.headers['content-type'] ?? '');
      const raw = (await readBody(request, 1024 * 1024)).toString('utf8');
      if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
        throw new EntraFailure(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'grant_type'.",
        );
      }
      const granted = await authorizeClientCredentials(tenant, new URLSearchParams(raw), {
        tenantId: this.options.tenantId,
        apps: this.options.apps,
        resources: this.options.resources(),
        endpointUrl: `${this.options.origin}/${tenant}/oauth2/v2.0/token`,
        githubPublicKey: this.options.githubPublicKey,
        nowMs: now,
      });
      const accessToken = await issueAccessToken({
        key: this.options.tokenKey,
        tenantId: this.options.tenantId,
        clientId: granted.app.clientId,
        resource: granted.resource,
        nowMs: now,
        lifetimeSeconds: this.options.tokenLifetimeSeconds,
      });
      this.issued.set(granted.app.clientId, (this.issued.get(granted.app.clientId) ?? 0) + 1);
      sendJson(response, 200, {
        token_type: 'Bearer',
        expires_in: this.options.tokenLifetimeSeconds,
        ext_expires_in: this.options.tokenLifetimeSeconds,
        access_token: accessToken,
      });
    } catch (error) {
      if (!(error instanceof EntraFailure)) throw error;
      sendJson(response, error.status, error.body(new Date(now)));
    }
  }

  private openIdConfiguration(response: ServerResponse, tenant: string): void {
    if (tenant !== this.options.tenantId) {
      sendJson(
        response,
        400,
        new EntraFailure(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`).body(
          new Date(this.options.now()),
        ),
      );
      return;
    }
    sendJson(response, 200, {
      issuer: `${this.options.origin}/${tenant}/v2.0`,
      token_endpoint: `${this.options.origin}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      grant_types_supported: ['client_credentials'],
    });
  }

  /** GitHub's shape: `{"count":…,"value":"<jwt>"}`, authorised by the runner's request token. */
  private async githubIdToken(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const fault = this.options.faults?.takeLoginFault('github-id-token');
    if (fault) return this.answerFault(fault, request, response, new Date(this.options.now()));
    const token = /^bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token !== this.options.githubRequestToken) {
      sendJson(response, 401, {
        message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable or token was invalid',
      });
      return;
    }
    const issuedAt = Math.floor(this.options.now() / 1000);
    const repository = /^repo:([^:]+):/.exec(this.options.githubSubject)?.[1] ?? 'contoso/connectors';
    const audience = url.searchParams.get('audience') || `https://github.com/${repository.split('/')[0]}`;
    const value = await new SignJWT({
      repository,
      repository_owner: repository.split('/')[0],
      ref: 'refs/heads/main',
      runner_environment: 'github-hosted',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'local-github' })
      .setIssuer(GITHUB_ISSUER)
      .setSubject(this.options.githubSubject)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + 300)
      .setJti(randomUUID())
      .sign(this.options.githubKey);
    sendJson(response, 200, { count: value.length, value });
  }
}
