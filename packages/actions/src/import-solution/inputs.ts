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
  convertToManaged: boolean;
  skipLowerVersion: boolean;
  publishChanges: boolean;
  deploymentSettings: DeploymentSettings | undefined;
}

export function readImportSolutionInputs(): ImportSolutionInputs {
  const asynchronous = readString('run-asynchronously');
  const useSettings = readBoolean('use-deployment-settings-file', false);
  const settingsFile = readString('deployment-settings-file');
  if (useSettings && settingsFile === '') {
    throw new InputError(
      'deployment-settings-file',
      'is required when use-deployment-settings-file is true.',
    );
  }
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
    convertToManaged: readBoolean('convert-to-managed', false),
    skipLowerVersion: readBoolean('skip-lower-version', false),
    publishChanges: readBoolean('publish-changes', false),
    deploymentSettings: useSettings
      ? readDeploymentSettings(readTextFile(settingsPath, 'deployment-settings-file'), settingsPath)
      : undefined,
  };
}
