/** Git plumbing for comparing a branch with its base: changed connectors, base versions, baselines. */
export * from './changed-connectors.js';
export * from './committed-files.js';
export * from './ignored-files.js';
export * from './git.js';
export { lineAfterChanges, type FileLineChanges } from './line-changes.js';
export * from './base-ref.js';
export { repositoryOfPaths } from './repository-of-paths.js';
export { RepositoryOwnerError, trustHint, trustWorkspace } from './refused-ownership.js';
export * from './materialize.js';
export * from './repository-root.js';
export * from './validate-against-base.js';
export { fixedInPart, fixedSinceBase } from './fixed-findings.js';
export {
  comparedWithBase,
  uncomparedPaths,
  type BaseValidationOptions,
  type BaseValidationResult,
  type ConnectorChangeStatus,
  type ConnectorDiff,
  type HeadValidation,
} from './base-validation.js';
export { changeToFinding } from './change-finding.js';
export { changesAtCommit, restoredAtCommit, type RestoredConnector } from './changes-at-commit.js';
export { onlyNewFindings } from './only-new-findings.js';
export * from './config-at-base.js';
