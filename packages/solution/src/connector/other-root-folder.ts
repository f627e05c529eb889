import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SaySetting } from '@connector-alm/core';
import { whyNotRenamedOwn } from './earlier-found-folder.js';
import type { LeftAloneFolder } from './left-connectors.js';
import { PREVIOUS_SOURCE } from './makers-edits.js';
import { ownFolderCandidates } from './own-folder.js';
import { connectorFolder, sameConnectorIn, type EarlierFolder } from './renamed-connectors.js';
import { readRootFolders } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * What another root of the same solution (ExtractOptions.otherRoots) holds of a connector that this
 * root has no folder for: the folder it moves from, or one that could be it and is left alone.
 */
export type OtherRootFolder = { earlier: EarlierFolder } | { leftAlone: LeftAloneFolder };

/**
 * Where a connector that the destination root has no folder for was last extracted, when that was
 * into another root of the same solution (`otherRoots`, absolute): a solution split over
 * custom-connectors and independent-publisher-connectors, one selection each, whose maker moved the
 * connector from one selection to the other. Its folder there, named after its display name in the
 * previous solution, is where it moves from, as a renamed connector moves from its earlier folder: its
 * maker's files are carried, and the folder is removed. Only when that folder holds the connector as
 * extraction wrote it (whyNotRenamedOwn), so that a folder of the other root named alike (another
 * solution's connector, one made by hand) is neither carried from nor removed: it is left alone, with a
 * warning. A root without a folder so named may hold it under another name (foundUnderAnotherName).
 * Undefined when the connector is new to the solution or no other root has a folder of it.
 * `earlier.folder` leads there from the destination root (`../custom-connectors/Contoso Tasks`).
 */
export async function folderInOtherRoot(
  connector: SolutionConnector,
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  otherRoots: readonly string[],
  say: SaySetting,
): Promise<OtherRootFolder | undefined> {
  const before = sameConnectorIn(previous, connector);
  if (!before) return undefined;
  const name = connectorFolder(before);
  for (const root of otherRoots) {
    if (path.resolve(root) === path.resolve(destinationRoot)) continue;
    const earlier = (folder: string): OtherRootFolder => ({
      earlier: { folder: path.relative(destinationRoot, folder), connector: before, otherRoot: true },
    });
    const folder = path.join(root, name);
    // Not through a link: it may lead out of the root, and the folder is removed once carried from.
    const stat = await fs.lstat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) {
      const found = await foundUnderAnotherName(root, before, connector);
      if (found !== undefined) return earlier(found);
      continue;
    }
    const why = await whyNotRenamedOwn(folder, before, connector);
    if (why === undefined) return earlier(folder);
    const relative = path.relative(destinationRoot, folder);
    return { leftAlone: { folder: relative, warning: leftAloneWarning(connector, why, say) } };
  }
  return undefined;
}

/**
 * The folder of `root` (absolute) that holds the connector under another name than its display
 * name in the previous solution (`before`), as its own root's extraction finds it there: a folder
 * upstream named otherwise (`365Training` for "365 Training"), where an earlier rename then kept it
 * (ownFolderCandidates, by its swagger's title or its name). Only one that holds the connector as
 * extracted, from the previous solution or this one (whyNotRenamedOwn), which no other connector's
 * folder titled alike does; undefined when none does, or when several do and nothing tells which.
 */
async function foundUnderAnotherName(
  root: string,
  before: SolutionConnector,
  connector: SolutionConnector,
): Promise<string | undefined> {
  const search = {
    displayName: before.displayName || before.name,
    folder: connectorFolder(before),
    alsoTitled: connector.displayName || connector.name,
  };
  const holding: string[] = [];
  for (const candidate of ownFolderCandidates(search, await readRootFolders(root), new Set())) {
    const folder = path.join(root, candidate.folder);
    if ((await whyNotRenamedOwn(folder, before, connector)) === undefined) holding.push(folder);
  }
  return holding.length === 1 ? holding[0] : undefined;
}

function leftAloneWarning(connector: SolutionConnector, why: string, say: SaySetting): string {
  const displayName = connector.displayName || connector.name;
  return (
    `left alone: connector '${connector.name}' ("${displayName}") is extracted to another root now, and this folder could be the one it was in, ` +
    `but it holds the connector neither as ${say(PREVIOUS_SOURCE)} gives it nor as the solution does (${why}): it may be another connector's. ` +
    `The connector was written to a new folder, and nothing of this one was carried there; move your files from it yourself and delete it if it was this connector's.`
  );
}
