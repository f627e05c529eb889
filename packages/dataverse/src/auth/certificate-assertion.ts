import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import { certificateUnreadable, privateKeyUnreadable } from './certificate-refusals.js';
import type { CertificateSources } from './credential-source.js';

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
  /** Named in the refusal of a PEM that cannot be parsed, as the user gave it. */
  sources: CertificateSources;
  nowMs: number;
}): Promise<string> {
  const key = loadPrivateKey(options.privateKeyPem, options.passphrase, options.sources);
  const thumbprint = certificateThumbprintS256(options.certificatePem, options.sources);
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
function certificateThumbprintS256(certificatePem: string, sources: CertificateSources): string {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch (error) {
    throw certificateUnreadable(sources, error);
  }
  return createHash('sha256').update(certificate.raw).digest('base64url');
}

function loadPrivateKey(pem: string, passphrase: string | undefined, sources: CertificateSources) {
  try {
    return createPrivateKey(passphrase ? { key: pem, passphrase } : pem);
  } catch (error) {
    throw privateKeyUnreadable(sources, pem, Boolean(passphrase), error);
  }
}
