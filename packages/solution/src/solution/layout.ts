/**
 * Where each part of a solution lives in the zip and in the unpacked (SolutionPackager-style)
 * folder. Only the manifest, the customizations and the connectors move; every other component
 * keeps its path, so what we do not model is carried through untouched.
 */
export const ZIP_SOLUTION = 'solution.xml';
export const ZIP_CUSTOMIZATIONS = 'customizations.xml';
export const ZIP_CONTENT_TYPES = '[Content_Types].xml';
export const ZIP_CONNECTOR_FOLDER = 'Connector/';

export const FOLDER_SOLUTION = 'Other/Solution.xml';
export const FOLDER_CUSTOMIZATIONS = 'Other/Customizations.xml';
export const FOLDER_CONNECTOR_FOLDER = 'Connectors/';

/** The folder path of a zip entry that is neither the manifest nor the customizations. */
export function folderPathOf(zipName: string): string {
  return zipName.startsWith(ZIP_CONNECTOR_FOLDER)
    ? FOLDER_CONNECTOR_FOLDER + zipName.slice(ZIP_CONNECTOR_FOLDER.length)
    : zipName;
}

/** The zip entry of a folder file that is neither the manifest nor the customizations. */
export function zipPathOf(folderPath: string): string {
  return folderPath.startsWith(FOLDER_CONNECTOR_FOLDER)
    ? ZIP_CONNECTOR_FOLDER + folderPath.slice(FOLDER_CONNECTOR_FOLDER.length)
    : folderPath;
}

/** `Connectors/<name>.xml` holds one `<Connector>` element; side files never end in `.xml`. */
export function isConnectorDocument(folderPath: string): boolean {
  return (
    folderPath.startsWith(FOLDER_CONNECTOR_FOLDER) &&
    !folderPath.slice(FOLDER_CONNECTOR_FOLDER.length).includes('/') &&
    folderPath.endsWith('.xml')
  );
}

/** Connector side files that hold JSON: pretty-printed in the folder, minified in the zip. */
export function isConnectorJson(folderPath: string): boolean {
  return folderPath.startsWith(FOLDER_CONNECTOR_FOLDER) && folderPath.endsWith('.json');
}

/** `Other/Solution.xml` → `Other/Solution_managed.xml`: the managed copy of a file in a "both" folder. */
export function managedVariantOf(folderPath: string): string {
  const slash = folderPath.lastIndexOf('/');
  const dot = folderPath.lastIndexOf('.');
  return dot > slash + 1
    ? `${folderPath.slice(0, dot)}_managed${folderPath.slice(dot)}`
    : `${folderPath}_managed`;
}

/** Dot files and folders (.git, .gitignore) belong to the repository, not to the solution. */
export function isRepositoryFile(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => segment.startsWith('.'));
}
