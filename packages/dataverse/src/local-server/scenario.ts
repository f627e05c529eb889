/** Who may sign in to the local server and what they may do, as an Entra ID tenant and a Dataverse org. */

export interface FederatedCredential {
  issuer: string;
  subject: string;
  audience: string;
}

export interface LocalApp {
  clientId: string;
  /** A client secret that the token endpoint accepts. */
  secret?: string;
  /** PEM certificates whose private keys may sign client assertions. */
  certificates?: string[];
  federatedCredentials?: FederatedCredential[];
  /** False: Entra ID issues tokens, but Dataverse answers 403 "not a member of the organization". */
  applicationUser?: boolean;
  /** Privileges of the application user's role; default all. e.g. ['prvReadSolution']. */
  privileges?: string[];
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const DEFAULT_TENANT_ID = '7c3b2a10-4d5e-4f60-8a71-92b3c4d5e6f7';
export const ALL_PRIVILEGES = [
  'prvReadSolution',
  'prvExportSolution',
  'prvImportSolution',
  'prvPublishCustomizations',
];
