import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { JsonDocument } from '../json/json-document.js';
import { kindOfFileName, loadConnectorFolder, toDisplayPath } from '../loader/connector-folder.js';
import { decodeUtf8 } from '../loader/decode.js';
import { isConnectorFolderListing } from '../loader/discover.js';
import type { DiffResult } from './change.js';
import { connectorVersion, diffConnectorFiles, type ConnectorVersion } from './connector-diff.js';

/**
 * Compares two connectors on disk. Each side is a connector folder (all its files are compared) or
 * a single swagger or apiProperties file.
 */
export async function diffPaths(
  oldPath: string,
  newPath: string,
  cwd: string = process.cwd(),
): Promise<DiffResult> {
  const [before, after] = await Promise.all([readVersion(oldPath, cwd), readVersion(newPath, cwd)]);
  return diffConnectorFiles(before, after);
}

/** One side of a diff: a connector folder, or one JSON file of a connector. */
export async function readVersion(given: string, cwd: string): Promise<ConnectorVersion> {
  const absolute = path.resolve(cwd, given);
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch {
    throw new UsageError('does not exist.', {
      location: { file: given },
      hint: 'Give a connector folder or its apiDefinition.swagger.json.',
    });
  }
  if (stat.isDirectory()) {
    // A folder without connector files would be compared as an empty connector: every operation
    // "added" (exit 0) or "removed" (breaking, exit 1), a finding made of a wrong path.
    if (!isConnectorFolderListing(await fs.readdir(absolute)))
      throw new UsageError('is not a connector folder.', {
        location: { file: given },
        hint: 'Give a connector folder (it holds apiDefinition.swagger.json and apiProperties.json) or its apiDefinition.swagger.json.',
      });
    return connectorVersion(await loadConnectorFolder(absolute, cwd));
  }
  const decoded = decodeUtf8(await fs.readFile(absolute));
  const document = JsonDocument.parse(decoded.text);
  const displayPath = toDisplayPath(cwd, absolute);
  if (kindOfFileName(path.basename(absolute)) === 'apiProperties') {
    return { apiProperties: document, apiPropertiesPath: displayPath };
  }
  return { swagger: document, swaggerPath: displayPath };
}
