import type { Logger } from '@connector-alm/core';
import {
  readDeploymentSettings,
  type ConnectionSettings,
  type DeploymentSettings,
} from '@connector-alm/dataverse';
import { readConnectionInputs, readTextFile, resolveInPath } from '../dataverse-connection/inputs.js';
import {
  InputError,
  readBoolean,
  readPositiveInteger,
  readRequiredString,
  readString,
} from '../runtime/inputs.js';

export interface ImportSolutionInputs {
  connection: ConnectionSettings;
  solutionFile: string;
  asynchronous: boolean | 'auto';
  maxAsyncWaitMinutes: number;
  forceOverwrite: boolean;
  activatePlugins: boolean;
  skipDependencyCheck: boolean;
  importAsHolding: boolean;
  stageAndUpgrade: boolean;
  convertToManaged: boolean;
  skipLowerVersion: boolean;
  publishChanges: boolean;
  deploymentSettings: DeploymentSettings | undefined;
}

export function readImportSolutionInputs(logger: Logger): ImportSolutionInputs {
  const asynchronous = readString('run-asynchronously');
  const settingsFile = readString('deployment-settings-file');
  const useSettings = readUseSettings(settingsFile, logger);
  const settingsPath = useSettings ? resolveInPath(settingsFile) : '';
  return {
    connection: readConnectionInputs(),
    solutionFile: resolveInPath(readRequiredString('solution-file')),
    // Empty: small solutions synchronously, the rest asynchronously.
    asynchronous: asynchronous === '' ? 'auto' : readBoolean('run-asynchronously', false),
    maxAsyncWaitMinutes: readPositiveInteger('max-async-wait-time', 60),
    forceOverwrite: readBoolean('force-overwrite', false),
    activatePlugins: readBoolean('activate-plugins', true),
    skipDependencyCheck: readBoolean('skip-dependency-check', false),
    importAsHolding: readBoolean('import-as-holding', false),
    stageAndUpgrade: readBoolean('stage-and-upgrade', false),
    convertToManaged: readBoolean('convert-to-managed', false),
    skipLowerVersion: readBoolean('skip-lower-version', false),
    publishChanges: readBoolean('publish-changes', false),
    deploymentSettings: useSettings
      ? readDeploymentSettings(readTextFile(settingsPath, 'deployment-settings-file'), settingsPath)
      : undefined,
  };
}

/**
 * Whether to read deployment-settings-file. A file given is taken: in microsoft/powerplatform-actions
 * it counts only with use-deployment-settings-file: true, and a workflow that gave the file alone had
 * its values dropped without a word. An explicit false still leaves it unread, for a caller that
 * switches the file off that way, with a warning, since the values it holds are not set.
 */
function readUseSettings(settingsFile: string, logger: Logger): boolean {
  const use =
    readString('use-deployment-settings-file') === ''
      ? undefined
      : readBoolean('use-deployment-settings-file', false);
  if (use === true && settingsFile === '') {
    throw new InputError(
      'deployment-settings-file',
      'is required when use-deployment-settings-file is true.',
    );
  }
  if (use === false && settingsFile !== '')
    logger.warning(
      `Input 'deployment-settings-file' (${settingsFile}) is not read: use-deployment-settings-file is false, so no environment variable value or connection reference from it is set. Leave use-deployment-settings-file out (or set it to true) to take the file.`,
    );
  return settingsFile !== '' && use !== false;
}
