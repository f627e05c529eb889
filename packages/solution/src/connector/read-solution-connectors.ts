import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { listFiles } from '../fs/list-files.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml } from '../xml/parse-xml.js';
import type { ZipLimits } from '../zip/limits.js';
import { ZipReader } from '../zip/zip-reader.js';
import { connectorName, connectorText, fileReferences } from '../solution/connector-element.js';
import {
  FOLDER_CONNECTOR_FOLDER,
  FOLDER_SOLUTION,
  isConnectorDocument,
  managedVariantOf,
} from '../solution/layout.js';
import { stageSolutionZip } from '../solution/stage-zip.js';
import { solutionError } from '../solution/solution-errors.js';
import type { SolutionConnector } from './solution-connector.js';

/**
 * The custom connectors of a solution zip or of an unpacked solution folder. A zip is unpacked into
 * a temporary folder first (with every check of unpack), so both inputs take the same path.
 */
export async function readSolutionConnectors(
  source: string,
  limits?: Partial<ZipLimits>,
): Promise<SolutionConnector[]> {
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) throw new UserError(`${source} does not exist.`);
  if (stat.isDirectory()) return readFolderConnectors(source);
  const reader = await ZipReader.open(source, { limits });
  // Staged under the OS temp folder, not beside the zip: nothing is renamed into place, and the
  // zip's folder may be read-only or belong to the person.
  let staging: string | undefined;
  try {
    staging = await fs.mkdtemp(path.join(os.tmpdir(), 'connector-alm-'));
    await stageSolutionZip(reader, staging);
    return await readFolderConnectors(staging, source);
  } finally {
    reader.close();
    if (staging !== undefined) await fs.rm(staging, { recursive: true, force: true });
  }
}

async function readFolderConnectors(folder: string, displayRoot = folder): Promise<SolutionConnector[]> {
  const files = await listFiles(folder);
  if (!files.includes(FOLDER_SOLUTION)) {
    throw new UserError(
      `${displayRoot} is neither a solution zip nor an unpacked solution folder (no ${FOLDER_SOLUTION}).`,
    );
  }
  const connectors: SolutionConnector[] = [];
  const documents = files.filter(isConnectorDocument);
  // In a folder unpacked with both package types, a connector whose managed copy differs has that
  // copy beside it (Connectors/X_managed.xml): the same connector, not a second one.
  const managedCopies = new Set(documents.map(managedVariantOf));
  for (const file of documents) {
    if (managedCopies.has(file)) continue;
    const shown = path.join(displayRoot, file);
    const element = parseXml(decodeUtf8Strict(await fs.readFile(path.join(folder, file)), shown), shown);
    const connector: SolutionConnector = {
      name: connectorName(element, shown),
      connectorId: connectorText(element, 'connectorid')?.trim() ?? '',
      displayName: connectorText(element, 'displayname') ?? '',
      description: connectorText(element, 'description') ?? '',
      iconBrandColor: connectorText(element, 'iconbrandcolor')?.trim() ?? '',
      connectorType: connectorText(element, 'connectortype')?.trim() ?? '1',
      files: {},
    };
    const scriptOperations = connectorText(element, 'scriptoperations');
    if (scriptOperations !== undefined && scriptOperations.trim() !== '')
      connector.scriptOperations = scriptOperations;
    for (const reference of fileReferences(element, shown)) {
      const fileName = reference.zipName.slice('Connector/'.length);
      const bytes = await fs.readFile(path.join(folder, FOLDER_CONNECTOR_FOLDER, fileName)).catch(() => {
        throw solutionError(shown, `refers to /${reference.zipName}, which the solution does not have.`);
      });
      connector.files[reference.column] = { extension: fileName.slice(fileName.lastIndexOf('.')), bytes };
    }
    connectors.push(connector);
  }
  return connectors;
}
