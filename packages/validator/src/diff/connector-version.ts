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
  return version;
}
