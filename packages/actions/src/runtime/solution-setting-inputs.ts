import { SolutionSettingError, type SolutionSetting } from '@connector-alm/solution';

/**
 * Runs `work`; a solution setting the library refuses is said of the input that gave it, in the
 * library's words ("Input 'version': '1.2.3.4.5' is not a solution version."). The action does not
 * check the value itself, so the problem and its advice are said in one place.
 */
export async function namingSolutionInputs<T>(
  inputOf: Partial<Record<SolutionSetting, string>>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const input = error instanceof SolutionSettingError ? inputOf[error.setting] : undefined;
    if (input !== undefined) throw (error as SolutionSettingError).namedAs(`Input '${input}':`);
    throw error;
  }
}
