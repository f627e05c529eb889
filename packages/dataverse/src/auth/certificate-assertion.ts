import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import { UserError } from '@connector-alm/core';

/**
 * A client assertion signed with the app's certificate, as Entra ID specifies it: PS256, the
 * certificate's SHA-256 thumbprint in `x5t#S256` (how Entra finds the registered public key), the
 * token endpoint as audience and the client ID as issuer and subject.
 */
export async function signCertificateAssertion(options: {
  clientId: string;
  tokenEndpoint: string;
  privateKeyPem: string;
  certificatePem: string;
  passphrase?: string;
  nowMs: number;
}): Promise<string> {
  const key = loadPrivateKey(options.privateKeyPem, options.passphrase);
  const thumbprint = certificateThumbprintS256(options.certificatePem);
  const issuedAt = Math.floor(options.nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprint })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.tokenEndpoint)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + 600)
    .sign(key);
}

/** Base64url SHA-256 of the certificate's DER bytes, the form `x5t#S256` carries. */
export function certificateThumbprintS256(certificatePem: string): string {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch (error) {
    throw new UserError('The client certificate is not a PEM certificate.', {
      hint: 'Give the PEM text holding "-----BEGIN CERTIFICATE-----" and the private key.',
      cause: error,
    });
  }
  return createHash('sha256').update(certificate.raw).digest('base64url');
}

function loadPrivateKey(pem: string, passphrase?: string) {
  try {
    return createPrivateKey(passphrase ? { key: pem, passphrase } : pem);
  } catch (error) {
    throw new UserError('The private key of the client certificate cannot be read.', {
      hint: 'Give the PEM private key ("-----BEGIN PRIVATE KEY-----"), and its password if it is encrypted.',
      cause: error,
    });
  }
}
