import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readSolutionConnectors, type SolutionZipReading } from './read-solution-connectors.js';
import { ownFolderCandidates, type RootFolder } from './own-folder.js';
import { connectorFolder } from './renamed-connectors.js';
import { readRootFolders } from './root-folders.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * Removes the connector folders that an earlier version of a solution (`previousSource`, a zip or an
 * unpacked folder, as last extracted) put under `destinationRoot` and the current one no longer
 * has (`current`, the folders extractConnectors just wrote): their connector left the solution, or
 * took another display name. Only folders named after the earlier version's connectors go, or the
 * one found under another name for a connector that left (removeLeftFolders), so the connectors of
 * other solutions and folders made by hand stay. Returns the folders removed, relative
 * to destinationRoot.
 */
export async function removeLeftConnectors(
  previousSource: string,
  destinationRoot: string,
  current: readonly { name: string; folder: string }[],
  reading: SolutionZipReading = {},
): Promise<string[]> {
  return removeLeftFolders(await readSolutionConnectors(previousSource, reading), destinationRoot, current);
}

/**
 * removeLeftConnectors with the earlier version's connectors already read. A renamed connector's
 * earlier folder (`renamedFrom`) goes too when it is not named after its earlier display name: the
 * folder found under another name that it moved from (connectorHomes), never another connector's.
 * A connector that left while in a folder found under another name (no folder of its display name;
 * `certified-connectors/365Training` for "365 Training") has that folder removed when it is the one
 * such folder (ownFolderCandidates): never one written now, nor one named after another connector.
 */
export async function removeLeftFolders(
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  current: readonly { name: string; folder: string; renamedFrom?: { folder: string } }[],
): Promise<string[]> {
  // In any case: on Windows and macOS a display name changed only in case is the same folder, which
  // extraction has just written.
  // The folders written, and those removed already: a plain rename's earlier folder is also its
  // earlier display-name folder.
  const skipped = new Set(current.map((connector) => connector.folder.toLowerCase()));
  const renamedFrom = current.flatMap((connector) =>
    connector.renamedFrom ? [connector.renamedFrom.folder] : [],
  );
  const left = [...previous.map((connector) => connectorFolder(connector)), ...renamedFrom];
  // Read before anything is removed, and only when a connector that left has no display-name folder.
  const found = await foundFoldersOfLeft(previous, destinationRoot, current, left);
  const removed: string[] = [];
  for (const folder of [...left, ...found]) {
    if (skipped.has(folder.toLowerCase())) continue;
    const target = path.join(destinationRoot, folder);
    const stat = await fs.lstat(target).catch(() => undefined);
    // Marked only when there: on Linux a folder missing in one case may be there in another
    // (upstream's `snowflake` for "Snowflake"), found as its own.
    if (!stat?.isDirectory()) continue;
    skipped.add(folder.toLowerCase());
    await fs.rm(target, { recursive: true });
    removed.push(folder);
  }
  return removed;
}

/**
 * The folders found under another name (ownFolderCandidates) for the connectors of `previous` that
 * are not in `current` (the same logical name, which Dataverse never changes) and have no folder of
 * their display name; none for a connector with several candidates, as nothing tells which is its.
 * Never one written now (`current`), nor one named after another previous connector or that a
 * renamed one moved from (`named`).
 */
async function foundFoldersOfLeft(
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  current: readonly { name: string; folder: string }[],
  named: readonly string[],
): Promise<string[]> {
  const stayed = new Set(current.map((connector) => connector.name.toLowerCase()));
  const found: string[] = [];
  let rootFolders: RootFolder[] | undefined;
  for (const connector of previous) {
    if (stayed.has(connector.name.toLowerCase())) continue;
    const folder = connectorFolder(connector);
    if ((await fs.lstat(path.join(destinationRoot, folder)).catch(() => undefined)) !== undefined) continue;
    rootFolders ??= await readRootFolders(destinationRoot);
    const search = { displayName: connector.displayName || connector.name, folder };
    // Its own display-name folder (another case of it, on Linux) is not another's, though it is named.
    const taken = new Set(
      [...current.map((written) => written.folder), ...named.filter((other) => other !== folder)].map(
        (other) => other.toLowerCase(),
      ),
    );
    const candidates = ownFolderCandidates(search, rootFolders, taken);
    if (candidates.length === 1) found.push(candidates[0]!.folder);
  }
  return found;
}
