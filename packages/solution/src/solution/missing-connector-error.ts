import type { UserError } from '@connector-alm/core';
import { caseOnlyRenameHint } from './case-only-rename.js';
import type { MissingConnector } from './root-connectors.js';
import { solutionError } from './solution-errors.js';

/**
 * A connector the manifest lists whose files are not in the folder: what is missing, what to do.
 * pack and extract-connectors refuse such a folder alike, so that extraction does not take the
 * connector for one that left the solution and remove its folder. `files` are the folder's, with `/`:
 * one that differs from the connector's file in letter case only is named, to rename.
 */
export function missingConnectorError(
  file: string,
  logicalFile: string,
  connector: MissingConnector,
  files: Iterable<string>,
): UserError {
  const remove = `to drop the connector from the solution, remove its <RootComponent type="372"> from ${logicalFile}.`;
  if (connector.schemaName !== undefined) {
    const document = `Connectors/${connector.schemaName}.xml`;
    return solutionError(
      file,
      `lists connector ${connector.schemaName} (<RootComponent type="372">) but ${document} is missing.`,
      caseOnlyRenameHint(document, files) ??
        `Restore ${document} and its side files (e.g. from git), or, ${remove}`,
    );
  }
  return solutionError(
    file,
    `lists connector ${connector.id ?? '(no id)'} (<RootComponent type="372">) but no file in Connectors/ has that <connectorid>.`,
    `Restore the connector's file in Connectors/ and its side files (e.g. from git), or, ${remove}`,
  );
}
