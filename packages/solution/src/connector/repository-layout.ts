import path from 'node:path';
import { CONNECTOR_FILE_NAMES, isTopFolderName, trimWhere } from '@connector-alm/core';

const { swagger, apiProperties, icon, script, readme } = CONNECTOR_FILE_NAMES;
/**
 * The files of a connector folder in microsoft/PowerPlatformConnectors that a solution's connector
 * has: all of them but settings.json, which is paconn's.
 */
export const REPOSITORY_FILES = { swagger, apiProperties, icon, script, readme } as const;

/**
 * Whether a connector folder is in the independent-publisher part of the layout: the nearest top
 * folder above it is independent-publisher-connectors, as the validator reads a folder's profile
 * from its place in the tree. Such a connector has no icon.png: the upstream shows the generic
 * independent-publisher icon, and validation fails a folder that has one (ICON-IP-NONE).
 */
export function isIndependentPublisherFolder(folder: string): boolean {
  const segments = path.resolve(folder).split(path.sep).reverse();
  const nearest = segments.find(isTopFolderName)?.toLowerCase();
  return nearest === 'independent-publisher-connectors';
}

/** Characters Windows does not allow in a file name, plus the separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;
/** A name Windows reserves for a device, alone or before an extension (`nul.io` is NUL). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?= *(\.|$))/i;

/**
 * The folder of a connector, named after its display name as in PowerPlatformConnectors
 * ("Azure OpenAI Service"), made safe for every OS: no character Windows refuses, no trailing dot or
 * whitespace (Windows drops a trailing dot or space), no leading dot (`.git` would be a hidden
 * folder, which git add, validate and the file managers pass over, or git's own), and no device
 * name such as CON or NUL. A name with nothing left is `connector`.
 */
const isDotOrSpace = (character: string): boolean => character === '.' || /\s/.test(character);

export function repositoryFolderName(displayName: string): string {
  const safe = displayName.replace(UNSAFE, '-');
  const name = trimWhere(safe, isDotOrSpace).replace(DEVICE_NAME, '$1-connector');
  return name === '' ? 'connector' : name;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}
