import type { LocalServer } from '@connector-alm/dataverse';

/**
 * The variables dev-server's banner tells to set, for the CLI to sign in to `server` as the app
 * `appId` with `secret` and reach its environment with no connection option.
 */
export function localServerEnv(server: LocalServer, appId: string, secret: string): NodeJS.ProcessEnv {
  return {
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: appId,
    CONNECTOR_ALM_CLIENT_SECRET: secret,
    AZURE_AUTHORITY_HOST: server.authorityHost,
  };
}
