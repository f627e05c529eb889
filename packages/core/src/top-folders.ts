import path from 'node:path';

/**
 * The top folders of the PowerPlatformConnectors layout, in lower case: each connector folder sits
 * right in one, and each gets its own rule set (the validator maps them to profiles).
 */
export const TOP_FOLDER_NAMES = [
  'certified-connectors',
  'independent-publisher-connectors',
  'custom-connectors',
] as const;

export type TopFolderName = (typeof TOP_FOLDER_NAMES)[number];

/**
 * A Set, not `in` on an object: a name just sliced from a path is looked up faster, and a folder
 * named `constructor` or `__proto__` finds nothing.
 */
const TOP_FOLDERS: ReadonlySet<string> = new Set(TOP_FOLDER_NAMES);

/** Whether a folder's name is a top folder's, in any case (Windows and macOS ignore it). */
export function isTopFolderName(name: string): boolean {
  return TOP_FOLDERS.has(name.toLowerCase());
}

/**
 * Whether a folder (absolute, or relative to the working directory) sits right in a top folder
 * (certified-connectors/Contoso): a connector folder whatever it holds, so that a missing swagger is
 * said of it rather than the folder passed over (an empty one is what an uninitialised submodule or
 * a sparse checkout leaves).
 */
export function isTopFolderChild(folder: string): boolean {
  return isTopFolderName(path.basename(path.dirname(path.resolve(folder))));
}
