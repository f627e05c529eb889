import path from 'node:path';
import type { UserError } from '@connector-alm/core';
import { FOLDER_CUSTOMIZATIONS } from './layout.js';
import { packedAs, solutionError } from './solution-errors.js';

const TEMPLATES = 'Templates/';

/**
 * An export keeps its email, contract, article and mail merge templates inline in <Templates> of
 * customizations.xml and has no Templates/ folder (none of the real exports in the fixtures has an
 * entry there, and each has <Templates /> in its customizations); Dataverse's import reads the
 * templates from there. The files pac writes to Templates/ are refused as pac's split layout
 * (pac-split-files.ts); any other file there would go into the zip as an entry the import never
 * reads, and the template it was meant to add or change would be missing, without a word.
 */
export function isStrayTemplatesFile(packagePath: string): boolean {
  return packagePath.startsWith(TEMPLATES);
}

/** Why pack refuses `file` (folder-relative, read for the package path `packagePath`). */
export function strayTemplatesFileError(folder: string, file: string, packagePath: string): UserError {
  return solutionError(
    path.join(folder, file),
    `is not part of the solution: a solution keeps its templates inline in <Templates> of ${FOLDER_CUSTOMIZATIONS}, not in files of Templates/. ` +
      `Pack would put it into the zip${packedAs(file, packagePath)}, ` +
      'an entry Dataverse does not read, so the imported solution would lack whatever it holds.',
    `Move the template into <Templates> of ${FOLDER_CUSTOMIZATIONS} (as an export from Dataverse has it), ` +
      'or move the file out of the solution folder.',
  );
}

/**
 * Why unpack refuses a zip entry under Templates/ that is not pac's: Dataverse does not read it at
 * import, and pack would refuse the folder it gave.
 */
export function templatesEntryError(archive: string, entry: string): UserError {
  return solutionError(
    `${archive}/${entry}`,
    `is in Templates/, which an export does not have: Dataverse reads templates from <Templates> of customizations.xml, not from this entry. Unpacked, it would give a folder that pack refuses.`,
    'Export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the entry.',
  );
}
