import type { Option } from 'commander';
import { optionDefaultingTo } from './option-help.js';

/**
 * `--config <file>`, for every command that judges connectors with the validation rules (validate,
 * pr): one option, so that it reads and is documented alike wherever a finding's level counts. The
 * commands read it with the validator's loadConfig, which also finds the file when it is not given.
 */
export function configOption(): Option {
  return optionDefaultingTo(
    '--config <file>',
    'the configuration file',
    '.connector-alm.yml (or .yaml, .json) of the working directory or the nearest folder above it, up to the repository root',
  );
}
