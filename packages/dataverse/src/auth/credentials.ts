import type { CertificateSources } from './credential-source.js';

/**
 * How the app proves who it is to Entra ID. Exactly one kind per run; the caller picks it from the
 * inputs (see resolveCredential).
 */
export type ClientCredential =
  | { kind: 'secret'; secret: string }
  | {
      kind: 'certificate';
      privateKeyPem: string;
      certificatePem: string;
      passphrase?: string;
      /** Where the PEM and its password came from, for the messages of a PEM that cannot be read. */
      sources: CertificateSources;
    }
  | { kind: 'github-oidc'; requestUrl: string; requestToken: string };

export const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
