import { FAIL_ON_LEVELS, FAIL_ON_MEANT, PROFILES, type FailOn, type Profile } from '@connector-alm/validator';
import { readBoolean, readChoice, readLines, readString, readWholeNumber } from '../runtime/inputs.js';

/** The inputs of validate-connector, parsed and checked; names mirror action.yml in camelCase. */
export interface ValidateConnectorInputs {
  paths: string[];
  profile: Profile | 'auto';
  config: string;
  failOn: FailOn;
  sarifFile: string;
  base: string;
  onlyNew: boolean;
  failOnBreaking: boolean;
  maxAnnotations: number;
}

export function readValidateConnectorInputs(): ValidateConnectorInputs {
  return {
    paths: readLines('path'),
    profile: readChoice('profile', ['auto', ...PROFILES] as const, 'auto'),
    config: readString('config'),
    failOn: readChoice('fail-on', FAIL_ON_LEVELS, 'error', FAIL_ON_MEANT),
    sarifFile: readString('sarif-file'),
    base: readString('base'),
    onlyNew: readBoolean('only-new', false),
    failOnBreaking: readBoolean('fail-on-breaking', false),
    // 0 writes none: a repository that reads the SARIF report alone.
    maxAnnotations: readWholeNumber('max-annotations', 10),
  };
}
