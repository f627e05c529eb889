import path from 'node:path';
import type { UserError } from '@connector-alm/core';
import { FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION } from './layout.js';
import { packedAs, solutionError } from './solution-errors.js';

const OTHER = 'Other/';

/**
 * Of a package's files (its notes already left out), Other/ holds the manifest and the
 * customizations, which pack turns back into solution.xml and customizations.xml. An export has no
 * Other/ folder, so any other file there would go into the zip as an entry Dataverse never reads:
 * whatever it was meant to add would be missing after the import, without a word.
 */
export function isStrayOtherFile(packagePath: string): boolean {
  return (
    packagePath.startsWith(OTHER) && packagePath !== FOLDER_SOLUTION && packagePath !== FOLDER_CUSTOMIZATIONS
  );
}

/** Why pack refuses `file` (folder-relative, read for the package path `packagePath`). */
export function strayOtherFileError(folder: string, file: string, packagePath: string): UserError {
  return solutionError(
    path.join(folder, file),
    `is not part of the solution: of the solution's files, Other/ holds only ${FOLDER_SOLUTION} and ${FOLDER_CUSTOMIZATIONS}. ` +
      `Pack would put it into the zip${packedAs(file, packagePath)}, ` +
      'an entry Dataverse does not read, so the imported solution would lack whatever it holds.',
    `Move what it holds into ${FOLDER_CUSTOMIZATIONS} (components) or ${FOLDER_SOLUTION} (the manifest), ` +
      'or move the file out of the solution folder.',
  );
}

/**
 * Why unpack refuses a zip entry under Other/: unpack writes the manifest and customizations there,
 * and pack would not put the entry back.
 */
export function otherEntryError(archive: string, entry: string): UserError {
  return solutionError(
    `${archive}/${entry}`,
    `is in Other/, where an unpacked solution keeps its manifest and customizations; pack would not put it back, so the folder could not be packed.`,
    'An export from Dataverse has no Other/ folder: export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the entry.',
  );
}
