import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { decodeUtf8Strict } from '../text/decode.js';
import { repositoryFolderName } from './repository-layout.js';

/** How Dataverse knows a connector: its `name` and `connectorid` never change once created. */
export interface ConnectorIdentity {
  name: string;
  connectorId: string;
  displayName: string;
  /**
   * The `info.title` of its API definition in that solution. Often not the display name: the maker
   * names the connector in the portal ("AzureOpenAIService" for "Azure OpenAI Service").
   */
  title?: string;
}

/** A connector of a solution (see `readSolutionConnectors`) or a bare identity, with its title. */
export function identityOf(
  connector: ConnectorIdentity & { files?: Partial<Record<string, { bytes: Buffer }>> },
): ConnectorIdentity {
  const { name, connectorId, displayName } = connector;
  const title = connector.title ?? titleIn(connector.files?.openapidefinition?.bytes);
  return { name, connectorId, displayName, ...(title === undefined ? {} : { title }) };
}

function titleIn(definition: Buffer | undefined): string | undefined {
  if (definition === undefined) return undefined;
  try {
    const { info } = JSON.parse(decodeUtf8Strict(definition, 'openapidefinition')) as {
      info?: { title?: unknown };
    };
    return typeof info?.title === 'string' ? info.title.trim() : undefined;
  } catch {
    // A definition that is not UTF-8 JSON is told by whoever reads it as a connector; here it has no title.
    return undefined;
  }
}

/**
 * The display name a connector built from a folder gets when it keeps `identity`: the one Dataverse
 * has while the folder's title is the one the connector had there, so that an import does not rename
 * a connector nobody renamed; the folder's title once it was edited.
 */
export function displayNameKeeping(identity: ConnectorIdentity, folderTitle: string): string {
  const unedited = identity.title !== undefined && identity.title === folderTitle.trim();
  return unedited && identity.displayName.trim() !== '' ? identity.displayName : folderTitle;
}

/**
 * The identity a connector folder keeps when it is built into a solution again, from the connectors
 * of the solution it was extracted from; undefined for a connector that solution does not have.
 *
 * Why this is needed: a built connector otherwise gets a name and id derived from its title and the
 * publisher prefix, which are not those Dataverse gave the original, so importing the rebuilt
 * solution would add a second connector beside it instead of updating it.
 *
 * Matched first on the display name or the title it had in that solution (extract writes the
 * swagger's `info.title` unchanged), then on the folder's name, which extract derives from the display
 * name: so a connector whose title was edited after extraction still finds its original.
 */
export function existingIdentityOf(
  folder: string,
  displayName: string,
  existing: readonly ConnectorIdentity[],
  existingSource: string,
): ConnectorIdentity | undefined {
  const title = displayName.trim().toLowerCase();
  const byTitle = existing.filter(
    (connector) =>
      connector.displayName.trim().toLowerCase() === title || connector.title?.toLowerCase() === title,
  );
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
      `matches several connectors of ${existingSource}: ${candidates.map((c) => c.name).join(', ')}.`,
      {
        location: { file: folder },
        hint: 'Give those connectors different display names, or build this folder without --existing.',
      },
    );
  }
  const match = candidates[0];
  if (match && match.connectorId === '') {
    throw new UserError(`has no connectorid for the connector ${match.name}.`, {
      location: { file: existingSource },
      hint: 'Export the solution again from Dataverse: exports always carry the connector id.',
    });
  }
  return match;
}
