import path from 'node:path';
import type { SaySetting } from '@connector-alm/core';
import { whyNotAsExtracted } from './as-extracted.js';
import type { HomeSearch } from './home-search.js';
import { howFound } from './how-found.js';
import type { LeftAloneFolder } from './left-connectors.js';
import { PREVIOUS_SOURCE } from './makers-edits.js';
import type { OwnFolderCandidate, OwnFolderMatch } from './own-folder.js';
import { connectorFolder, type EarlierFolder } from './renamed-connectors.js';
import { isInRoot } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/** Where a renamed connector was, as connectorHomes decides its home from it. */
export interface RenamedWasIn {
  /** The folder it moves from: its earlier folder, or the one found for it under its earlier name. */
  earlier: EarlierFolder;
  /** The folder found under its earlier name, named otherwise than that name: it stays there. */
  found?: OwnFolderCandidate;
  /** The folder found under its earlier name that does not hold it as extracted, and why. */
  leftAlone?: LeftAloneFolder;
}

/**
 * Where a renamed connector (`earlier`, its previous display-name folder) was: that folder when it is
 * there. Else the one folder of the destination root that held it under its earlier display name
 * (ownFolderCandidates), never its new display-name folder nor another connector's; found, that
 * folder is the connector's from then on (`search.owners`). Such a folder differing from the earlier
 * one only in case is the same folder on Windows and macOS: it moves from there as from that folder.
 * A found folder that does not hold the connector as extracted (whyNotRenamedOwn) is left alone.
 * Undefined for a connector not renamed.
 */
export async function renamedConnectorWasIn(
  connector: SolutionConnector,
  earlier: EarlierFolder | undefined,
  search: HomeSearch,
): Promise<RenamedWasIn | undefined> {
  if (!earlier || (await isInRoot(search.destinationRoot, earlier.folder))) return earlier && { earlier };
  const earlierName = earlier.connector.displayName || earlier.connector.name;
  const displayName = connector.displayName || connector.name;
  // Its new display-name folder is where it goes, never where it was.
  const taken = new Set([...search.owners.takenFrom(connector), connectorFolder(connector).toLowerCase()]);
  const found = await search.onlyCandidate(
    { displayName: earlierName, folder: earlier.folder, alsoTitled: displayName },
    taken,
    (count, candidates) =>
      `has no folder '${earlier.folder}' for connector '${connector.name}' of ${search.source} as it was before it was renamed to "${displayName}", and ${count} folders that could have held it: ${candidates}.`,
  );
  if (!found) return { earlier };
  // Its earlier folder is most often missing because an earlier run moved it away: the folder
  // found then may be another connector's titled alike, whose files it must neither carry nor
  // overwrite, nor the folder remove.
  const why = await whyNotRenamedOwn(
    path.join(search.destinationRoot, found.folder),
    earlier.connector,
    connector,
  );
  if (why !== undefined) {
    const leftAlone = renamedLeftAlone(
      { ...found, notAsExtracted: why },
      connector,
      earlier.connector,
      search.say,
    );
    return { earlier, leftAlone };
  }
  search.owners.add({ folder: found.folder, connector });
  const foundEarlier = { folder: found.folder, connector: earlier.connector };
  return found.folder.toLowerCase() === earlier.folder.toLowerCase()
    ? { earlier: foundEarlier }
    : { earlier: foundEarlier, found };
}

/**
 * Why `folder`, found under its earlier display name for a renamed connector whose earlier folder is
 * not there, does not show it was that connector's, or undefined when it does: it holds the connector
 * as extraction wrote it, from the previous solution (`earlier`, the run that put it there) or from
 * this one (`connector`, an earlier run from the same snapshots that kept it there). Only that tells
 * it from another connector's folder titled alike (upstream's `Snowflake v2 Archive` is titled
 * "Snowflake" too), which the connector would otherwise write over, or carry files from and remove.
 * The reason given is the previous solution's.
 */
export async function whyNotRenamedOwn(
  folder: string,
  earlier: SolutionConnector,
  connector: SolutionConnector,
): Promise<string | undefined> {
  const why = await whyNotAsExtracted(folder, earlier);
  if (why === undefined) return undefined;
  return (await whyNotAsExtracted(folder, connector)) === undefined ? undefined : why;
}

/** The found folder a renamed connector did not take, and the warning that says why. */
function renamedLeftAlone(
  found: { folder: string; matched: OwnFolderMatch; notAsExtracted: string },
  connector: SolutionConnector,
  earlier: SolutionConnector,
  say: SaySetting,
): LeftAloneFolder {
  const displayName = connector.displayName || connector.name;
  const earlierName = earlier.displayName || earlier.name;
  return {
    folder: found.folder,
    warning:
      `left alone: connector '${connector.name}' ("${displayName}") was "${earlierName}" in ${say(PREVIOUS_SOURCE)}, and this folder could be the one it was in (${howFound(found.matched, earlierName)}), ` +
      `but it holds the connector neither as ${say(PREVIOUS_SOURCE)} gives it nor as the solution does (${found.notAsExtracted}): it may be another connector's. ` +
      `The connector was written to its display-name folder, and nothing of this one was carried there; move your files from it yourself if it was this connector's.`,
  };
}
