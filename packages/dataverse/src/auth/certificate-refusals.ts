import { UsageError } from '@connector-alm/core';
import {
  convertingPfx,
  notGiven,
  sentence,
  sourceName,
  supplying,
  type CertificateSources,
  type CredentialSource,
} from './credential-source.js';

/**
 * The refusals of PEM text that passed resolveCredential's look (both blocks are there) but that
 * Node cannot parse at sign-in: a damaged certificate or key, or an encrypted key without its
 * password or with the wrong one. Each names the certificate's source as the user gave it, and the
 * password's when the password is what is wrong; a file is where the problem is. None quotes the
 * PEM or the password.
 */

/** The certificate block is there but is no X.509 certificate. */
export function certificateUnreadable(sources: CertificateSources, cause: unknown): UsageError {
  return refusal(
    sources.certificate,
    'the certificate',
    'cannot be read: it is not a valid X.509 certificate.',
    {
      hint: convertingPfx(sources.certificate),
      cause,
    },
  );
}

/** Why the private key could not be loaded, told apart by whether the PEM says it is encrypted. */
export function privateKeyUnreadable(
  sources: CertificateSources,
  pem: string,
  passphraseGiven: boolean,
  cause: unknown,
): UsageError {
  const { certificate, certificatePassword: password } = sources;
  if (!isEncrypted(pem))
    return refusal(certificate, 'the private key', 'cannot be read: it is not a valid private key.', {
      hint: convertingPfx(certificate),
      cause,
    });
  if (!passphraseGiven)
    return refusal(
      certificate,
      'the private key',
      `is encrypted, and ${sourceName(password)} ${notGiven(password)}.`,
      {
        hint: `${sentence(supplying(password, 'its password'))}.`,
        cause,
      },
    );
  return refusal(
    certificate,
    'the private key',
    `cannot be decrypted with the password in ${sourceName(password)}.`,
    { hint: `${sentence(supplying(password, 'the password the key was encrypted with'))}.`, cause },
  );
}

/** PKCS#8 ("ENCRYPTED PRIVATE KEY") and the older OpenSSL form ("Proc-Type: 4,ENCRYPTED") say so in clear. */
function isEncrypted(pem: string): boolean {
  return pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /^Proc-Type:\s*4,ENCRYPTED/m.test(pem);
}

/**
 * "certs/app.pem: the private key given to --client-certificate …" for a file, located there;
 * "The private key in input 'client-certificate' …" for text from an input or a variable.
 */
function refusal(
  source: CredentialSource,
  part: string,
  problem: string,
  options: { hint: string; cause: unknown },
): UsageError {
  if ('option' in source) {
    const subject = `${part} given to ${source.option}`;
    if (source.file === undefined) return new UsageError(`${sentence(subject)} ${problem}`, options);
    return new UsageError(`${subject} ${problem}`, { ...options, location: { file: source.file } });
  }
  return new UsageError(`${sentence(part)} in ${sourceName(source)} ${problem}`, options);
}
