import path from 'node:path';
import { isUserError, type UserError } from '@connector-alm/core';
import { whyNotAsExtracted } from './as-extracted.js';
import type { ConnectorSelection } from './connector-selection.js';
import { extractConnectorsLeavingAlone, type ExtractOptions } from './extract.js';
import type { ExtractedConnector } from './extracted-connector.js';
import { removeLeftFolders, type LeftAloneFolder, type NotRemovedFolder } from './left-connectors.js';
import { readSolutionConnectors } from './read-solution-connectors.js';
import {
  connectorFolder,
  earlierFolderIn,
  sameConnectorIn,
  type EarlierFolder,
} from './renamed-connectors.js';
import { isInRoot, rootFoldersOnce } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

export interface ExtractAndRemoveLeftOptions extends ExtractOptions {
  /**
   * The solution as it was last extracted to the destination (a zip or an unpacked folder): the
   * folders of its connectors that the source no longer has are removed. Undefined removes nothing.
   */
  previousSource?: string;
}

export interface ExtractAndRemoveLeftResult {
  connectors: ExtractedConnector[];
  /** The connector folders removed, relative to the destination root. */
  removed: string[];
  /**
   * The folders found under another name for a connector that left, or under a renamed connector's
   * earlier display name, which do not hold it as extraction wrote it: kept, as they may be another
   * connector's, each with its warning.
   */
  leftAlone: LeftAloneFolder[];
  /**
   * The folders of connectors that left (or were renamed) that hold work nothing else has: kept
   * whole, each with its message; the run fails for them, as for a file extraction left as it is.
   */
  notRemoved: NotRemovedFolder[];
  /** Why previousSource could not be read, when it could not; nothing was removed then. */
  previousSourceProblem?: UserError;
  /**
   * With a selection (ExtractOptions.selection), the solution's connectors it left out, in the
   * solution's order: neither written nor removed.
   */
  notSelected?: { name: string; displayName: string }[];
  /**
   * With a selection, the names given that are no connector's name in the source, only the display
   * name a connector had in previousSource: each with that connector's logical name, that earlier
   * display name, and its display name now (undefined when it left the solution). Absent when none.
   */
  formerNames?: FormerName[];
}

/** A name of a selection that selected a connector by the display name it had in previousSource. */
export interface FormerName {
  given: string;
  name: string;
  earlierDisplayName: string;
  displayName?: string;
}

/**
 * What the extract-connectors action and command do: the connectors of `source` into their folders
 * under `destinationRoot` (extractConnectors), then the folders of the connectors that
 * `previousSource` had and `source` has not removed (removeLeftConnectors). The removal is best
 * effort: a last snapshot this version cannot read (pac's layout, an older tool's, a path mistyped)
 * must not stop the connectors of the new one from being written, so its problem is returned for
 * the caller to warn about, and nothing is removed. A connector that previousSource has under
 * another folder was renamed: its new folder gets the readme and other hand-written files of the
 * earlier one before that is removed (extractConnectors' earlierFolder), so the maker's text stays.
 * With a selection (ExtractOptions.selection), only the selected connectors are written, and only
 * those of previousSource that are selected can have left; the others are not touched.
 */
export async function extractAndRemoveLeftConnectors(
  source: string,
  destinationRoot: string,
  options: ExtractAndRemoveLeftOptions = {},
): Promise<ExtractAndRemoveLeftResult> {
  const { previousSource, ...reading } = options;
  const nothingRemoved = { removed: [], leftAlone: [], notRemoved: [] };
  if (previousSource === undefined) {
    const extracted = await extractConnectorsLeavingAlone(source, destinationRoot, reading);
    return { connectors: extracted.connectors, ...nothingRemoved, ...notSelected(reading, extracted) };
  }
  let previous: SolutionConnector[];
  try {
    previous = await readSolutionConnectors(previousSource, reading);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const extracted = await extractConnectorsLeavingAlone(source, destinationRoot, reading);
    return {
      connectors: extracted.connectors,
      ...nothingRemoved,
      previousSourceProblem: error,
      ...notSelected(reading, extracted),
    };
  }
  // The destination root's folders, read once for both: extraction reads them before it writes
  // when a folder is looked for under another name, and removing the left ones uses that listing.
  const rootFolders = rootFoldersOnce(destinationRoot);
  const extracted = await extractConnectorsLeavingAlone(
    source,
    destinationRoot,
    { ...reading, earlierFolder: earlierFolderIn(previous), previousConnectors: previous },
    rootFolders,
  );
  const { connectors, selection } = extracted;
  // Only the selected connectors of the previous solution can have left; the folders named after
  // the others, in either version, are theirs.
  const theirs = [
    ...(await notSelectedHere(selection.notSelected, earlierFolderIn(previous), destinationRoot)),
    ...selection.previousNotSelected,
  ].map(connectorFolder);
  const left = await removeLeftFolders(selection.previousSelected, destinationRoot, connectors, {
    ...(reading.say ? { say: reading.say } : {}),
    ...(reading.askGit ? { askGit: reading.askGit } : {}),
    rootFolders,
    ...(theirs.length > 0 ? { notSelectedFolders: theirs } : {}),
  });
  return {
    connectors,
    removed: left.removed,
    leftAlone: [...extracted.leftAlone, ...left.leftAlone],
    notRemoved: left.notRemoved,
    ...notSelected(reading, extracted),
  };
}

/**
 * The connectors not selected whose display-name folder is theirs in this root: all but those renamed
 * since whose earlier folder is not here, nor their display-name folder holding them as extracted.
 * Such a one is kept in another root (a solution split over custom-connectors and
 * independent-publisher-connectors, one selection each), so a folder here named as it is now is not
 * its: it is the earlier folder of this root's connector that had the name before (and moves out now),
 * which would otherwise stay behind beside the new one.
 */
async function notSelectedHere(
  notSelected: readonly SolutionConnector[],
  earlierFolder: (connector: SolutionConnector) => EarlierFolder | undefined,
  destinationRoot: string,
): Promise<SolutionConnector[]> {
  const here: SolutionConnector[] = [];
  for (const connector of notSelected) {
    const earlier = earlierFolder(connector);
    if (
      earlier === undefined ||
      (await isInRoot(destinationRoot, earlier.folder)) ||
      (await whyNotAsExtracted(path.join(destinationRoot, connectorFolder(connector)), connector)) ===
        undefined
    )
      here.push(connector);
  }
  return here;
}

/** The result's notSelected and formerNames: what a selection left out, and how it was named. */
function notSelected(
  reading: ExtractOptions,
  extracted: { selection: ConnectorSelection },
): Pick<ExtractAndRemoveLeftResult, 'notSelected' | 'formerNames'> {
  if (reading.selection === undefined) return {};
  const { selection } = extracted;
  const formerNames = selection.formerNames.map(({ given, connector }): FormerName => {
    const now = sameConnectorIn(selection.selected, connector);
    return {
      given,
      name: connector.name,
      earlierDisplayName: connector.displayName,
      ...(now ? { displayName: now.displayName } : {}),
    };
  });
  return {
    notSelected: selection.notSelected.map(({ name, displayName }) => ({ name, displayName })),
    ...(formerNames.length > 0 ? { formerNames } : {}),
  };
}
