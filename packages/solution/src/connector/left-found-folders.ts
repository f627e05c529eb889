import path from 'node:path';
import { whyNotAsExtracted } from './as-extracted.js';
import { ownFolderCandidates, type OwnFolderMatch } from './own-folder.js';
import { connectorFolder } from './renamed-connectors.js';
import { isInRoot, type RootFolderListing } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/** The folder found under another name for a connector that left the solution. */
export interface LeftFoundFolder {
  connector: SolutionConnector;
  /** Relative to the destination root. */
  folder: string;
  matched: OwnFolderMatch;
  /**
   * Why the folder does not hold the connector as extraction wrote it (whyNotAsExtracted), when it
   * does not: then nothing shows it was this connector's, and it is left alone.
   */
  notAsExtracted?: string;
}

/**
 * The folders found under another name (ownFolderCandidates) for the connectors of `previous` that
 * are not in `current` (the same logical name, which Dataverse never changes) and have no folder of
 * their display name; none for a connector with several candidates, as nothing tells which is its.
 * Never one of `current`'s folders, nor one named after another previous connector or that a renamed
 * one moved from (`named`). Each says whether it holds its connector as extraction wrote it: its
 * display-name folder is most often missing because an earlier run removed it, and the folder found
 * then may be another connector's titled alike. The root's folders (`rootFolders`) are asked for only
 * when a connector that left has no display-name folder.
 */
export async function foundFoldersOfLeft(
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  current: readonly { name: string; folder: string }[],
  named: readonly string[],
  rootFolders: RootFolderListing,
): Promise<LeftFoundFolder[]> {
  const stayed = new Set(current.map((connector) => connector.name.toLowerCase()));
  const found: LeftFoundFolder[] = [];
  for (const connector of previous) {
    if (stayed.has(connector.name.toLowerCase())) continue;
    const folder = connectorFolder(connector);
    if (await isInRoot(destinationRoot, folder)) continue;
    const search = { displayName: connector.displayName || connector.name, folder };
    // Its own display-name folder (another case of it, on Linux) is not another's, though it is named.
    const taken = new Set(
      [...current.map((written) => written.folder), ...named.filter((other) => other !== folder)].map(
        (other) => other.toLowerCase(),
      ),
    );
    const candidates = ownFolderCandidates(search, await rootFolders(), taken);
    if (candidates.length !== 1) continue;
    const { folder: candidate, matched } = candidates[0]!;
    const why = await whyNotAsExtracted(path.join(destinationRoot, candidate), connector);
    found.push({
      connector,
      folder: candidate,
      matched,
      ...(why === undefined ? {} : { notAsExtracted: why }),
    });
  }
  return found;
}
