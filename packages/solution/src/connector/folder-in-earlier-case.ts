import { promises as fs } from 'node:fs';
import path from 'node:path';
import { connectorFolder, sameConnectorIn } from './renamed-connectors.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * The folder `connector` was extracted to under its display name in `previous` (the solution as
 * last extracted), when that name differs from its display name now only in letter case ("Contoso
 * tasks" → "Contoso Tasks"), and the destination root has that folder, named exactly so, and no
 * entry named exactly as the new one: extraction writes into it and renames it to the new case, as a
 * renamed connector's folder follows its display name. earlierFolderIn gives no earlier folder for
 * such a change, since on Windows and macOS both names find the one folder; on Linux they are two,
 * and the search for the connector's own folder refused the old one as another connector's whenever
 * its API definition's title did not read as the new display name. The names are compared as the
 * root lists them, so that a case-insensitive file system, which finds the folder under either
 * name, renames it too. Undefined otherwise.
 */
export async function folderInEarlierCase(
  connector: SolutionConnector,
  previous: readonly SolutionConnector[],
  destinationRoot: string,
): Promise<string | undefined> {
  const earlier = sameConnectorIn(previous, connector);
  if (!earlier) return undefined;
  const before = connectorFolder(earlier);
  const now = connectorFolder(connector);
  if (before === now || before.toLowerCase() !== now.toLowerCase()) return undefined;
  const names = await fs.readdir(destinationRoot).catch(() => [] as string[]);
  if (!names.includes(before) || names.includes(now)) return undefined;
  // A link so named may lead out of the root: it is found as the display-name folder would be.
  const stat = await fs.lstat(path.join(destinationRoot, before)).catch(() => undefined);
  return stat?.isDirectory() ? before : undefined;
}
