import { optionWords, type SaySetting } from '@connector-alm/core';
import { whyNotAsExtracted } from './as-extracted.js';
import { howFound } from './how-found.js';
import type { LeftAloneFolder } from './left-connectors.js';
import { PREVIOUS_SOURCE } from './makers-edits.js';
import type { OwnFolderMatch } from './own-folder.js';
import type { SolutionConnector } from './solution-connector.js';

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
export function renamedLeftAlone(
  found: { folder: string; matched: OwnFolderMatch; notAsExtracted: string },
  connector: SolutionConnector,
  earlier: SolutionConnector,
  say: SaySetting = optionWords,
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
