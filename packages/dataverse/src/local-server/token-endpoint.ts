import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import {
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
import { EntraFailure, missingParameter } from './entra-errors.js';
import { GITHUB_ISSUER, type LocalApp } from './scenario.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenEndpointContext {
  tenantId: string;
  apps: LocalApp[];
  /** Origins that are resources in this tenant: the local Dataverse environment. */
  resources: string[];
  /** This endpoint's own URL, the audience certificate assertions must name. */
  endpointUrl: string;
  githubPublicKey: CryptoKey;
  nowMs: number;
}

export interface GrantedClient {
  app: LocalApp;
  resource: string;
}

/**
 * The client-credentials grant as Entra ID checks it, in the order it reports problems: tenant,
 * grant type, client, scope, then the client's proof (secret, certificate assertion, or a federated
 * assertion matched exactly against the app's federated credentials).
 */
export async function authorizeClientCredentials(
  tenant: string,
  form: URLSearchParams,
  context: TokenEndpointContext,
): Promise<GrantedClient> {
  if (tenant !== context.tenantId) {
    throw new EntraFailure(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  const grantType = form.get('grant_type');
  if (!grantType) throw missingParameter('grant_type');
  if (grantType !== 'client_credentials') {
    throw new EntraFailure(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  }
  const clientId = form.get('client_id');
  if (!clientId) throw missingParameter('client_id');
  const app = context.apps.find((candidate) => candidate.clientId === clientId);
  if (!app) {
    throw new EntraFailure(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${context.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  const resource = checkScope(form.get('scope'), context);

  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if ((secret === null) === (assertion === null)) {
    throw new EntraFailure(
      400,
      'invalid_request',
      7000218,
      "The request body must contain exactly one of the following parameters: 'client_assertion' or 'client_secret'.",
    );
  }
  if (secret !== null) {
    if (!app.secret || secret !== app.secret) {
      throw new EntraFailure(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.',
      );
    }
    return { app, resource };
  }
  if (form.get('client_assertion_type') !== JWT_BEARER) {
    throw new EntraFailure(
      400,
      'invalid_request',
      90014,
      `The request body must contain the following parameter: 'client_assertion_type' with value '${JWT_BEARER}'.`,
    );
  }
  await checkAssertion(assertion!, app, context);
  return { app, resource };
}

function checkScope(scope: string | null, context: TokenEndpointContext): string {
  if (!scope) throw missingParameter('scope');
  if (!scope.endsWith('/.default') || scope.includes(' ')) {
    throw new EntraFailure(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    );
  }
  const resource = scope.slice(0, -'/.default'.length);
  if (!context.resources.includes(resource)) {
    throw new EntraFailure(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${context.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  return resource;
}

async function checkAssertion(
  assertion: string,
  app: LocalApp,
  context: TokenEndpointContext,
): Promise<void> {
  let claims: JWTPayload;
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    claims = decodeJwt(assertion);
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new EntraFailure(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  if (claims.iss === app.clientId) return checkCertificateAssertion(assertion, header, app, context);
  return checkFederatedAssertion(assertion, claims, app, context);
}

async function checkCertificateAssertion(
  assertion: string,
  header: ReturnType<typeof decodeProtectedHeader>,
  app: LocalApp,
  context: TokenEndpointContext,
): Promise<void> {
  const thumbprintS256 = header['x5t#S256'];
  const thumbprintSha1 = header.x5t;
  const certificate = (app.certificates ?? [])
    .map((pem) => new X509Certificate(pem))
    .find(
      (candidate) =>
        createHash('sha256').update(candidate.raw).digest('base64url') === thumbprintS256 ||
        createHash('sha1').update(candidate.raw).digest('base64url') === thumbprintSha1,
    );
  if (!certificate) {
    throw new EntraFailure(
      401,
      'invalid_client',
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${String(thumbprintS256 ?? thumbprintSha1)}']`,
    );
  }
  await verify(
    assertion,
    certificate.publicKey,
    {
      audience: context.endpointUrl,
      issuer: app.clientId,
      subject: app.clientId,
      algorithms: ['RS256', 'PS256'],
    },
    context.nowMs,
  );
}

async function checkFederatedAssertion(
  assertion: string,
  claims: JWTPayload,
  app: LocalApp,
  context: TokenEndpointContext,
): Promise<void> {
  const credentials = app.federatedCredentials ?? [];
  // Entra trusts an issuer's keys from its OIDC discovery document; the local server knows only GitHub's.
  if (claims.iss !== GITHUB_ISSUER || !credentials.some((credential) => credential.issuer === claims.iss)) {
    throw new EntraFailure(
      400,
      'invalid_client',
      700211,
      `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'.`,
    );
  }
  await verify(
    assertion,
    context.githubPublicKey,
    { issuer: GITHUB_ISSUER, algorithms: ['RS256'] },
    context.nowMs,
  );
  const sameIssuer = credentials.filter((credential) => credential.issuer === claims.iss);
  const sameSubject = sameIssuer.filter((credential) => credential.subject === claims.sub);
  if (sameSubject.length === 0) {
    const caseOnly = sameIssuer.some(
      (credential) => credential.subject.toLowerCase() === String(claims.sub).toLowerCase(),
    );
    if (caseOnly) {
      throw new EntraFailure(
        400,
        'invalid_client',
        7002138,
        `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Matching is case-sensitive.`,
      );
    }
    throw new EntraFailure(
      400,
      'invalid_client',
      700213,
      `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    );
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!sameSubject.some((credential) => audiences.includes(credential.audience))) {
    throw new EntraFailure(
      400,
      'invalid_client',
      700212,
      `No matching federated identity record found for presented assertion audience '${audiences.join(', ')}'.`,
    );
  }
}

async function verify(
  assertion: string,
  key: CryptoKey | KeyObject,
  options: Parameters<typeof jwtVerify>[2],
  nowMs: number,
): Promise<void> {
  try {
    await jwtVerify(assertion, key, { ...options, currentDate: new Date(nowMs) });
  } catch (error) {
    if (
      error instanceof joseErrors.JWTExpired ||
      (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf')
    ) {
      throw new EntraFailure(
        400,
        'invalid_client',
        700024,
        'Client assertion is not within its valid time range.',
      );
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') {
      throw new EntraFailure(
        400,
        'invalid_client',
        700027,
        `Client assertion contains an invalid audience; it must be '${String(options?.audience ?? '')}'.`,
      );
    }
    throw new EntraFailure(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
  }
}
