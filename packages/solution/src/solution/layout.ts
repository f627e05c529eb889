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

export const FOLDER_FLOW_FOLDER = 'Workflows/';

/**
 * A cloud flow's definition (`Workflows/<Name>-<GUID>.json`): one line of JSON in the zip, so any
 * change to the flow would show as that whole line. Pretty-printed in the folder when it is JSON,
 * minified in the zip; classic workflows (`.xaml`) and the flow's `.data.xml` are not JSON.
 */
export function isFlowJson(folderPath: string): boolean {
  return (
    folderPath.startsWith(FOLDER_FLOW_FOLDER) &&
    !folderPath.slice(FOLDER_FLOW_FOLDER.length).includes('/') &&
    folderPath.endsWith('.json')
  );
}

/** `Other/Solution.xml` → `Other/Solution_managed.xml`: the managed copy of a file in a "both" folder. */
export function managedVariantOf(folderPath: string): string {
  const slash = folderPath.lastIndexOf('/');
  const dot = folderPath.lastIndexOf('.');
  return dot > slash + 1
    ? `${folderPath.slice(0, dot)}_managed${folderPath.slice(dot)}`
    : `${folderPath}_managed`;
}

/**
 * The file whose managed copy `folderPath` would be (`Other/Solution_managed.xml` →
 * `Other/Solution.xml`), or undefined when no file's managed copy has that name. Whether it is one
 * in a given folder is for `both-packages` to say: a file may be named so in its own right.
 */
export function managedBaseOf(folderPath: string): string | undefined {
  const slash = folderPath.lastIndexOf('/');
  const dot = folderPath.lastIndexOf('.');
  const [stem, extension] =
    dot > slash + 1 ? [folderPath.slice(0, dot), folderPath.slice(dot)] : [folderPath, ''];
  if (!stem.endsWith('_managed')) return undefined;
  const base = stem.slice(0, -'_managed'.length) + extension;
  // Exactly the inverse of managedVariantOf: `a/_managed.x` is no file's copy.
  return managedVariantOf(base) === folderPath ? base : undefined;
}

/**
 * Names that are repository, editor or file manager metadata wherever they are: .git, .github,
 * .gitignore, .DS_Store (macOS Finder), Thumbs.db and desktop.ini (Windows Explorer, any case), …
 */
const METADATA_NAME = /^(\.git.*|\.DS_Store|\.editorconfig|\.vscode|\.idea)$/;
const EXPLORER_NAME = /^(thumbs\.db|desktop\.ini)$/i;

/**
 * Files of the repository, not of the solution: pack leaves them out, unpack never deletes them and
 * refuses a zip that would write one. Every dot file or folder at the root (a solution's own parts
 * live in Other/, Connectors/, WebResources/ …) and well-known metadata names at any depth. Other
 * dot files deeper down, such as WebResources/.config, came from the solution and are packed back,
 * but for the ones editors leave (Vim's .x.swp, Emacs's .#x, macOS's ._x): pack leaves those out with
 * a warning, see left-out-files.
 */
export function isRepositoryFile(relativePath: string): boolean {
  const segments = relativePath.split('/');
  return segments[0]!.startsWith('.') || segments.some(isMetadataName);
}

/** Whether a file or folder name (no '/') is repository, editor or file manager metadata (see above). */
export function isMetadataName(name: string): boolean {
  return METADATA_NAME.test(name) || EXPLORER_NAME.test(name);
}
