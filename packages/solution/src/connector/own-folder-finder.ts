import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import type { ExtractOptions } from './extract.js';
import type { FoundUnder } from './extracted-connector.js';
import { candidateText, ownFolderCandidates, type RootFolder } from './own-folder.js';
import { connectorFolder, sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import { readRootFolders } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * Where each connector goes: its display-name folder when that exists, or when the connector was
 * renamed (it moves there from its earlier folder, as it always did); else the one folder of the
 * destination root that already holds it under another name (ownFolderCandidates), read once;
 * else its display-name folder, new. Several such folders are refused before anything is written.
 */
export function ownFolderFinder(
  source: string,
  destinationRoot: string,
  connectors: readonly SolutionConnector[],
  earlierFolders: readonly (EarlierFolder | undefined)[],
  options: Pick<ExtractOptions, 'previousConnectors'>,
): (
  connector: SolutionConnector,
  earlier: EarlierFolder | undefined,
) => Promise<{ folder: string; found?: FoundUnder }> {
  // The folders of the connectors of this solution and of its previous version: never another's home.
  const owned = [
    ...connectors.map((connector) => ({ folder: connectorFolder(connector), connector })),
    ...earlierFolders.flatMap((earlier) => (earlier ? [earlier] : [])),
    ...(options.previousConnectors ?? []).map((connector) => ({
      folder: connectorFolder(connector),
      connector,
    })),
  ];
  const takenFrom = (connector: SolutionConnector): Set<string> =>
    new Set(
      owned
        .filter((owner) => sameConnectorIn([owner.connector], connector) === undefined)
        .map((owner) => owner.folder.toLowerCase()),
    );
  let rootFolders: Promise<RootFolder[]> | undefined;
  return async (connector, earlier) => {
    const folder = connectorFolder(connector);
    if (earlier) return { folder };
    if (await fs.stat(path.join(destinationRoot, folder)).catch(() => undefined)) return { folder };
    rootFolders ??= readRootFolders(destinationRoot);
    const candidates = ownFolderCandidates(
      connector.displayName || connector.name,
      await rootFolders,
      takenFrom(connector),
    );
    if (candidates.length === 0) return { folder };
    if (candidates.length > 1)
      throw new UserError(
        `has no folder '${folder}' for connector '${connector.name}' of ${source}, and ${candidates.length} folders that could be its own: ${candidates.map((candidate) => candidateText(candidate, connector.displayName || connector.name)).join(', ')}. Nothing was written.`,
        {
          location: { file: destinationRoot },
          hint: `Rename the folder that holds the connector to '${folder}', then extract again.`,
        },
      );
    const [candidate] = candidates;
    return { folder: candidate!.folder, found: { instead: folder, matched: candidate!.matched } };
  };
}
