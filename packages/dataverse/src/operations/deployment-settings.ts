import { UserError, withoutByteOrderMark } from '@connector-alm/core';
import { checkJson } from '@connector-alm/solution';
import type { ComponentParameter } from '../web-api/types.js';

interface DeploymentSettingsFile {
  EnvironmentVariables?: { SchemaName?: unknown; Value?: unknown }[];
  ConnectionReferences?: { LogicalName?: unknown; ConnectionId?: unknown; ConnectorId?: unknown }[];
}

/**
 * The ComponentParameters of an import from a pac-style deployment settings file
 * (`pac solution create-settings`). Entries left empty in the template are skipped, as pac does, so a
 * half-filled file sets only what it names.
 */
export function componentParametersFromSettings(text: string, file: string): ComponentParameter[] {
  const settings = checkJson(
    withoutByteOrderMark(text),
    file,
    'Fix the JSON, or write the file again with pac solution create-settings.',
  ) as DeploymentSettingsFile;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new UserError(
      'The deployment settings file must hold an object with EnvironmentVariables and ConnectionReferences.',
      { location: { file } },
    );
  }
  const parameters: ComponentParameter[] = [];
  for (const [index, variable] of (settings.EnvironmentVariables ?? []).entries()) {
    if (typeof variable?.SchemaName !== 'string' || variable.SchemaName === '') {
      throw new UserError(`EnvironmentVariables[${index}] has no SchemaName.`, { location: { file } });
    }
    if (typeof variable.Value !== 'string' || variable.Value === '') continue;
    parameters.push({
      '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
      schemaname: variable.SchemaName,
      value: variable.Value,
    });
  }
  for (const [index, reference] of (settings.ConnectionReferences ?? []).entries()) {
    if (typeof reference?.LogicalName !== 'string' || reference.LogicalName === '') {
      throw new UserError(`ConnectionReferences[${index}] has no LogicalName.`, { location: { file } });
    }
    if (typeof reference.ConnectionId !== 'string' || reference.ConnectionId === '') continue;
    parameters.push({
      '@odata.type': 'Microsoft.Dynamics.CRM.connectionreference',
      connectionreferencelogicalname: reference.LogicalName,
      connectionid: reference.ConnectionId,
      ...(typeof reference.ConnectorId === 'string' && reference.ConnectorId !== ''
        ? { connectorid: reference.ConnectorId }
        : {}),
    });
  }
  return parameters;
}
