import path from 'node:path';
import { UserError, type SaySetting } from '@connector-alm/core';
import { renamedLeftAlone, whyNotRenamedOwn } from './earlier-found-folder.js';
import type { FoundUnder } from './extracted-connector.js';
import { howFound } from './how-found.js';
import type { LeftAloneFolder } from './left-connectors.js';
import { ownFolderCandidates, type OwnFolderCandidate, type OwnFolderSearch } from './own-folder.js';
import { foundFoldersOfLeft } from './left-found-folders.js';
import { connectorFolder, sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import { isInRoot, type RootFolderListing } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/** Where a connector is written, and the earlier folder of a renamed one that it moves from. */
export interface ConnectorHome {
  folder: string;
  found?: FoundUnder;
  earlier?: EarlierFolder;
  /**
   * The folder found under a renamed connector's earlier display name that does not hold it as
   * extracted (whyNotRenamedOwn): neither moved from nor written into, and why.
   */
  leftAlone?: LeftAloneFolder;
}

/**
 * Where each connector goes, decided for all before any is written:
 * - its display-name folder when that exists;
 * - a renamed connector (`earlierFolders`, its previous display-name folder) moves there from its
 *   earlier folder, as it always did. When that earlier folder is not there, the one folder of the
 *   destination root that held it under another name (ownFolderCandidates for its earlier display
 *   name) is where it was: it stays there, since that name was never its display name's and so does
 *   not follow it (upstream's `365Training` stays when "365 Training" becomes "365 Training Hub"),
 *   unless its new display-name folder is there already, which it then moves to from the found one.
 *   Both only when the found folder holds the connector as extracted, from the previous solution
 *   or this one (whyNotRenamedOwn): another connector's folder titled as its earlier name is left
 *   alone (`leftAlone`), and the connector goes to its display-name folder without its files;
 * - else the one folder of the destination root that already holds it under another name;
 * - else its display-name folder, new.
 * Several folders that could be a connector's, now or before its rename, are refused before anything
 * is written. The root's folders (`rootFolders`) are read once, and only when one is looked for.
 */
export async function connectorHomes(
  source: string,
  destinationRoot: string,
  rootFolders: RootFolderListing,
  connectors: readonly SolutionConnector[],
  earlierFolders: readonly (EarlierFolder | undefined)[],
  // ExtractOptions.previousConnectors; not the options' type, which would make extract.ts and this
  // file import each other.
  options: { previousConnectors?: readonly SolutionConnector[]; say?: SaySetting },
): Promise<ConnectorHome[]> {
  // The folders of the connectors of this solution and of its previous version: never another's home.
  const previous = options.previousConnectors ?? [];
  const owned = [
    ...connectors.map((connector) => ({ folder: connectorFolder(connector), connector })),
    ...earlierFolders.flatMap((earlier) => (earlier ? [earlier] : [])),
    ...previous.map((connector) => ({ folder: connectorFolder(connector), connector })),
  ];
  // And the folder found under another name for a connector that left, when it holds that connector
  // as extracted: like its display-name folder, it is removed as the connector's (removeLeftFolders),
  // not taken by a new connector whose name reads alike ("Contoso-Tasks", another logical name, for
  // the `ContosoTasks` of "Contoso Tasks"), which gets a folder of its own.
  if (previous.length > 0) {
    const current = connectors.map((connector) => ({
      name: connector.name,
      folder: connectorFolder(connector),
    }));
    const named = owned.map((owner) => owner.folder);
    for (const left of await foundFoldersOfLeft(previous, destinationRoot, current, named, rootFolders))
      if (left.notAsExtracted === undefined) owned.push({ folder: left.folder, connector: left.connector });
  }
  const takenFrom = (connector: SolutionConnector): Set<string> =>
    new Set(
      owned
        .filter((owner) => sameConnectorIn([owner.connector], connector) === undefined)
        .map((owner) => owner.folder.toLowerCase()),
    );
  const exists = (folder: string): Promise<boolean> => isInRoot(destinationRoot, folder);
  /** The one folder that holds the connector `search` looks for, if any; several are refused. */
  const onlyCandidate = async (
    search: OwnFolderSearch,
    taken: ReadonlySet<string>,
    refusal: (count: number, candidates: string) => string,
  ): Promise<OwnFolderCandidate | undefined> => {
    const candidates = ownFolderCandidates(search, await rootFolders(), taken);
    if (candidates.length > 1)
      throw new UserError(
        `${refusal(candidates.length, candidates.map((candidate) => candidateText(candidate, search.displayName)).join(', '))} Nothing was written.`,
        {
          location: { file: destinationRoot },
          hint: `Rename the folder that holds the connector to '${search.folder}', then extract again.`,
        },
      );
    return candidates[0];
  };

  // First where each renamed connector was, so that no other connector takes that folder for its own.
  const wasIn: (
    { earlier: EarlierFolder; found?: OwnFolderCandidate; leftAlone?: LeftAloneFolder } | undefined
  )[] = [];
  for (const [index, connector] of connectors.entries()) {
    const earlier = earlierFolders[index];
    if (!earlier || (await exists(earlier.folder))) {
      wasIn.push(earlier && { earlier });
      continue;
    }
    const earlierName = earlier.connector.displayName || earlier.connector.name;
    const newFolder = connectorFolder(connector);
    // Its new display-name folder is where it goes, never where it was.
    const taken = new Set([...takenFrom(connector), newFolder.toLowerCase()]);
    const displayName = connector.displayName || connector.name;
    const found = await onlyCandidate(
      { displayName: earlierName, folder: earlier.folder, alsoTitled: displayName },
      taken,
      (count, candidates) =>
        `has no folder '${earlier.folder}' for connector '${connector.name}' of ${source} as it was before it was renamed to "${displayName}", and ${count} folders that could have held it: ${candidates}.`,
    );
    if (!found) {
      wasIn.push({ earlier });
      continue;
    }
    // Its earlier folder is most often missing because an earlier run moved it away: the folder
    // found then may be another connector's titled alike, whose files it must neither carry nor
    // overwrite, nor the folder remove.
    const why = await whyNotRenamedOwn(
      path.join(destinationRoot, found.folder),
      earlier.connector,
      connector,
    );
    if (why !== undefined) {
      const leftAlone = renamedLeftAlone(
        { ...found, notAsExtracted: why },
        connector,
        earlier.connector,
        options.say,
      );
      wasIn.push({ earlier, leftAlone });
      continue;
    }
    owned.push({ folder: found.folder, connector });
    const foundEarlier = { folder: found.folder, connector: earlier.connector };
    // Its earlier folder but for case, the same folder on Windows and macOS: it moves from there as
    // from that folder.
    if (found.folder.toLowerCase() === earlier.folder.toLowerCase()) wasIn.push({ earlier: foundEarlier });
    else wasIn.push({ earlier: foundEarlier, found });
  }

  const homes: ConnectorHome[] = [];
  for (const [index, connector] of connectors.entries()) {
    const folder = connectorFolder(connector);
    const was = wasIn[index];
    const leftAlone = was?.leftAlone ? { leftAlone: was.leftAlone } : {};
    if (await exists(folder)) homes.push(was ? { folder, earlier: was.earlier, ...leftAlone } : { folder });
    else if (was?.found) {
      const earlierDisplayName = was.earlier.connector.displayName || was.earlier.connector.name;
      homes.push({
        folder: was.found.folder,
        found: { instead: folder, matched: was.found.matched, earlierDisplayName },
      });
    } else if (was) homes.push({ folder, earlier: was.earlier, ...leftAlone });
    else {
      const displayName = connector.displayName || connector.name;
      const found = await onlyCandidate(
        { displayName, folder },
        takenFrom(connector),
        (count, candidates) =>
          `has no folder '${folder}' for connector '${connector.name}' of ${source}, and ${count} folders that could be its own: ${candidates}.`,
      );
      if (found) refuseCaseOnlyFolderOfAnother(source, destinationRoot, connector, folder, found);
      homes.push(
        found ? { folder: found.folder, found: { instead: folder, matched: found.matched } } : { folder },
      );
    }
  }
  return homes;
}

/**
 * How a candidate is named in a refusal: `'365Training' (its API definition's title is "365
 * Training")`; one found by its name is `named like` the display name, shorter in a list of folders.
 */
function candidateText(candidate: OwnFolderCandidate, displayName: string): string {
  const why = candidate.matched === 'title' ? howFound('title', displayName) : `named like "${displayName}"`;
  return `'${candidate.folder}' (${why})`;
}

/**
 * Refuses to write a connector into the folder found for it when that folder differs from its
 * display-name folder only in case and holds another connector by its swagger's title: on Linux it is
 * another folder, which extraction would overwrite. On Windows and macOS it is the display-name folder
 * itself, found as that before any search.
 */
function refuseCaseOnlyFolderOfAnother(
  source: string,
  destinationRoot: string,
  connector: SolutionConnector,
  folder: string,
  found: OwnFolderCandidate,
): void {
  const title = found.titledOtherwise;
  if (title === undefined) return;
  throw new UserError(
    `has no folder '${folder}' for connector '${connector.name}' of ${source}; folder '${found.folder}' differs from it only in case and holds another connector (${howFound('title', title)}). Nothing was written.`,
    {
      location: { file: destinationRoot },
      hint: `If '${found.folder}' is this connector's, rename it to '${folder}'; else rename that other connector's folder after its own display name. Then extract again.`,
    },
  );
}
