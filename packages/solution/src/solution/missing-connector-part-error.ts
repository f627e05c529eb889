import type { UserError } from '@connector-alm/core';
import { caseOnlyRenameHint } from './case-only-rename.js';
import { FOLDER_CONNECTOR_FOLDER, folderPathOf } from './layout.js';
import { solutionError } from './solution-errors.js';

/**
 * A connector file (`connectorFile`, as shown) refers to a part (`/Connector/X_iconblob.Png`) that
 * Connectors/ does not have: pack and extract-connectors say it alike, with the file to rename when
 * one differs in letter case only, else how to get it back. `files` are the folder's, with `/`.
 */
export function missingConnectorPartError(
  connectorFile: string,
  zipName: string,
  files: Iterable<string>,
): UserError {
  const wanted = folderPathOf(zipName);
  return solutionError(
    connectorFile,
    `refers to /${zipName}, but ${FOLDER_CONNECTOR_FOLDER} has no such file.`,
    caseOnlyRenameHint(wanted, files) ?? `Restore ${wanted} (e.g. from git), or unpack the solution again.`,
  );
}
