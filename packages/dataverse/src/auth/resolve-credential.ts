import { UsageError } from '@connector-alm/core';
import type { ClientCredential } from './credentials.js';
import {
  bothGiven,
  convertingPfx,
  sentence,
  sourceNameFirst,
  supplying,
  withdrawing,
  type CredentialSources,
} from './credential-source.js';

export interface CredentialInputs {
  clientSecret?: string;
  /** PEM text holding the certificate and its private key (one secret, as people store it). */
  clientCertificate?: string;
  clientCertificatePassword?: string;
  /** The Actions runtime's ID-token request URL and token, present when the job has id-token: write. */
  idTokenRequestUrl?: string;
  idTokenRequestToken?: string;
  /**
   * Where the secret and the certificate came from, as the user gives them (an environment
   * variable, an option, an action input): every refusal names them, so a caller need not check
   * the inputs again to say it in its own words.
   */
  sources: CredentialSources;
}

const SECRET = 'a client secret of the app registration';
const CERTIFICATE = 'a certificate of the app registration and its private key, in PEM';

/**
 * Picks the credential as microsoft/powerplatform-actions does: a secret if given, else a certificate,
 * else GitHub OIDC federation when the job can ask for an ID token. Giving two is refused, since the
 * user's intent is then unclear.
 */
export function resolveCredential(inputs: CredentialInputs): ClientCredential {
  const { sources } = inputs;
  const secret = inputs.clientSecret ?? '';
  const certificate = inputs.clientCertificate ?? '';
  // An empty file is a certificate given, and wrong; an empty input or variable is none given.
  const certificateGiven = certificate !== '' || certificateFile(sources) !== undefined;
  if (secret !== '' && certificateGiven) {
    throw new UsageError(`${bothGiven(sources.secret, sources.certificate)}; sign in with one of them.`, {
      hint: sentence(
        `${withdrawing(sources.secret)} to sign in with the certificate, or ${withdrawing(sources.certificate)} to use the secret.`,
      ),
    });
  }
  if (secret !== '') return { kind: 'secret', secret };
  if (certificateGiven) {
    if (!certificate.includes('PRIVATE KEY-----') || !certificate.includes('-----BEGIN CERTIFICATE-----'))
      throw notPem(sources);
    return {
      kind: 'certificate',
      certificatePem: certificate,
      privateKeyPem: certificate,
      ...(inputs.clientCertificatePassword ? { passphrase: inputs.clientCertificatePassword } : {}),
      sources: { certificate: sources.certificate, certificatePassword: sources.certificatePassword },
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
    `No credential for Entra ID: ${supplying(sources.secret, SECRET)}, or ${supplying(sources.certificate, CERTIFICATE)}.`,
    {
      hint:
        'Or sign in with GitHub OIDC federation (no stored secret): give the job "permissions: id-token: write" and add a federated credential to the app registration.' +
        missingSecretHint(sources),
    },
  );
}

/**
 * A workflow that gives the secret as `${{ secrets.NAME }}` believes it set the input; GitHub gives ''
 * for a secret that does not exist or that a calling workflow did not pass on, and the refusal above
 * would then seem to ask for what is already there.
 */
function missingSecretHint({ secret, certificate }: CredentialSources): string {
  if (!('input' in secret) || !('input' in certificate)) return '';
  return ` An input set to \${{ secrets.NAME }} is empty when no secret of that name reaches the job: create it (Settings > Secrets and variables > Actions, or the job's environment), and check that a calling workflow passes it on under secrets:.`;
}

function certificateFile({ certificate }: CredentialSources): string | undefined {
  return 'option' in certificate ? certificate.file : undefined;
}

/** A file the certificate came from is where the problem is; text from a variable or an input is named. */
function notPem(sources: CredentialSources): UsageError {
  const { certificate } = sources;
  const hint = convertingPfx(certificate);
  const file = certificateFile(sources);
  if ('option' in certificate && file !== undefined)
    return new UsageError(
      `does not hold both a certificate and its private key in PEM, as ${certificate.option} needs.`,
      { location: { file }, hint },
    );
  return new UsageError(
    `${sourceNameFirst(certificate)} does not hold both a certificate and its private key in PEM.`,
    { hint },
  );
}
