import { editorLeftover, type UserError } from '@connector-alm/core';
import { solutionError } from './solution-errors.js';

/**
 * Why pack leaves a folder file out of the zip, or undefined when it packs it. The one place that
 * decides it: pack lists these files (PackResult.leftOut) and warns of each; unpack refuses a zip
 * with an entry that would become one, so nothing unpack writes is ever left out, and never deletes
 * one as stale (UnpackResult.kept), so what pack leaves out is the maker's to keep or delete.
 *
 * - `root`: a file at the root of the folder, where a solution has no file. Unpack writes the
 *   manifest and the customizations to Other/ and every other part into the folder its zip entry is
 *   in (Connectors/, Workflows/, WebResources/ …); the only entries at an export's root are
 *   solution.xml, customizations.xml and [Content_Types].xml, and pack makes all three anew. A file
 *   there is the repository's (README.md, LICENSE, a zip from an earlier pack).
 * - `leftover`: anywhere, a file an editor, git or a file manager left beside the one a person
 *   edited (`Connectors/x_swagger.json~`, `Workflows/Flow.json.orig`), see core's editor-leftovers.
 *
 * Dataverse import would refuse such a file or carry it into the environment. Repository metadata
 * (dot files at the root, .git*, .DS_Store, …) is never listed at all (see isRepositoryFile).
 */
export type LeftOutReason = { kind: 'root' } | { kind: 'leftover'; what: string };

/** Why pack leaves `folderPath` (relative to the folder, with '/') out, or undefined when it packs it. */
export function leftOutReason(folderPath: string): LeftOutReason | undefined {
  if (!folderPath.includes('/')) return { kind: 'root' };
  const what = editorLeftover(folderPath.slice(folderPath.lastIndexOf('/') + 1));
  return what === undefined ? undefined : { kind: 'leftover', what };
}

/** Whether pack leaves `folderPath` out of the zip (see LeftOutReason). */
export function isLeftOut(folderPath: string): boolean {
  return leftOutReason(folderPath) !== undefined;
}

/**
 * The warning for a file pack left out (`file` as the user reads it, `folderPath` relative to the
 * folder): which file, why, what to do if it was meant to be packed.
 */
export function leftOutWarning(file: string, folderPath: string): string {
  const reason = leftOutReason(folderPath);
  if (reason?.kind === 'leftover')
    return (
      `${file}: left out of the solution zip: it is ${reason.what}, not a part of the solution. ` +
      'Delete it (or move it out of the folder) to silence this; rename it if the solution needs it.'
    );
  return (
    `${file}: left out of the solution zip: a solution has no file at the root of its folder. ` +
    'Its parts live in Other/ and the component folders (Connectors/, Workflows/, WebResources/ …); ' +
    'move the file into one of those if it belongs to the solution, or out of the folder to silence this.'
  );
}

/**
 * Why unpack refuses an export entry that would become a file pack leaves out: at the zip's root
 * besides solution.xml, customizations.xml and [Content_Types].xml, or named as an editor's leftover.
 */
export function leftOutEntryError(archive: string, entry: string, folderPath: string): UserError {
  const reason = leftOutReason(folderPath);
  if (reason?.kind === 'leftover')
    return solutionError(
      `${archive}/${entry}`,
      `has the name of ${reason.what}; unpacked, it would be a file that pack leaves out of the solution.`,
      'Remove the entry, or rename the file in its component and export the solution again.',
    );
  return solutionError(
    `${archive}/${entry}`,
    'is at the root of the zip, where an export holds only solution.xml, customizations.xml and [Content_Types].xml; ' +
      'unpacked, it would be a file that pack leaves out of the solution.',
    'Export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the entry.',
  );
}
