import type { Option } from 'commander';
import { optionDefaultingTo } from './option-help.js';

/**
 * `--config <file>`, for every command that judges connectors with the validation rules (validate,
 * pr): one option, so that it reads and is documented alike wherever a finding's level counts. The
 * commands read it with the validator's loadConfig, which also finds the file when it is not given
 * (from the paths' repository when the working directory is outside it).
 */
export function configOption(): Option {
  return optionDefaultingTo(
    '--config <file>',
    'the configuration file',
    ".connector-alm.yml (or .yaml, .json) of the working directory or the nearest folder above it, up to the repository root; run from outside the paths' repository, the one at its top level",
  );
}
