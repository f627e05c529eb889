import { projectDocUrl, UserError, type SaySetting } from '@connector-alm/core';

/**
 * A solution installed in one mode (managed or unmanaged) and a zip of the other. Dataverse updates a
 * solution only in the mode it was installed in and refuses the rest with "The solution is already
 * installed on this system as an unmanaged solution and the package supplied is attempting to install
 * it in managed mode. …" (and the mirror words). Users meet it when a pipeline changes which zip it
 * imports (the promote workflow's package-type auto chose the unmanaged zip of a folder of both
 * exports before, the managed one now), so the advice says how to stay or how to move.
 */

/** The guide's section on staying with one mode or moving to the other. */
export const IMPORT_MODE_GUIDE_URL = projectDocUrl(
  'docs/getting-started/multiple-environments.md#moving-an-environment-between-unmanaged-and-managed',
);

/**
 * Dataverse's codes for the two refusals (ImportSolutionUnmanagedToManagedMismatch and
 * ImportSolutionManagedToUnmanagedMismatch in the SDK's ErrorCodes); the local server answers with them.
 */
export const MODE_MISMATCH_CODES = {
  unmanagedOverManaged: '0x80048041',
  managedOverUnmanaged: '0x80048040',
} as const;

const UNMANAGED_ZIP = { option: 'pack --package-type unmanaged', input: 'package-type: unmanaged' };
const MANAGED_ZIP = { option: 'pack --package-type managed', input: 'package-type: managed' };

/** What to do when the environment has the solution installed managed (true) or unmanaged (false). */
export function modeMismatchHint(installedManaged: boolean, say: SaySetting): string {
  const advice = installedManaged
    ? `Import the managed zip instead (${say(MANAGED_ZIP)}), or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data.`
    : `Import the unmanaged zip instead (${say(UNMANAGED_ZIP)}), or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment).`;
  return `${advice} See ${IMPORT_MODE_GUIDE_URL}`;
}

/** Which mode the installed solution has, when Dataverse refused an import for a mode mismatch. */
export function installedModeOfRefusal(
  code: string | undefined,
  message: string | undefined,
): 'managed' | 'unmanaged' | undefined {
  const normalized = code?.toLowerCase();
  if (normalized === MODE_MISMATCH_CODES.unmanagedOverManaged) return 'managed';
  if (normalized === MODE_MISMATCH_CODES.managedOverUnmanaged) return 'unmanaged';
  // The words, for a code we do not know (another service version, or the import log's own code).
  const words = /already installed on this system as an? (managed|unmanaged) solution/i.exec(message ?? '');
  return words ? (words[1]!.toLowerCase() as 'managed' | 'unmanaged') : undefined;
}

/** The import refused before anything is sent, located at the zip. */
export function modeMismatchError(
  mismatch: {
    file: string;
    solutionName: string;
    environment: URL;
    installedVersion: string;
    installedManaged: boolean;
  },
  say: SaySetting,
): UserError {
  const [zipMode, installedMode] = mismatch.installedManaged
    ? ['an unmanaged', 'a managed']
    : ['a managed', 'an unmanaged'];
  return new UserError(
    `is ${zipMode} solution, but ${mismatch.environment.origin} has ${mismatch.solutionName} ${mismatch.installedVersion} installed as ${installedMode} solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported.`,
    {
      location: { file: mismatch.file },
      hint: modeMismatchHint(mismatch.installedManaged, say),
    },
  );
}
