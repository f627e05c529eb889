import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readSolutionConnectors, type SolutionZipReading } from './read-solution-connectors.js';
import { connectorFolder } from './renamed-connectors.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * Removes the connector folders that an earlier version of a solution (`previousSource`, a zip or an
 * unpacked folder, as last extracted) put under `destinationRoot` and the current one no longer
 * has (`current`, the folders extractConnectors just wrote): their connector left the solution, or
 * took another display name. Only folders named after the earlier version's connectors go, so the
 * connectors of other solutions and folders made by hand stay. Returns the folders removed, relative
 * to destinationRoot.
 */
export async function removeLeftConnectors(
  previousSource: string,
  destinationRoot: string,
  current: readonly { folder: string }[],
  reading: SolutionZipReading = {},
): Promise<string[]> {
  return removeLeftFolders(await readSolutionConnectors(previousSource, reading), destinationRoot, current);
}

/**
 * removeLeftConnectors with the earlier version's connectors already read. A renamed connector's
 * earlier folder (`renamedFrom`) goes too when it is not named after its earlier display name: the
 * folder found under another name that it moved from (connectorHomes), never another connector's.
 */
export async function removeLeftFolders(
  previous: readonly SolutionConnector[],
  destinationRoot: string,
  current: readonly { folder: string; renamedFrom?: { folder: string } }[],
): Promise<string[]> {
  // In any case: on Windows and macOS a display name changed only in case is the same folder, which
  // extraction has just written.
  // The folders written, and those looked at already: a plain rename's earlier folder is also its
  // earlier display-name folder.
  const skipped = new Set(current.map((connector) => connector.folder.toLowerCase()));
  const left = [
    ...previous.map((connector) => connectorFolder(connector)),
    ...current.flatMap((connector) => (connector.renamedFrom ? [connector.renamedFrom.folder] : [])),
  ];
  const removed: string[] = [];
  for (const folder of left) {
    if (skipped.has(folder.toLowerCase())) continue;
    skipped.add(folder.toLowerCase());
    const target = path.join(destinationRoot, folder);
    const stat = await fs.lstat(target).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    await fs.rm(target, { recursive: true });
    removed.push(folder);
  }
  return removed;
}
