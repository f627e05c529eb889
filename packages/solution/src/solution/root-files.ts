import type { UserError } from '@connector-alm/core';
import { solutionError } from './solution-errors.js';

/**
 * Whether a folder file sits at the root of the unpacked folder, where a solution has no file:
 * unpack writes the manifest and the customizations to Other/ and every other part into the folder
 * its zip entry is in (Connectors/, Workflows/, WebResources/ …); the only entries at an export's
 * root are solution.xml, customizations.xml and [Content_Types].xml, and pack makes all three anew.
 * A file there is the repository's (README.md, LICENSE, a zip from an earlier pack, an editor's
 * backup): pack leaves it out of the zip, where Dataverse would refuse or carry it, and says so.
 * Dot files at the root are never listed at all (see isRepositoryFile).
 */
export function isRootFile(folderPath: string): boolean {
  return !folderPath.includes('/');
}

/** The warning for a root file pack left out: which file, why, what to do if it was meant to be packed. */
export function rootFileWarning(file: string): string {
  return (
    `${file}: left out of the solution zip: a solution has no file at the root of its folder. ` +
    'Its parts live in Other/ and the component folders (Connectors/, Workflows/, WebResources/ …); ' +
    'move the file into one of those if it belongs to the solution, or out of the folder to silence this.'
  );
}

/**
 * Why unpack refuses an export entry at the zip's root that is not solution.xml, customizations.xml
 * or [Content_Types].xml: unpacked, it would be a root file, which pack leaves out.
 */
export function rootEntryError(archive: string, entry: string): UserError {
  return solutionError(
    `${archive}/${entry}`,
    'is at the root of the zip, where an export holds only solution.xml, customizations.xml and [Content_Types].xml; ' +
      'unpacked, it would be a file that pack leaves out of the solution.',
    'Export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the entry.',
  );
}
