import { UsageError, UserError } from '@connector-alm/core';

/**
 * The archive is a zip, but not a Dataverse solution export. A usage error (exit code 2 on the CLI):
 * the zip holds nothing the command reads, so the path given is the mistake, as a missing one is.
 */
export class NotASolutionError extends UsageError {
  constructor(archive: string, names: readonly string[]) {
    super('is not a Dataverse solution: it has no solution.xml and customizations.xml at its root.', {
      location: { file: archive },
      hint: notASolutionHint(names),
    });
  }
}

/** What to do when the zip is a legacy flow package (Export > Package (.zip)), not a solution. */
export function legacyFlowPackageHint(names: readonly string[]): string | undefined {
  if (names.includes('manifest.json') && names.some((name) => name.startsWith('Microsoft.Flow/')))
    return 'It is a legacy Power Automate flow package (Export > Package (.zip)); export the flow inside a solution instead.';
  return undefined;
}

/** What to do with a zip that is not a solution, from the names of its entries. */
export function notASolutionHint(names: readonly string[]): string {
  const legacy = legacyFlowPackageHint(names);
  if (legacy) return legacy;
  if (names.some((name) => name.startsWith('PkgAssets/'))) {
    return 'It is a Package Deployer package; unpack the solution zips inside PkgAssets/ instead.';
  }
  const lower = names.map((name) => name.toLowerCase());
  const unpacked = names.find((_, index) => /(^|\/)other\/solution\.xml$/.test(lower[index]!));
  if (unpacked !== undefined)
    return `It holds an unpacked solution (${unpacked}), not an export: unzip it and pack that folder with connector-alm pack (or the pack-solution action).`;
  // An export zipped with the folder it was extracted to: its parts sit one folder down.
  const nested = lower.find((name) => /^[^/]+\/solution\.xml$/.test(name));
  const folder = nested === undefined ? undefined : names[lower.indexOf(nested)]!.split('/')[0]!;
  if (folder !== undefined && lower.includes(`${folder.toLowerCase()}/customizations.xml`))
    return `Its solution.xml is in ${folder}/: the folder was zipped instead of the files in it. Zip the files inside ${folder}/, or export the solution again.`;
  return 'Export the solution from Power Apps (Solutions > Export) or with the export-solution action.';
}

/**
 * A problem in a solution part, located at its zip entry or folder file. `problem` says what the part
 * does wrong ("has no <Version>."): the location is shown before it, so it reads as a sentence.
 */
export function solutionError(file: string, problem: string, hint?: string): UserError {
  return new UserError(problem, { location: { file }, ...(hint ? { hint } : {}) });
}

/**
 * " as <packagePath>" when pack would write the folder file `file` into the zip under another path
 * (the managed variant of a file in a folder of both exports), else "": the location names the file,
 * and a message does not say it again.
 */
export function packedAs(file: string, packagePath: string): string {
  return file === packagePath ? '' : ` as ${packagePath}`;
}
