import { foundFoldersOfLeft } from './left-found-folders.js';
import { connectorFolder, sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import type { RootFolderListing } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/** A folder of the destination root and the connector it belongs to. */
export interface FolderOwner {
  folder: string;
  connector: SolutionConnector;
}

/**
 * The folders that belong to the connectors of a solution and of its previous version: never
 * another connector's home (connectorHomes), so that extraction cannot overwrite one.
 */
export class FolderOwners {
  private readonly owners: FolderOwner[];

  constructor(owners: readonly FolderOwner[]) {
    this.owners = [...owners];
  }

  /** A folder found as a connector's while its home is looked for: from then on, another's for the rest. */
  add(owner: FolderOwner): void {
    this.owners.push(owner);
  }

  /** The folders, in lower case, of every connector but `connector` (the same logical name or id). */
  takenFrom(connector: SolutionConnector): Set<string> {
    return new Set(
      this.owners
        .filter((owner) => sameConnectorIn([owner.connector], connector) === undefined)
        .map((owner) => owner.folder.toLowerCase()),
    );
  }
}

/**
 * The owners of the folders named after the display names of the solution's connectors and of its
 * previous version's (`previous`), of the renamed connectors' earlier folders, and of the folder
 * found under another name for a connector that left, when it holds that connector as extracted:
 * like its display-name folder, that one is removed as the connector's (removeLeftFolders), not
 * taken by a new connector whose name reads alike ("Contoso-Tasks", another logical name, for the
 * `ContosoTasks` of "Contoso Tasks"), which gets a folder of its own.
 */
export async function folderOwners(
  connectors: readonly SolutionConnector[],
  earlierFolders: readonly (EarlierFolder | undefined)[],
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  rootFolders: RootFolderListing,
): Promise<FolderOwners> {
  const owned = [
    ...connectors.map((connector) => ({ folder: connectorFolder(connector), connector })),
    ...earlierFolders.flatMap((earlier) => (earlier ? [earlier] : [])),
    ...previous.map((connector) => ({ folder: connectorFolder(connector), connector })),
  ];
  if (previous.length > 0) {
    const current = connectors.map((connector) => ({
      name: connector.name,
      folder: connectorFolder(connector),
    }));
    const named = owned.map((owner) => owner.folder);
    for (const left of await foundFoldersOfLeft(previous, destinationRoot, current, named, rootFolders))
      if (left.notAsExtracted === undefined) owned.push({ folder: left.folder, connector: left.connector });
  }
  return new FolderOwners(owned);
}
