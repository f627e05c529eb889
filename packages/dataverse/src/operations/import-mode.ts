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

/**
 * Where a zip of the other mode comes from: an export in that mode, or a pack of a folder unpacked from
 * an export in that mode (or from both). Not the zip at hand packed again: pack cannot turn one mode
 * into the other, a folder unpacked from a managed export alone has no unmanaged parts (and the reverse).
 */
const ZIP_OF_MODE = {
  unmanaged: {
    a: 'an unmanaged',
    other: 'a managed',
    exported: { option: 'export without --managed', input: 'export-solution with managed: false' },
    packed: { option: 'pack --package-type unmanaged', input: 'pack-solution with package-type: unmanaged' },
  },
  managed: {
    a: 'a managed',
    other: 'an unmanaged',
    exported: { option: 'export --managed', input: 'export-solution with managed: true' },
    packed: { option: 'pack --package-type managed', input: 'pack-solution with package-type: managed' },
  },
} as const;

/** "Import an unmanaged zip instead: …", with the two ways to get one. */
function zipOfModeAdvice(mode: 'managed' | 'unmanaged', say: SaySetting): string {
  const { a, other, exported, packed } = ZIP_OF_MODE[mode];
  return (
    `Import ${a} zip instead: one exported ${mode} from the source environment (${say(exported)}), ` +
    `or packed (${say(packed)}) from a folder unpacked from ${a} export or from both; ${other} export alone cannot give one.`
  );
}

/** What to do when the environment has the solution installed managed (true) or unmanaged (false). */
export function modeMismatchHint(installedManaged: boolean, say: SaySetting): string {
  const advice = installedManaged
    ? `${zipOfModeAdvice('managed', say)} Or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data.`
    : `${zipOfModeAdvice('unmanaged', say)} Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment).`;
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
