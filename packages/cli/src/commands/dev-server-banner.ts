import { settingVariables, shellWord, unsettingVariable } from '@connector-alm/core';
import type { StoredSolution } from '@connector-alm/dataverse';
import { DEFAULT_SELF_COMMAND } from '../self-command.js';

export interface DevServerSettings {
  environmentUrl: string;
  authorityHost: string;
  tenantId: string;
  appId: string;
  secret: string;
  solutions: StoredSolution[];
  /** The folder the solutions come from and imports go to; none: in memory. */
  folder?: string;
  /** Zips of the folder that are not served, with why. */
  skipped?: { file: string; reason: string }[];
  /** The certificate file the app accepts besides its secret, as an absolute path. */
  certificateFile?: string;
  /** The words that run this CLI (selfCommand); `npx connector-alm` by default. */
  command?: string;
}

/**
 * What `dev-server` prints: where it listens, the solutions it serves (a unique name is what `export`
 * takes, and a zip's file name does not say it), and the lines to paste into another shell, written
 * for the shell of `platform` (PowerShell on Windows, where `export` and `unset` are no commands).
 */
export function devServerBanner(
  settings: DevServerSettings,
  platform: NodeJS.Platform = process.platform,
): string {
  const names = [...settings.solutions]
    .sort((a, b) => a.uniqueName.localeCompare(b.uniqueName, 'en'))
    .map((solution) => `${solution.uniqueName} ${solution.version}${solution.managed ? ' (managed)' : ''}`);
  const count = names.length === 1 ? '1 solution' : `${names.length} solutions`;
  // A managed solution is refused by export, here as in Dataverse: the line to paste names one that exports.
  const exportable = settings.solutions.filter((solution) => !solution.managed);
  const example = exportable.length > 0 ? firstName(exportable) : '<solution>';
  // The login host goes with the other variables: a command typed without --authority-host signed in
  // at login.microsoftonline.com with this app's id and secret.
  const command = settings.command ?? DEFAULT_SELF_COMMAND;
  const exportLine = `  ${command} export ${example}`;
  // With nothing exportable served, the export line alone leads nowhere: a first try needs a solution imported.
  const importLine = `  ${command} import <solution.zip>`;
  const lines = [
    `Local Dataverse: ${settings.environmentUrl} (${count}${settings.folder ? ` from ${settings.folder}` : ', in memory'})`,
    ...(names.length > 0 ? [`  ${names.join(', ')}`] : [`  ${nothingServed(settings.folder)}`]),
    ...(names.length > 0 && exportable.length === 0 ? [`  ${ALL_MANAGED}`] : []),
    ...(settings.skipped ?? []).map(({ file, reason }) => `  not served: ${file}: ${reason}`),
    `Local Entra ID:  ${settings.authorityHost}`,
    '',
    'In another shell (this app and secret exist only in this dev server):',
    `  ${settingVariables(
      [
        ['DATAVERSE_ENVIRONMENT_URL', settings.environmentUrl],
        ['AZURE_TENANT_ID', settings.tenantId],
        ['AZURE_CLIENT_ID', settings.appId],
      ],
      platform,
    )}`,
    `  ${settingVariables(
      [
        ['AZURE_AUTHORITY_HOST', settings.authorityHost],
        ['CONNECTOR_ALM_CLIENT_SECRET', settings.secret],
      ],
      platform,
    )}`,
    ...(exportable.length > 0 ? [] : [importLine]),
    exportLine,
  ];
  if (settings.certificateFile) {
    lines.push(
      'Or sign in with the certificate instead of the secret:',
      `  ${unsettingVariable('CONNECTOR_ALM_CLIENT_SECRET', platform)}`,
      `${exportLine} --client-certificate ${shellWord(settings.certificateFile, platform)}`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

const ALL_MANAGED =
  'No solution to export yet: a managed solution cannot be exported, here as in Dataverse. Import an unmanaged one (a zip that build-solution or pack wrote, or an unmanaged export).';

/** What to do first when no solution is served: import one, or (in memory) serve a folder of them. */
function nothingServed(folder: string | undefined): string {
  return folder
    ? 'No solution to export yet: the folder holds no solution zip. Import one (a zip that build-solution or pack wrote, or an export): it is kept in the folder.'
    : 'No solution to export yet: import a solution zip (one that build-solution or pack wrote, or an export), or serve a folder of them with --solutions <folder>.';
}

function firstName(solutions: StoredSolution[]): string {
  return solutions.map((solution) => solution.uniqueName).sort((a, b) => a.localeCompare(b, 'en'))[0]!;
}
