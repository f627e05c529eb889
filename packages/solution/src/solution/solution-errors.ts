import { UserError } from '@connector-alm/core';

/** The archive is a zip, but not a Dataverse solution export. */
export class NotASolutionError extends UserError {
  constructor(archive: string, names: readonly string[]) {
    super(
      `${archive} is not a Dataverse solution: it has no solution.xml and customizations.xml at its root.`,
      {
        location: { file: archive },
        hint: hintFor(names),
      },
    );
  }
}

/** What to do when the zip is a legacy flow package (Export > Package (.zip)), not a solution. */
export function legacyFlowPackageHint(names: readonly string[]): string | undefined {
  if (names.includes('manifest.json') && names.some((name) => name.startsWith('Microsoft.Flow/')))
    return 'It is a legacy Power Automate flow package (Export > Package (.zip)); export the flow inside a solution instead.';
  return undefined;
}

function hintFor(names: readonly string[]): string {
  const legacy = legacyFlowPackageHint(names);
  if (legacy) return legacy;
  if (names.some((name) => name.startsWith('PkgAssets/'))) {
    return 'It is a Package Deployer package; unpack the solution zips inside PkgAssets/ instead.';
  }
  return 'Export the solution from Power Apps (Solutions > Export) or with the export-solution action.';
}

/** A problem in a solution part, named by its zip entry or folder file. */
export function solutionError(file: string, problem: string, hint?: string): UserError {
  return new UserError(`${file}: ${problem}`, { location: { file }, ...(hint ? { hint } : {}) });
}
