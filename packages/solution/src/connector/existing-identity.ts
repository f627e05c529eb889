import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { repositoryFolderName } from './repository-layout.js';

/** How Dataverse knows a connector: its `name` and `connectorid` never change once created. */
export interface ConnectorIdentity {
  name: string;
  connectorId: string;
  displayName: string;
}

/**
 * The identity a connector folder keeps when it is built into a solution again, from the connectors
 * of the solution it was extracted from; undefined for a connector that solution does not have.
 *
 * Why this is needed: a built connector otherwise gets a name and id derived from its title and the
 * publisher prefix, which are not those Dataverse gave the original, so importing the rebuilt
 * solution would add a second connector beside it instead of updating it.
 *
 * Matched first on the display name (the swagger's `info.title`, which extract writes unchanged), then
 * on the folder's name, which extract derives from the display name: so a connector whose title was
 * edited after extraction still finds its original.
 */
export function existingIdentityOf(
  folder: string,
  displayName: string,
  existing: readonly ConnectorIdentity[],
  existingSource: string,
): ConnectorIdentity | undefined {
  const title = displayName.trim().toLowerCase();
  const byTitle = existing.filter((connector) => connector.displayName.trim().toLowerCase() === title);
  const folderName = path.basename(folder).toLowerCase();
  const candidates =
    byTitle.length > 0
      ? byTitle
      : existing.filter(
          (connector) =>
            repositoryFolderName(connector.displayName || connector.name).toLowerCase() === folderName,
        );
  if (candidates.length > 1) {
    throw new UserError(
      `${folder} matches several connectors of ${existingSource}: ${candidates.map((c) => c.name).join(', ')}.`,
      { hint: 'Give those connectors different display names, or build this folder without --existing.' },
    );
  }
  const match = candidates[0];
  if (match && match.connectorId === '') {
    throw new UserError(`The connector ${match.name} in ${existingSource} has no connectorid.`, {
      hint: 'Export the solution again from Dataverse: exports always carry the connector id.',
    });
  }
  return match;
}
