import { CONNECTOR_FILE_NAMES, editorLeftover, type UserError } from '@connector-alm/core';
import { solutionError } from './solution-errors.js';
import { strayConnectorFolders, strayFolderOf } from './stray-connector-folders.js';

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
 * - `connector-folder`: every file of a root folder that holds a connector in the
 *   PowerPlatformConnectors layout (`Contoso Tasks/apiDefinition.swagger.json`), copied there or
 *   written there by extract-connectors; see stray-connector-folders. Which folders those are the
 *   folder's files tell (`strays`, from strayConnectorFolders), not one path alone.
 * - `leftover`: anywhere, a file an editor, git or a file manager left beside the one a person
 *   edited (`Connectors/x_swagger.json~`, `Workflows/Flow.json.orig`), see core's editor-leftovers.
 *
 * Dataverse import would refuse such a file or carry it into the environment. Repository metadata
 * (dot files at the root, .git*, .DS_Store, …) is never listed at all (see isRepositoryFile).
 */
export type LeftOutReason =
  { kind: 'root' } | { kind: 'connector-folder'; folder: string } | { kind: 'leftover'; what: string };

const NO_FOLDERS: ReadonlySet<string> = new Set();

/**
 * Why pack leaves `folderPath` (relative to the folder, with '/') out, or undefined when it packs it;
 * `strays` are the folder's stray connector folders (strayConnectorFolders of its files).
 */
export function leftOutReason(
  folderPath: string,
  strays: ReadonlySet<string> = NO_FOLDERS,
): LeftOutReason | undefined {
  if (!folderPath.includes('/')) return { kind: 'root' };
  const folder = strayFolderOf(folderPath, strays);
  if (folder !== undefined) return { kind: 'connector-folder', folder };
  const what = editorLeftover(folderPath.slice(folderPath.lastIndexOf('/') + 1));
  return what === undefined ? undefined : { kind: 'leftover', what };
}

/** Whether pack leaves `folderPath` out of the zip (see LeftOutReason), of a folder with `strays`. */
export function isLeftOut(folderPath: string, strays: ReadonlySet<string> = NO_FOLDERS): boolean {
  return leftOutReason(folderPath, strays) !== undefined;
}

/**
 * The warnings for the files pack left out (PackResult.leftOut, relative to the folder), each file
 * or folder named as `shown` gives it to the user: one for each stray connector folder, with all it
 * holds, and one for each other file (leftOutWarning).
 */
export function leftOutWarnings(leftOut: readonly string[], shown: (folderPath: string) => string): string[] {
  // Every file of such a folder is left out, its swagger among them: the list tells the folders.
  const strays = strayConnectorFolders(leftOut);
  const warnings: string[] = [];
  const told = new Set<string>();
  for (const file of leftOut) {
    const folder = strayFolderOf(file, strays);
    if (folder === undefined) warnings.push(leftOutWarning(shown(file), file));
    else if (!told.has(folder)) {
      told.add(folder);
      const count = leftOut.filter((other) => strayFolderOf(other, strays) === folder).length;
      warnings.push(strayConnectorFolderWarning(shown(folder), count));
    }
  }
  return warnings;
}

/** The warning for a stray connector folder pack left out (`folder` as the user reads it) with its `count` files. */
function strayConnectorFolderWarning(folder: string, count: number): string {
  return (
    `${folder}: left out of the solution zip with the ${count === 1 ? 'file' : `${count} files`} in it: ` +
    `a folder at the root of a solution holding ${CONNECTOR_FILE_NAMES.swagger} is a connector in the PowerPlatformConnectors layout, ` +
    'not a part of the solution, which keeps its connectors in Connectors/ as unpack wrote them. ' +
    'Move the folder out of the solution folder (extract-connectors writes such folders beside it) to silence this.'
  );
}

/**
 * The warning for a file pack left out (`file` as the user reads it, `folderPath` relative to the
 * folder): which file, why, what to do if it was meant to be packed. Files of a stray connector
 * folder are told of by their folder (leftOutWarnings).
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
 * besides solution.xml, customizations.xml and [Content_Types].xml, in a stray connector folder
 * (`strays`, of the zip's entries), or named as an editor's leftover.
 */
export function leftOutEntryError(
  archive: string,
  entry: string,
  folderPath: string,
  strays: ReadonlySet<string> = NO_FOLDERS,
): UserError {
  const reason = leftOutReason(folderPath, strays);
  if (reason?.kind === 'connector-folder')
    return solutionError(
      `${archive}/${entry}`,
      `is in ${reason.folder}/, which holds ${CONNECTOR_FILE_NAMES.swagger}: a connector in the PowerPlatformConnectors layout, which no export has ` +
        "(a solution's connectors are in Connector/); unpacked, it would be a folder that pack leaves out of the solution.",
      'Export the solution again (Power Apps > Solutions > Export, or the export-solution action), or remove the folder from the zip.',
    );
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
