import { JsonDocument } from '../json/json-document.js';
import { kindOfFileName, type ConnectorFolder } from '../loader/connector-folder.js';
import { readBytes } from '../loader/decode.js';

/** A text file of one version, for the minor-update classification. */
export interface TextVersion {
  text: string;
  path: string;
}

/**
 * One version of a connector's files. Only the swagger and apiProperties are compared in depth;
 * readme, script and icon are compared as a whole, to classify the update.
 */
export interface ConnectorVersion {
  swagger?: JsonDocument;
  apiProperties?: JsonDocument;
  /** How to name the files in changes (defaults: the canonical names). */
  swaggerPath?: string;
  apiPropertiesPath?: string;
  /** The connector folder's name: one of the names a deprecated operation's replacement can give it by. */
  folderName?: string;
  readme?: TextVersion;
  script?: TextVersion;
  icon?: { data: Buffer; path: string };
  /**
   * The readmes and scripts beside the ones read, named like them but for case (README.md beside
   * readme.md): compared by name, as a whole.
   */
  caseTwins?: CaseTwin[];
}

/** A readme or script that is not read, as another one differs from its name only in case. */
export interface CaseTwin extends TextVersion {
  kind: 'readme' | 'script';
  /** The name on disk, by which the versions' twins are matched. */
  name: string;
}

/** The files of a loaded connector folder, as a version to compare. */
export function connectorVersion(folder: ConnectorFolder): ConnectorVersion {
  const { swagger, apiProperties, readme, script, icon } = folder.files;
  const version: ConnectorVersion = {
    swagger: swagger?.document,
    apiProperties: apiProperties?.document,
    swaggerPath: swagger?.displayPath,
    apiPropertiesPath: apiProperties?.displayPath,
    folderName: folder.name,
  };
  if (readme?.document) version.readme = { text: readme.document.text, path: readme.displayPath };
  if (script?.document) version.script = { text: script.document.text, path: script.displayPath };
  if (icon?.data) version.icon = { data: icon.data, path: icon.displayPath };
  const twins = (folder.caseTwins ?? []).flatMap((twin) =>
    twin.document
      ? [{ kind: twin.kind, name: twin.name, text: twin.document.text, path: twin.displayPath }]
      : [],
  );
  if (twins.length > 0) version.caseTwins = twins;
  return version;
}

/** A connector file as bytes: its name in the folder, the path to name it by in changes, its content. */
export interface ConnectorFileBytes {
  name: string;
  displayPath: string;
  content: Buffer;
}

/**
 * The swagger and apiProperties.json among a folder's files held as bytes (blobs read from a remote
 * repository, files read to be sent), parsed as the loader parses them, as a version to compare.
 * These two files alone decide breaking changes; readme, script and icon only classify an update.
 * A file that is binary is read as missing, and one saved as UTF-16 as its text, as the loader reads
 * them.
 */
export function definitionsVersion(files: readonly ConnectorFileBytes[]): ConnectorVersion {
  const version: ConnectorVersion = {};
  for (const file of files) {
    const kind = kindOfFileName(file.name);
    if (kind !== 'swagger' && kind !== 'apiProperties') continue;
    const document = documentOf(file.content);
    if (document === undefined) continue;
    if (kind === 'swagger') Object.assign(version, { swagger: document, swaggerPath: file.displayPath });
    else Object.assign(version, { apiProperties: document, apiPropertiesPath: file.displayPath });
  }
  return version;
}

/** A JSON file's bytes as the loader reads them: undefined for binary data. */
function documentOf(content: Buffer): JsonDocument | undefined {
  const read = readBytes(content);
  if (read.as === 'utf8')
    return JsonDocument.parse(read.decoded.text, { asciiText: read.decoded.ascii === true });
  return read.as === 'utf16' && read.text !== undefined ? JsonDocument.parse(read.text) : undefined;
}
