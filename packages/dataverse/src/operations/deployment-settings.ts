import { UserError, withoutByteOrderMark } from '@connector-alm/core';
import { checkJson, jsonValueLocation } from '@connector-alm/solution';
import type { ComponentParameter } from '../web-api/types.js';

interface DeploymentSettingsFile {
  EnvironmentVariables?: ({ SchemaName?: unknown; Value?: unknown } | null)[] | null;
  ConnectionReferences?:
    ({ LogicalName?: unknown; ConnectionId?: unknown; ConnectorId?: unknown } | null)[] | null;
}

/** A deployment settings file, read: what an import sends, and where the file names each of it. */
export interface DeploymentSettings {
  file: string;
  /** The file's JSON text, to locate an entry in an error about it. */
  text: string;
  /** The entries the import sends, in the file's order (those left empty are not). */
  entries: DeploymentSettingsEntry[];
}

/** One entry the import sends: an environment variable's value, or a connection reference's connection. */
export interface DeploymentSettingsEntry {
  list: 'EnvironmentVariables' | 'ConnectionReferences';
  index: number;
  /** The SchemaName of a variable, the LogicalName of a connection reference. */
  name: string;
  parameter: ComponentParameter;
}

/** The ComponentParameters an import sends for these settings (none without a file). */
export function componentParametersOf(settings: DeploymentSettings | undefined): ComponentParameter[] {
  return settings?.entries.map((entry) => entry.parameter) ?? [];
}

/** Where the file names an entry: the SchemaName or LogicalName it gives. */
export function entryLocation(
  settings: DeploymentSettings,
  entry: DeploymentSettingsEntry,
): { file: string; line?: number; column?: number } {
  const key = entry.list === 'EnvironmentVariables' ? 'SchemaName' : 'LogicalName';
  return { file: settings.file, ...jsonValueLocation(settings.text, [entry.list, entry.index, key]) };
}

/**
 * The ComponentParameters of an import from a pac-style deployment settings file
 * (`pac solution create-settings`); see readDeploymentSettings.
 */
export function componentParametersFromSettings(text: string, file: string): ComponentParameter[] {
  return componentParametersOf(readDeploymentSettings(text, file));
}

/**
 * Reads a pac-style deployment settings file (`pac solution create-settings`). Entries left empty in
 * the template are skipped, as pac does, so a half-filled file sets only what it names.
 */
export function readDeploymentSettings(text: string, file: string): DeploymentSettings {
  const json = withoutByteOrderMark(text);
  const settings = checkJson(
    json,
    file,
    'Fix the JSON, or write the file again with pac solution create-settings.',
  ) as DeploymentSettingsFile;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new UserError(
      'The deployment settings file must hold an object with EnvironmentVariables and ConnectionReferences.',
      { location: { file }, hint: SHAPE_HINT },
    );
  }
  /** A refusal at the value of `path`, with the shape the file should have. */
  const wrongShape = (message: string, path: (string | number)[], hint = SHAPE_HINT): UserError =>
    new UserError(message, { location: { file, ...jsonValueLocation(json, path) }, hint });
  const entries: DeploymentSettingsEntry[] = [];
  for (const [index, variable] of list(settings, 'EnvironmentVariables', wrongShape).entries()) {
    if (typeof variable?.SchemaName !== 'string' || variable.SchemaName === '') {
      throw wrongShape(`EnvironmentVariables[${index}] has no SchemaName.`, ['EnvironmentVariables', index]);
    }
    const value = variableValue(variable.Value, () =>
      wrongShape(
        `EnvironmentVariables[${index}].Value (${variable.SchemaName}) is ${kindOf(variable.Value)}; Dataverse holds every environment variable value as text.`,
        ['EnvironmentVariables', index, 'Value'],
        'Write the value in quotes, as pac solution create-settings does ("Value": "…"); a Yes/No variable takes "yes" or "no".',
      ),
    );
    if (value === '') continue;
    entries.push({
      list: 'EnvironmentVariables',
      index,
      name: variable.SchemaName,
      parameter: {
        '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
        schemaname: variable.SchemaName,
        value,
      },
    });
  }
  for (const [index, reference] of list(settings, 'ConnectionReferences', wrongShape).entries()) {
    if (typeof reference?.LogicalName !== 'string' || reference.LogicalName === '') {
      throw wrongShape(`ConnectionReferences[${index}] has no LogicalName.`, ['ConnectionReferences', index]);
    }
    const { LogicalName: name } = reference;
    const idOf = (key: keyof typeof REFERENCE_IDS): string =>
      referenceId(reference[key], () =>
        wrongShape(
          `ConnectionReferences[${index}].${key} (${name}) is ${kindOf(reference[key])}; Dataverse names ${REFERENCE_IDS[key].what} with text.`,
          ['ConnectionReferences', index, key],
          `Write it in quotes, as pac solution create-settings does ("${key}": "${REFERENCE_IDS[key].example}").`,
        ),
      );
    // Both are checked before an empty ConnectionId skips the entry: a wrong value is a mistake either way.
    const connectionId = idOf('ConnectionId');
    const connectorId = idOf('ConnectorId');
    if (connectionId === '') continue;
    entries.push({
      list: 'ConnectionReferences',
      index,
      name,
      parameter: {
        '@odata.type': 'Microsoft.Dynamics.CRM.connectionreference',
        connectionreferencelogicalname: name,
        connectionid: connectionId,
        ...(connectorId === '' ? {} : { connectorid: connectorId }),
      },
    });
  }
  return { file, text: json, entries };
}

/**
 * The text of a variable's Value: '' (skipped) when absent, null or empty, as pac leaves the template.
 * pac writes every Value as a string, and Dataverse holds them as text; a number written bare
 * (`"Value": 30`) is taken as its JSON text, "30", which is what a Number variable holds. A boolean is
 * refused rather than guessed: a Yes/No variable holds "yes" or "no", not "true"; so is an object or a list.
 */
function variableValue(value: unknown, refuse: () => UserError): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return JSON.stringify(value);
  throw refuse();
}

/** What a connection reference's ids name, and how pac writes them. */
const REFERENCE_IDS = {
  ConnectionId: { what: 'a connection', example: '…' },
  ConnectorId: { what: 'a connector', example: '/providers/Microsoft.PowerApps/apis/…' },
} as const;

/**
 * A connection reference's ConnectionId or ConnectorId: '' (left out) when absent, null or empty, as
 * pac leaves the template. Any other value that is not text is refused: unlike a variable's Value, no
 * number or object is the text of a connection or connector, and skipping it left the reference
 * unconnected without a word.
 */
function referenceId(value: unknown, refuse: () => UserError): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  throw refuse();
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const SHAPE_HINT =
  'pac solution create-settings writes this file: {"EnvironmentVariables": [{"SchemaName": "…", "Value": "…"}], "ConnectionReferences": [{"LogicalName": "…", "ConnectionId": "…", "ConnectorId": "…"}]}.';

/**
 * One of the file's two lists; absent or null is empty. A single entry written without its list
 * brackets is the likely slip, and is refused at the value rather than failing on it later.
 */
function list<Key extends keyof DeploymentSettingsFile>(
  settings: DeploymentSettingsFile,
  key: Key,
  wrongShape: (message: string, path: (string | number)[]) => UserError,
): NonNullable<DeploymentSettingsFile[Key]> {
  const value = settings[key] ?? [];
  if (!Array.isArray(value)) {
    throw wrongShape(`${key} must be a list ([…]) of entries, not ${kindOf(value)}.`, [key]);
  }
  return value as NonNullable<DeploymentSettingsFile[Key]>;
}
