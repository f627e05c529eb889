import {
  exportDestination,
  EXPORT_SETTINGS,
  type ConnectionSettings,
  type ExportDestination,
  type ExportSetting,
} from '@connector-alm/dataverse';
import { readConnectionInputs, resolveInPath } from '../dataverse-connection/inputs.js';
import { InputError, readBoolean, readPositiveInteger, readRequiredString } from '../runtime/inputs.js';

/** The export-* inputs of powerplatform-actions, mapped 1:1 onto ExportSolution's Export* flags. */
const SETTING_INPUTS: Record<ExportSetting, string> = {
  ExportAutoNumberingSettings: 'export-auto-numbering-settings',
  ExportCalendarSettings: 'export-calendar-settings',
  ExportCustomizationSettings: 'export-customization-settings',
  ExportEmailTrackingSettings: 'export-email-tracking-settings',
  ExportExternalApplications: 'export-external-applications-settings',
  ExportGeneralSettings: 'export-general-settings',
  ExportIsvConfig: 'export-isv-config',
  ExportMarketingSettings: 'export-marketing-settings',
  ExportOutlookSynchronizationSettings: 'export-outlook-synchronization-settings',
  ExportRelationshipRoles: 'export-relationship-roles',
  ExportSales: 'export-sales',
};

export interface ExportSolutionInputs {
  connection: ConnectionSettings;
  solutionName: string;
  /** solution-output-file as the workflow gave it, for messages. */
  outputFileInput: string;
  /**
   * solution-output-file resolved against working-directory: the zip, or the folder to write
   * `<UniqueName>.zip` in (a path ending in / or naming a folder), as the CLI's -o.
   */
  output: ExportDestination;
  managed: boolean;
  asynchronous: boolean;
  maxAsyncWaitMinutes: number;
  publish: boolean;
  settings: Partial<Record<ExportSetting, boolean>>;
}

export function readExportSolutionInputs(): ExportSolutionInputs {
  const outputFile = readRequiredString('solution-output-file');
  // As pack-solution: a name without .zip is no solution Dataverse imports, and may be a file of the user's.
  const output = exportDestination(outputFile, resolveInPath(outputFile));
  if (output === undefined)
    throw new InputError(
      'solution-output-file',
      'must end in .zip.',
      'Give the path of the zip file to write, or a folder to write <solution-name>.zip in (ending in /); Dataverse imports a solution only from a .zip file.',
      { file: outputFile },
    );
  return {
    connection: readConnectionInputs(),
    solutionName: readRequiredString('solution-name'),
    outputFileInput: outputFile,
    output,
    managed: readBoolean('managed', false),
    asynchronous: readBoolean('run-asynchronously', true),
    maxAsyncWaitMinutes: readPositiveInteger('max-async-wait-time', 60),
    publish: readBoolean('publish-changes', true),
    settings: Object.fromEntries(
      EXPORT_SETTINGS.map((flag) => [flag, readBoolean(SETTING_INPUTS[flag], false)]),
    ),
  };
}
