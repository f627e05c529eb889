import { describe, expect, it } from '@jest/globals';
import { describeUserError, UsageError } from '@connector-alm/core';
import { resolveCredential, type CredentialInputs, type CredentialSources } from '../src/index.js';
import { createTestCertificate } from './helpers/certificate.js';

const certificate = createTestCertificate();
const SECRET = 'the-secret+/=';

/** As the CLI reads them: the secret from a variable, the certificate from the file an option names. */
const CLI: CredentialSources = {
  secret: { variable: 'CONNECTOR_ALM_CLIENT_SECRET' },
  certificate: { option: '--client-certificate', file: 'certs/app.pem' },
  certificatePassword: { variable: 'CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD' },
};
/** As the actions read them: both from inputs. */
const ACTION: CredentialSources = {
  secret: { input: 'client-secret' },
  certificate: { input: 'client-certificate' },
  certificatePassword: { input: 'client-certificate-password' },
};
/** Both from variables, as another caller might read them. */
const VARIABLES: CredentialSources = {
  secret: { variable: 'APP_SECRET' },
  certificate: { variable: 'APP_CERTIFICATE_PEM' },
  certificatePassword: { variable: 'APP_CERTIFICATE_PASSWORD' },
};

/** The refusal as the user sees it: location, message and hint on one line. */
function refusal(inputs: CredentialInputs): string {
  let thrown: unknown;
  try {
    resolveCredential(inputs);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UsageError);
  const text = describeUserError(thrown as UsageError);
  // No refusal prints what it refuses.
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('PRIVATE KEY');
  return text;
}

describe('resolveCredential picks one credential', () => {
  it('takes the secret, the certificate or GitHub OIDC', () => {
    expect(resolveCredential({ clientSecret: SECRET, sources: ACTION })).toEqual({
      kind: 'secret',
      secret: SECRET,
    });
    expect(
      resolveCredential({
        clientCertificate: certificate.pem,
        clientCertificatePassword: 'pw',
        sources: CLI,
      }),
    ).toEqual({
      kind: 'certificate',
      certificatePem: certificate.pem,
      privateKeyPem: certificate.pem,
      passphrase: 'pw',
      sources: { certificate: CLI.certificate, certificatePassword: CLI.certificatePassword },
    });
    expect(
      resolveCredential({
        clientSecret: '',
        clientCertificate: '',
        idTokenRequestUrl: 'http://127.0.0.1:9/token',
        idTokenRequestToken: 'request-token',
        sources: ACTION,
      }),
    ).toEqual({ kind: 'github-oidc', requestUrl: 'http://127.0.0.1:9/token', requestToken: 'request-token' });
  });
});

describe('resolveCredential names the sources its caller gives', () => {
  it('refuses a secret and a certificate together, saying how to drop either', () => {
    expect(refusal({ clientSecret: SECRET, clientCertificate: certificate.pem, sources: CLI })).toBe(
      'CONNECTOR_ALM_CLIENT_SECRET is set and --client-certificate is given; sign in with one of them. ' +
        'Unset CONNECTOR_ALM_CLIENT_SECRET to sign in with the certificate, or leave out --client-certificate to use the secret.',
    );
    expect(refusal({ clientSecret: SECRET, clientCertificate: certificate.pem, sources: ACTION })).toBe(
      "Input 'client-secret' and input 'client-certificate' are both set; sign in with one of them. " +
        "Leave out input 'client-secret' to sign in with the certificate, or leave out input 'client-certificate' to use the secret.",
    );
  });

  it('says how to give a credential when there is none', () => {
    const oidcHint =
      'Or sign in with GitHub OIDC federation (no stored secret): give the job "permissions: id-token: write" and add a federated credential to the app registration.';
    expect(refusal({ sources: { ...CLI, certificate: { option: '--client-certificate' } } })).toBe(
      'No credential for Entra ID: set CONNECTOR_ALM_CLIENT_SECRET to a client secret of the app registration, ' +
        `or give --client-certificate a file holding a certificate of the app registration and its private key, in PEM. ${oidcHint}`,
    );
    // An ID-token URL without its token (no id-token: write) is no credential either.
    expect(
      refusal({
        clientSecret: '',
        clientCertificate: '',
        idTokenRequestUrl: 'http://127.0.0.1:9',
        sources: ACTION,
      }),
    ).toBe(
      "No credential for Entra ID: set input 'client-secret' to a client secret of the app registration, " +
        `or set input 'client-certificate' to a certificate of the app registration and its private key, in PEM. ${oidcHint}` +
        // An input's secret that does not exist is '': the workflow seems to set it.
        ' An input set to ${{ secrets.NAME }} is empty when no secret of that name reaches the job: create it ' +
        "(Settings > Secrets and variables > Actions, or the job's environment), and check that a calling workflow passes it on under secrets:.",
    );
  });

  it('locates a certificate file that is not PEM at the file, naming the option', () => {
    expect(refusal({ clientCertificate: 'not a certificate', sources: CLI })).toBe(
      'certs/app.pem: does not hold both a certificate and its private key in PEM, as --client-certificate needs. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then give --client-certificate cert.pem.',
    );
  });

  it('refuses an empty certificate file rather than saying none was given', () => {
    expect(refusal({ clientCertificate: '', sources: CLI })).toMatch(
      /^certs\/app\.pem: does not hold both a certificate and its private key in PEM/,
    );
    expect(refusal({ clientSecret: SECRET, clientCertificate: '', sources: CLI })).toMatch(
      /^CONNECTOR_ALM_CLIENT_SECRET is set and --client-certificate is given/,
    );
  });

  it('names the input or variable whose text is not PEM, and a certificate without its key', () => {
    expect(refusal({ clientCertificate: certificate.certificatePem, sources: ACTION })).toBe(
      "Input 'client-certificate' does not hold both a certificate and its private key in PEM. " +
        "Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then set input 'client-certificate' to the content of cert.pem.",
    );
    expect(refusal({ clientCertificate: 'MIIC...', sources: VARIABLES })).toBe(
      'APP_CERTIFICATE_PEM does not hold both a certificate and its private key in PEM. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then set APP_CERTIFICATE_PEM to the content of cert.pem.',
    );
  });

  it('speaks of two variables as both set', () => {
    expect(refusal({ clientSecret: SECRET, clientCertificate: 'x', sources: VARIABLES })).toBe(
      'APP_SECRET and APP_CERTIFICATE_PEM are both set; sign in with one of them. ' +
        'Unset APP_SECRET to sign in with the certificate, or unset APP_CERTIFICATE_PEM to use the secret.',
    );
  });
});
