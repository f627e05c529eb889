import { optionWords, UserError, type SaySetting } from '@connector-alm/core';
import { renamedConnectorWasIn, type RenamedWasIn } from './earlier-found-folder.js';
import type { FoundUnder } from './extracted-connector.js';
import { folderInEarlierCase } from './folder-in-earlier-case.js';
import { folderOwners } from './folder-owners.js';
import { homeSearch, type HomeSearch } from './home-search.js';
import { folderInOtherRoot, type OtherRootFolder } from './other-root-folder.js';
import { howFound } from './how-found.js';
import type { LeftAloneFolder } from './left-connectors.js';
import type { OwnFolderCandidate } from './own-folder.js';
import { connectorFolder, type EarlierFolder } from './renamed-connectors.js';
import { isInRoot, type RootFolderListing } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/** Where a connector is written, and the earlier folder of a renamed one that it moves from. */
export interface ConnectorHome {
  folder: string;
  found?: FoundUnder;
  earlier?: EarlierFolder;
  /**
   * The folders that could have held the connector and do not hold it as extracted
   * (whyNotRenamedOwn), neither moved from nor written into, each with why: the one found under a
   * renamed connector's earlier display name, and the one another root has for it (folderInOtherRoot).
   */
  leftAlone?: LeftAloneFolder[];
  /**
   * The display-name folder that `folder`, named after the connector's earlier display name, is
   * renamed to once written: the display name changed only in letter case (folderInEarlierCase).
   */
  renameTo?: string;
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
 *   alone (`leftAlone`), and the connector goes to its display-name folder without its files (moved
 *   into from another root's folder that holds it, as below);
 * - else the one folder of the destination root that already holds it under another name;
 * - else its display-name folder, new; moved into from the folder another root of the same solution
 *   has for it as extracted (`options.otherRoots`, folderInOtherRoot), as from a renamed connector's
 *   earlier folder, when that root had it before this one (one selection per root).
 * A connector whose display name changed only in letter case is written into the folder of its
 * earlier one, which is then renamed to the new case (folderInEarlierCase).
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
  // file import each other. `notSelected`: the solution's connectors left out of this extraction
  // (selectConnectors), with their earlier folders; no home is looked for them, but the folders
  // named after them are theirs. Required: the extraction always knows them, and a default for it
  // was read by no caller.
  options: {
    previousConnectors?: readonly SolutionConnector[];
    notSelected: readonly { connector: SolutionConnector; earlier?: EarlierFolder | undefined }[];
    say?: SaySetting;
    otherRoots?: readonly string[];
  },
): Promise<ConnectorHome[]> {
  const previous = options.previousConnectors ?? [];
  const owners = await folderOwners(
    [...connectors, ...options.notSelected.map(({ connector }) => connector)],
    [...earlierFolders, ...options.notSelected.map(({ earlier }) => earlier)],
    previous,
    destinationRoot,
    rootFolders,
  );
  const say = options.say ?? optionWords;
  const search = homeSearch(source, destinationRoot, rootFolders, owners, say);
  const otherRoots = options.otherRoots ?? [];
  const inOtherRoot = (connector: SolutionConnector) =>
    folderInOtherRoot(connector, previous, destinationRoot, otherRoots, say);
  // First where each renamed connector was, so that no other connector takes that folder for its own.
  const wasIn: (RenamedWasIn | undefined)[] = [];
  for (const [index, connector] of connectors.entries())
    wasIn.push(await renamedConnectorWasIn(connector, earlierFolders[index], search));
  const homes: ConnectorHome[] = [];
  for (const [index, connector] of connectors.entries()) {
    const inEarlierCase = await folderInEarlierCase(connector, previous, destinationRoot);
    homes.push(
      inEarlierCase === undefined
        ? await homeOf(connector, wasIn[index], search, inOtherRoot)
        : { folder: inEarlierCase, renameTo: connectorFolder(connector) },
    );
  }
  return homes;
}

/**
 * Where `connector` goes, given where it was if it was renamed (`was`, renamedConnectorWasIn): its
 * display-name folder when that is there; else the folder found for it under its earlier display
 * name, where it stays; else, renamed, its display-name folder, new; else the one folder of the root
 * that holds it under another name; else its display-name folder, new. A new folder, when the
 * connector was renamed without an earlier folder here or not renamed, is moved into from the folder
 * another root of the solution has for it (`inOtherRoot`, folderInOtherRoot), if one does.
 */
async function homeOf(
  connector: SolutionConnector,
  was: RenamedWasIn | undefined,
  search: HomeSearch,
  inOtherRoot: (connector: SolutionConnector) => Promise<OtherRootFolder | undefined>,
): Promise<ConnectorHome> {
  const folder = connectorFolder(connector);
  // Another connector's folder found under its earlier name: said left alone, wherever it goes.
  const aloneHere = was?.leftAlone ? [was.leftAlone] : [];
  if (await isInRoot(search.destinationRoot, folder))
    return was ? { folder, earlier: was.earlier, ...saying(aloneHere) } : { folder };
  if (was?.found) {
    const earlierDisplayName = was.earlier.connector.displayName || was.earlier.connector.name;
    return {
      folder: was.found.folder,
      found: { instead: folder, matched: was.found.matched, earlierDisplayName },
    };
  }
  if (was) {
    // Renamed, with nothing of it in this root: it may have been in another one. A folder here titled
    // as it was and left alone is another connector's, not where it was: the connector still moves
    // from the other root's folder (else that one stayed, and the pull request held it twice).
    if (!(await isInRoot(search.destinationRoot, was.earlier.folder))) {
      const other = await inOtherRoot(connector);
      if (other && 'earlier' in other) return { folder, earlier: other.earlier, ...saying(aloneHere) };
      if (other) return { folder, leftAlone: [...aloneHere, other.leftAlone] };
    }
    return { folder, earlier: was.earlier, ...saying(aloneHere) };
  }
  const displayName = connector.displayName || connector.name;
  const found = await search.onlyCandidate(
    { displayName, folder },
    search.owners.takenFrom(connector),
    (count, candidates) =>
      `has no folder '${folder}' for connector '${connector.name}' of ${search.source}, and ${count} folders that could be its own: ${candidates}.`,
  );
  if (!found) {
    const other = await inOtherRoot(connector);
    return other && 'leftAlone' in other ? { folder, leftAlone: [other.leftAlone] } : { folder, ...other };
  }
  refuseCaseOnlyFolderOfAnother(search, connector, folder, found);
  return { folder: found.folder, found: { instead: folder, matched: found.matched } };
}

/** A home's `leftAlone`: there only when a folder is left alone. */
function saying(leftAlone: LeftAloneFolder[]): Pick<ConnectorHome, 'leftAlone'> {
  return leftAlone.length > 0 ? { leftAlone } : {};
}

/**
 * Refuses to write a connector into the folder found for it when that folder differs from its
 * display-name folder only in case and holds another connector by its swagger's title: on Linux it is
 * another folder, which extraction would overwrite. On Windows and macOS it is the display-name folder
 * itself, found as that before any search.
 */
function refuseCaseOnlyFolderOfAnother(
  search: HomeSearch,
  connector: SolutionConnector,
  folder: string,
  found: OwnFolderCandidate,
): void {
  const title = found.titledOtherwise;
  if (title === undefined) return;
  throw new UserError(
    `has no folder '${folder}' for connector '${connector.name}' of ${search.source}; folder '${found.folder}' differs from it only in case and holds another connector (${howFound('title', title)}). Nothing was written.`,
    {
      location: { file: search.destinationRoot },
      hint: `If '${found.folder}' is this connector's, rename it to '${folder}'; else rename that other connector's folder after its own display name. Then extract again.`,
    },
  );
}
