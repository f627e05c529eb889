import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isConnectorFolderListing, kindOfFileName } from './connector-folder.js';

/** A file of a connector: its name (apiDefinition.swagger.json, readme.md, …) and its folder. */
export interface ConnectorFileAt {
  name: string;
  folder: string;
}

/**
 * The connector file that a path to write names, links followed as the write would follow them: a
 * file named as a connector file is (in any letter case) in a folder that holds a connector. A report
 * written there replaced the connector's swagger (`validate -o`, validate-connector's `sarif-file`),
 * and the next run found "not a JSON value" where the definition had been. Undefined where the path
 * names no file yet, or another file.
 */
export function connectorFileAt(target: string): ConnectorFileAt | undefined {
  const real = realFileAt(target);
  if (real === undefined || kindOfFileName(path.basename(real)) === undefined) return undefined;
  const folder = path.dirname(real);
  return isConnectorFolderListing(namesIn(folder)) ? { name: path.basename(real), folder } : undefined;
}

function realFileAt(target: string): string | undefined {
  try {
    const real = realpathSync(target);
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
