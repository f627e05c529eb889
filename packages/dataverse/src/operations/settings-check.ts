import {
  didYouMean,
  joinedList,
  toDisplayPath,
  UserError,
  type Logger,
  type SaySetting,
} from '@connector-alm/core';
import type { ComponentParameter } from '../web-api/types.js';
import { readSolutionParameters, type SolutionParameters } from '../zip/solution-parameters.js';
import {
  componentParametersOf,
  entryLocation,
  type DeploymentSettings,
  type DeploymentSettingsEntry,
} from './deployment-settings.js';

/** Where an import takes a deployment settings file. */
const SETTINGS_FILE = { option: 'import --settings <file>', input: 'deployment-settings-file' };

/**
 * The ComponentParameters of an import, checked against the solution zip before the upload.
 * An entry naming a variable or connection reference the solution does not define (a misspelt name,
 * a file of another solution) is refused: the import went on without a word, and the value never
 * reached the variable or reference that was meant. A name that differs from the solution's in letter
 * case only is a warning, not a refusal: Dataverse compares names in its database, whose collation
 * usually ignores case, so such a file may well work, and refusing it could stop a working pipeline.
 * A variable the zip gives no value and the settings give none is warned about: imported so, the
 * connector has no value where the environment has none of its own, and the import says nothing.
 * `cwd` is the working directory the warnings name the settings file from, as errors name it.
 */
export function checkedComponentParameters(
  zip: Uint8Array,
  file: string,
  solutionName: string,
  settings: DeploymentSettings | undefined,
  logger: Logger,
  say: SaySetting,
  cwd: string,
): ComponentParameter[] {
  const solution = readSolutionParameters(zip, file, {
    connectionReferences: settings?.entries.some((entry) => entry.list === 'ConnectionReferences') ?? false,
  });
  for (const entry of settings?.entries ?? []) {
    const known = definedNames(solution, entry);
    if (known === undefined || known.includes(entry.name)) continue;
    const inOtherCase = known.find((name) => name.toLowerCase() === entry.name.toLowerCase());
    if (inOtherCase === undefined) throw unknownEntryError(settings!, entry, known, solutionName);
    logger.warning(otherCaseWarning(settings!, entry, inOtherCase, solutionName, cwd));
  }
  // Case aside, as for the names above: a variable named in other case is warned about once, there.
  const given = new Set(settings?.entries.map((entry) => entry.name.toLowerCase()));
  const unset = solution.variables
    .filter((variable) => !variable.hasValue && !given.has(variable.schemaName.toLowerCase()))
    .map((variable) => variable.schemaName);
  if (unset.length > 0) logger.warning(unsetVariablesWarning(unset, solutionName, settings, say));
  return componentParametersOf(settings);
}

function definedNames(solution: SolutionParameters, entry: DeploymentSettingsEntry): string[] | undefined {
  return entry.list === 'EnvironmentVariables'
    ? solution.variables.map((variable) => variable.schemaName)
    : solution.connectionReferences;
}

function unknownEntryError(
  settings: DeploymentSettings,
  entry: DeploymentSettingsEntry,
  known: string[],
  solutionName: string,
): UserError {
  const kind = entry.list === 'EnvironmentVariables' ? 'environment variable' : 'connection reference';
  const key = entry.list === 'EnvironmentVariables' ? 'SchemaName' : 'LogicalName';
  const defined =
    known.length === 0
      ? `${solutionName} defines no ${kind}s.`
      : `The ${kind}s of ${solutionName}: ${joinedList(known, { max: 10 })}.`;
  return new UserError(
    `${entry.list}[${entry.index}] names '${entry.name}', which is no ${kind} of ${solutionName}.${didYouMean(entry.name, known)}`,
    {
      location: entryLocation(settings, entry),
      hint: `${defined} Write each ${key} exactly as the solution has it, case included (pac solution create-settings writes them from the solution zip), and remove an entry of another solution.`,
    },
  );
}

function otherCaseWarning(
  settings: DeploymentSettings,
  entry: DeploymentSettingsEntry,
  solutionsName: string,
  solutionName: string,
  cwd: string,
): string {
  const kind = entry.list === 'EnvironmentVariables' ? 'environment variable' : 'connection reference';
  const { file, line, column } = entryLocation(settings, entry);
  // From the working directory, as the CLI names an error's file: the settings file is read by its
  // absolute path, which the warning printed whole (/home/runner/work/…/deployment/test.json:3:21).
  const shown = toDisplayPath(cwd, file);
  const where = line === undefined ? shown : `${shown}:${line}:${column ?? 1}`;
  return (
    `${where}: ${entry.list}[${entry.index}] names '${entry.name}', which ${solutionName} writes '${solutionsName}' (the ${kind} differs in letter case only). ` +
    `Dataverse usually matches such names whatever their case, but write it as the solution has it, so that the value surely reaches it.`
  );
}

function unsetVariablesWarning(
  unset: string[],
  solutionName: string,
  settings: DeploymentSettings | undefined,
  say: SaySetting,
): string {
  const one = unset.length === 1;
  const names = joinedList(unset, { quote: "'" });
  const example = `{"EnvironmentVariables": [{"SchemaName": "${unset[0]}", "Value": "…"}]}`;
  return (
    `The environment variable${one ? '' : 's'} ${names} of ${solutionName} ${one ? 'has' : 'have'} no value in the zip ` +
    `(no default value, no current value)${settings ? ', and the deployment settings give it none' : ''}: ` +
    `where the environment has no value of its own, the connector gets none. ` +
    `Give ${one ? 'it' : 'each'} a value in a deployment settings file (${say(SETTINGS_FILE)}): ${example}; ` +
    'or give the variable a default value in the maker portal and export the solution again.'
  );
}
