import { isUserError, type UserError } from '@connector-alm/core';
import { extractConnectors, extractConnectorsLeavingAlone, type ExtractOptions } from './extract.js';
import type { ExtractedConnector } from './extracted-connector.js';
import { removeLeftFolders, type LeftAloneFolder, type NotRemovedFolder } from './left-connectors.js';
import { readSolutionConnectors } from './read-solution-connectors.js';
import { earlierFolderIn } from './renamed-connectors.js';
import { rootFoldersOnce } from './root-folders.js';
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
 */
export async function extractAndRemoveLeftConnectors(
  source: string,
  destinationRoot: string,
  options: ExtractAndRemoveLeftOptions = {},
): Promise<ExtractAndRemoveLeftResult> {
  const { previousSource, ...reading } = options;
  if (previousSource === undefined)
    return {
      connectors: await extractConnectors(source, destinationRoot, reading),
      removed: [],
      leftAlone: [],
      notRemoved: [],
    };
  let previous: SolutionConnector[];
  try {
    previous = await readSolutionConnectors(previousSource, reading);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const connectors = await extractConnectors(source, destinationRoot, reading);
    return { connectors, removed: [], leftAlone: [], notRemoved: [], previousSourceProblem: error };
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
  const { connectors } = extracted;
  const left = await removeLeftFolders(previous, destinationRoot, connectors, {
    ...(reading.say ? { say: reading.say } : {}),
    ...(reading.askGit ? { askGit: reading.askGit } : {}),
    rootFolders,
  });
  return {
    connectors,
    removed: left.removed,
    leftAlone: [...extracted.leftAlone, ...left.leftAlone],
    notRemoved: left.notRemoved,
  };
}
