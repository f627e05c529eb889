import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONNECTOR_FILE_NAMES } from '@connector-alm/core';
import { FOLDER_CONNECTOR_FOLDER, FOLDER_SOLUTION, isRepositoryFile } from './layout.js';

const SWAGGER_LOWER = CONNECTOR_FILE_NAMES.swagger.toLowerCase();

/** The root folders unpack keeps the manifest and the connectors in: the solution's, whatever they hold. */
const UNPACKED_FOLDERS = new Set(
  [FOLDER_SOLUTION, FOLDER_CONNECTOR_FOLDER].map((file) => file.split('/')[0]!),
);

/**
 * Whether the root folder `folder` holding a file `name` is a connector folder in the
 * PowerPlatformConnectors layout: `apiDefinition.swagger.json` (in any case, as the validator finds
 * it) right in it. No export has such an entry (a solution's connectors are `Connector/<name>_…`
 * files, which unpack writes to Connectors/), so such a folder is the maker's: a copy of a
 * PowerPlatformConnectors folder, or what extract-connectors wrote, put into the solution folder.
 * There is no closed list of component folders (exports add lowercase ones as Dataverse grows), so
 * the swagger is what tells it; Other/ and Connectors/ are unpack's own, whatever a maker adds.
 * A folder that also holds an .xml file anywhere is a component folder (every unpacked component
 * has its XML: Workflows' .data.xml, Entity.xml, environmentvariabledefinition.xml), and no
 * PowerPlatformConnectors folder has one: such a folder is packed whole, the stray swagger with it,
 * rather than losing the solution's components with the swagger.
 */
function isConnectorSwaggerIn(folder: string, name: string): boolean {
  return !UNPACKED_FOLDERS.has(folder) && name.toLowerCase() === SWAGGER_LOWER;
}

/**
 * The root folders, by name, that hold a connector in the PowerPlatformConnectors layout among the
 * files of an unpacked solution (relative, with '/'): pack leaves each out whole, with a warning
 * (see left-out-files), and unpack keeps it, as any file pack leaves out.
 */
export function strayConnectorFolders(files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    const segments = file.split('/');
    if (segments.length === 2 && isConnectorSwaggerIn(segments[0]!, segments[1]!)) folders.add(segments[0]!);
  }
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash > 0 && isComponentXml(file)) folders.delete(file.slice(0, slash));
  }
  return folders;
}

/** Whether `name` is an XML file, as every unpacked component has and no connector folder does. */
function isComponentXml(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

/** Whether the folder `root` holds an .xml file at any depth (regular files, no links followed). */
async function holdsComponentXml(root: string): Promise<boolean> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && isComponentXml(entry.name)) return true;
    if (entry.isDirectory() && (await holdsComponentXml(path.join(root, entry.name)))) return true;
  }
  return false;
}

/**
 * strayConnectorFolders of the folder on disk, read from its root folders (and, for the rare one that
 * holds a swagger, its tree): unpack asks before it updates a folder that may hold thousands of files. The same files count as in a listing
 * (listFiles skipping repository files): regular files, in folders that are no links.
 */
export async function readStrayConnectorFolders(folder: string): Promise<Set<string>> {
  const folders = new Set<string>();
  const roots = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const root of roots) {
    if (!root.isDirectory() || isRepositoryFile(root.name)) continue;
    const entries = await fs.readdir(path.join(folder, root.name), { withFileTypes: true }).catch(() => []);
    const holds = entries.some(
      (entry) =>
        entry.isFile() &&
        isConnectorSwaggerIn(root.name, entry.name) &&
        !isRepositoryFile(`${root.name}/${entry.name}`),
    );
    if (holds && !(await holdsComponentXml(path.join(folder, root.name)))) folders.add(root.name);
  }
  return folders;
}

/** The root folder `folderPath` (relative, with '/') lies in, when it lies in one of `folders`. */
export function strayFolderOf(folderPath: string, folders: ReadonlySet<string>): string | undefined {
  const slash = folderPath.indexOf('/');
  const top = slash < 0 ? undefined : folderPath.slice(0, slash);
  return top !== undefined && folders.has(top) ? top : undefined;
}
