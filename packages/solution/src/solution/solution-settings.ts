import { RefusedSettingError } from '@connector-alm/core';
import { versionFault } from './manifest.js';
import { isUniqueName } from './unique-name.js';

/**
 * The solution settings that buildSolution, packSolution and unpackSolution check, named by their
 * path in BuildSolutionOptions (packSolution's `version` is the same setting) or UnpackOptions.
 */
export type SolutionSetting =
  | 'uniqueName'
  | 'version'
  | 'resetVersion'
  | 'publisher.uniqueName'
  | 'publisher.prefix'
  | 'publisher.optionValuePrefix';

/**
 * A solution setting that Dataverse would refuse. The problem and its advice are said here once;
 * `setting` tells a caller which one it was, so that it can name it as its user gives it (an option,
 * an action input) with `namedAs`, instead of checking the value again to say so in its own words.
 */
export class SolutionSettingError extends RefusedSettingError<SolutionSetting> {
  constructor(setting: SolutionSetting, value: string, problem: string, hint: string) {
    super(setting, `'${value}' ${problem}.`, value, problem, hint);
  }
}

// Its own module, as the manifest reader checks unique names too and this module reads versions from it.
export { isUniqueName } from './unique-name.js';

/** Dataverse customization prefixes: 2 to 8 letters or digits, starting with a letter, not "mscrm". */
export function checkPublisherPrefix(prefix: string): boolean {
  return /^[a-z][a-z0-9]{1,7}$/i.test(prefix) && !prefix.toLowerCase().startsWith('mscrm');
}

const UNIQUE_NAME_HINT = 'Use letters, digits and underscores, starting with a letter or an underscore';

export function checkSolutionUniqueName(name: string): void {
  if (!isUniqueName(name))
    throw new SolutionSettingError(
      'uniqueName',
      name,
      'is not a solution unique name',
      `${UNIQUE_NAME_HINT}.`,
    );
}

export function checkSolutionVersion(version: string, setting: 'version' | 'resetVersion' = 'version'): void {
  const fault = versionFault(version);
  if (fault) throw new SolutionSettingError(setting, version, fault.problem, fault.hint);
}

export function checkPublisherUniqueName(name: string): void {
  if (!isUniqueName(name))
    throw new SolutionSettingError(
      'publisher.uniqueName',
      name,
      'is not a publisher unique name',
      `${UNIQUE_NAME_HINT}, as the publisher is named in the target environment.`,
    );
}

export function checkCustomizationPrefix(prefix: string): void {
  if (!checkPublisherPrefix(prefix))
    throw new SolutionSettingError(
      'publisher.prefix',
      prefix,
      'is not a customization prefix',
      'Use 2 to 8 letters or digits, starting with a letter (not mscrm), as in the publisher of the target environment.',
    );
}

/**
 * The option value prefix from its text, as a command line or a workflow gives it. Only digits are
 * taken (Number('') is 0 and Number('1e4') 10000), then the range Dataverse allows.
 */
export function optionValuePrefixFrom(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 10000 || Number(text) > 99999)
    throw new SolutionSettingError(
      'publisher.optionValuePrefix',
      text,
      'is not an option value prefix',
      "Use a whole number from 10000 to 99999: the publisher's option value prefix in the target environment.",
    );
  return Number(text);
}
