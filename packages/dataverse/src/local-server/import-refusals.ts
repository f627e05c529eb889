import type { SolutionManifest } from '../zip/solution-manifest.js';
import { compareVersions } from '../operations/versions.js';
import type { ImportFailure } from './faults.js';

/**
 * Imports Dataverse refuses because of the solution already installed, with its code and words.
 *
 * Known: an unmanaged package over a managed solution is ImportSolutionUnmanagedToManagedMismatch
 * (-2147188671, 0x80048041), and a managed package over an unmanaged solution its mirror,
 * ImportSolutionManagedToUnmanagedMismatch (-2147188672, 0x80048040); their texts are the SDK's
 * ErrorCodes messages, and the managed-over-unmanaged one ("The solution is already installed on this
 * system as an unmanaged solution and the package supplied is attempting to install it in managed
 * mode. …") is the text users quote from real imports in Microsoft's and community forums.
 * Modelled, not documented: the Web API's answer to ImportSolution, 400 in the OData error shape with
 * that code (dataverse-service.ts), as for the other refusals; for ImportSolutionAsync a system job
 * that succeeds while the import job's log says failure with the code and text. The client matches
 * the words as well as the code (operations/import-mode.ts). A lower version is
 * "The import solution must have a higher version than the existing solution it is upgrading",
 * code 80048541 (Microsoft's troubleshooting article KB 4499878).
 * Assumed: that article speaks of upgrading a managed solution; we refuse a lower version over an
 * unmanaged one too, and let the same version be imported again (a re-import, which Dataverse does).
 * That a managed package over an unmanaged solution is refused whatever its version, before the
 * version is compared, as the unmanaged-over-managed case is: the SDK names the code, not the order.
 * A version with a part above Int32 (Dataverse versions are System.Version, whose parts are Int32)
 * never gets here: readSolutionManifest refuses it, and the import fails as an invalid file.
 */
export const IMPORT_REFUSAL_CODES = {
  unmanagedOverManaged: '0x80048041',
  managedOverUnmanaged: '0x80048040',
  lowerVersion: '0x80048541',
  /** _local_: Dataverse's generic failure, as its code for this refusal is documented nowhere. */
  unmanagedUpgrade: '0x80040216',
} as const;

export function importRefusal(
  installed: SolutionManifest | undefined,
  incoming: SolutionManifest | undefined,
): Required<ImportFailure> | undefined {
  if (!incoming) return undefined;
  if (!installed) return undefined;
  if (installed.managed && !incoming.managed)
    return {
      errorcode: IMPORT_REFUSAL_CODES.unmanagedOverManaged,
      errortext:
        'The solution is already installed on this system as a managed solution and the package supplied is attempting to install it in unmanaged mode. Import can only update solutions when the modes match. Uninstall the current solution and try again.',
    };
  if (!installed.managed && incoming.managed)
    return {
      errorcode: IMPORT_REFUSAL_CODES.managedOverUnmanaged,
      errortext:
        'The solution is already installed on this system as an unmanaged solution and the package supplied is attempting to install it in managed mode. Import can only update solutions when the modes match. Uninstall the current solution and try again.',
    };
  if (compareVersions(incoming.version, installed.version) < 0)
    return {
      errorcode: IMPORT_REFUSAL_CODES.lowerVersion,
      errortext: 'The import solution must have a higher version than the existing solution it is upgrading.',
    };
  return undefined;
}

/**
 * StageAndUpgradeAsync of an unmanaged package: Dataverse stages a managed holding solution, and an
 * unmanaged one cannot be one. The words are ours; clients refuse it before the upload.
 */
export function upgradeRefusal(incoming: SolutionManifest | undefined): Required<ImportFailure> | undefined {
  if (!incoming || incoming.managed) return undefined;
  return {
    errorcode: IMPORT_REFUSAL_CODES.unmanagedUpgrade,
    errortext: 'Only a managed solution can be staged for upgrade; the package supplied is unmanaged.',
  };
}
