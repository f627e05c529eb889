/**
 * @connector-alm/dataverse: Entra ID authentication (secret, certificate, GitHub OIDC), the Dataverse
 * Web API solution operations with retries and token refresh, and the export/import orchestrations
 * shared by the CLI and the actions, and the local Entra ID + Dataverse server (src/local-server) used by
 * the tests and the dev-server command.
 */
export { systemClock, createManualClock, type Clock, type ManualClock, type Timer } from './clock.js';
export { parseServiceUrl, isLoopbackHost, ENVIRONMENT_URL_KIND } from './environment-url.js';
export { ConnectionSettingError } from './connection-setting-error.js';
export { AUTHORITY_HOST } from './setting-words.js';
export { resolveCloud, CLOUD_NAMES, type CloudName, type CloudSettings } from './clouds.js';
export type { ClientCredential } from './auth/credentials.js';
export { GITHUB_OIDC_AUDIENCE } from './auth/credentials.js';
export { resolveCredential, type CredentialInputs } from './auth/resolve-credential.js';
export type { CertificateSources, CredentialSource, CredentialSources } from './auth/credential-source.js';
export { CachedTokenSource, refreshMarginMs, type AccessTokenSource } from './auth/token-provider.js';
export { createEntraTokenSource } from './auth/entra-token-source.js';
export { DataverseError, DATAVERSE_CODES } from './http/dataverse-errors.js';
export { DEFAULT_RETRY_BUDGET, decideRetry, parseRetryAfter, type RetryBudget } from './http/retry-policy.js';
export type { Fetch } from './http/fetch.js';
export { DEFAULT_WEB_API_TIMEOUTS, type WebApiTimeouts } from './http/web-api-timeouts.js';
export { DataverseClient } from './web-api/dataverse-client.js';
export {
  EXPORT_SETTINGS,
  type ExportSetting,
  type ComponentParameter,
  type SolutionRecord,
} from './web-api/types.js';
export { connectDataverse, type ConnectionSettings, type ConnectionPorts } from './connect.js';
export {
  exportSolution,
  type ExportSolutionOptions,
  type ExportSolutionResult,
} from './operations/export-solution.js';
export { exportDestination, exportZipName, type ExportDestination } from './operations/export-destination.js';
export {
  importSolution,
  SMALL_SOLUTION_BYTES,
  type ImportSolutionOptions,
  type ImportSolutionResult,
} from './operations/import-solution.js';
export {
  componentParametersFromSettings,
  readDeploymentSettings,
  type DeploymentSettings,
  type DeploymentSettingsEntry,
} from './operations/deployment-settings.js';
export { compareVersions } from './operations/versions.js';
export {
  readSolutionManifest,
  type SolutionManifest,
  type SolutionZipSource,
} from './zip/solution-manifest.js';
export * from './local-server/index.js';
