import type { JsonDocument } from '../json/json-document.js';
import type { ConnectorFolder } from '../loader/connector-folder.js';

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
