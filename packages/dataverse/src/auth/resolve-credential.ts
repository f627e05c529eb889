import { UsageError } from '@connector-alm/core';
import type { ClientCredential } from './credentials.js';

export interface CredentialInputs {
  clientSecret?: string;
  /** PEM text holding the certificate and its private key (one secret, as people store it). */
  clientCertificate?: string;
  clientCertificatePassword?: string;
  /** The Actions runtime's ID-token request URL and token, present when the job has id-token: write. */
  idTokenRequestUrl?: string;
  idTokenRequestToken?: string;
}

/**
 * Picks the credential as microsoft/powerplatform-actions does: a secret if given, else a certificate,
 * else GitHub OIDC federation when the job can ask for an ID token. Giving two is refused, since the
 * user's intent is then unclear.
 */
export function resolveCredential(inputs: CredentialInputs): ClientCredential {
  const secret = inputs.clientSecret ?? '';
  const certificate = inputs.clientCertificate ?? '';
  if (secret !== '' && certificate !== '') {
    throw new UsageError('Give either a client secret or a client certificate, not both.');
  }
  if (secret !== '') return { kind: 'secret', secret };
  if (certificate !== '') {
    if (!certificate.includes('PRIVATE KEY-----') || !certificate.includes('-----BEGIN CERTIFICATE-----')) {
      throw new UsageError(
        'The client certificate must be PEM text holding both the certificate and its private key.',
        {
          hint: 'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes',
        },
      );
    }
    return {
      kind: 'certificate',
      certificatePem: certificate,
      privateKeyPem: certificate,
      ...(inputs.clientCertificatePassword ? { passphrase: inputs.clientCertificatePassword } : {}),
    };
  }
  if (inputs.idTokenRequestUrl && inputs.idTokenRequestToken) {
    return {
      kind: 'github-oidc',
      requestUrl: inputs.idTokenRequestUrl,
      requestToken: inputs.idTokenRequestToken,
    };
  }
  throw new UsageError(
    'No credential for Entra ID: give a client secret, a client certificate, or use GitHub OIDC federation.',
    {
      hint: 'For OIDC (no stored secret), give the job "permissions: id-token: write" and add a federated credential to the app registration.',
    },
  );
}
