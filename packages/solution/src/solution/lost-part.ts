import { UserError } from '@connector-alm/core';
import { FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION } from './layout.js';

/**
 * A folder unpack wrote that has Other/Solution.xml without Other/Customizations.xml, or the
 * reverse: a solution with a part missing (exit code 1), not a folder that holds none (exit code 2).
 * The error names the one it lacks, and how to get it back.
 */
export function lostPartError(folder: string, hasManifest: boolean): UserError {
  const [kept, lost, what] = hasManifest
    ? [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS, "the solution's components"]
    : [FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION, "the solution's manifest"];
  return new UserError(`has ${kept} but no ${lost}, ${what}.`, {
    location: { file: folder },
    hint: `Restore ${lost} (e.g. from git), or unpack the solution again.`,
  });
}
