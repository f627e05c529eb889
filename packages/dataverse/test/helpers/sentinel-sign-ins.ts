import type { LocalApp } from '../../src/index.js';
import { createTestCertificate } from './certificate.js';

/**
 * Three app registrations of the local Entra ID, one per way to sign in (client secret, certificate,
 * GitHub OIDC federation), with distinctive credentials, for tests that search everything a run
 * leaves behind for them. `label` keeps two suites' sentinels apart ('Client', 'Action').
 */
export interface SentinelSignIns {
  secretApp: string;
  certificateApp: string;
  oidcApp: string;
  /** An Entra ID client secret has a '~'; '+ / =' are encoded differently by each encoding. */
  secret: string;
  /** The password of the certificate's private key. */
  password: string;
  /** The runner's ID-token request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  requestToken: string;
  /** The subject the GitHub OIDC app trusts. */
  subject: string;
  certificate: ReturnType<typeof createTestCertificate>;
  /** A line from the middle of the encrypted private key: no part of the PEM may show. */
  keyLine: string;
  /** Every secret above, to search for. */
  secrets: string[];
  /** The apps, for startLocalServer({ apps }). */
  apps: LocalApp[];
}

export function sentinelSignIns(label: string, appIdPrefix: string): SentinelSignIns {
  const certificate = createTestCertificate({ password: `Sentinel~${label}+Pass/word=` });
  const ids = {
    secretApp: `${appIdPrefix}-1111-4222-8333-94445555aaaa`,
    certificateApp: `${appIdPrefix}-1111-4222-8333-94445555bbbb`,
    oidcApp: `${appIdPrefix}-1111-4222-8333-94445555cccc`,
  };
  const secret = `Sentinel8Q~${label}+Secret/Value=`;
  const password = `Sentinel~${label}+Pass/word=`;
  const requestToken = `Sentinel${label}RequestToken0123456789`;
  const subject = 'repo:contoso/connectors:ref:refs/heads/main';
  const keyLine = certificate.pem.split('\n').find((line) => /^[A-Za-z0-9+/]{64}$/.test(line))!;
  return {
    ...ids,
    secret,
    password,
    requestToken,
    subject,
    certificate,
    keyLine,
    secrets: [secret, password, requestToken, keyLine],
    apps: [
      { clientId: ids.secretApp, secret },
      { clientId: ids.certificateApp, certificates: [certificate.certificatePem] },
      {
        clientId: ids.oidcApp,
        federatedCredentials: [
          {
            issuer: 'https://token.actions.githubusercontent.com',
            subject,
            audience: 'api://AzureADTokenExchange',
          },
        ],
      },
    ],
  };
}
