export {
  startLocalServer,
  type LocalServer,
  type LocalServerOptions,
  type RequestLogEntry,
} from './server.js';
export type { EchoStyle, Fault, LoginEndpoint, LoginFault } from './faults.js';
export { DEFAULT_TENANT_ID, GITHUB_ISSUER, type FederatedCredential, type LocalApp } from './scenario.js';
export type { ExportRecord, ImportRecord } from './dataverse-service.js';
export type { StoredSolution } from './solution-store.js';
