import { SolutionSettingError, type SolutionSetting } from '@connector-alm/solution';

/*
 * The solution settings of build-solution, pack and unpack are checked by the library, which says what is
 * wrong and what to do; the command line only names the option the value came from. Its error is
 * a usage error (exit code 2), as that of any other option value is.
 */

const OPTION_OF: Record<SolutionSetting, string> = {
  uniqueName: '--unique-name',
  version: '--solution-version',
  resetVersion: '--reset-version',
  'publisher.uniqueName': '--publisher',
  'publisher.prefix': '--prefix',
  'publisher.optionValuePrefix': '--option-value-prefix',
};

/** Runs `work`; a solution setting it refuses is said of the option that gave it. */
export async function namingSolutionOptions<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SolutionSettingError) throw error.namedAs(OPTION_OF[error.setting]);
    throw error;
  }
}
