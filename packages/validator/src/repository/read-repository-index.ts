import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { slashSeparated } from '@connector-alm/core';
import { discoverConnectorFolders } from '../loader/discover.js';
import { fileNameReadAs } from '../loader/connector-folder.js';
import { titleAndHostOf, type ConnectorIdentity } from './connector-identity.js';
import { iconDifferenceHash } from './icon-hash.js';
import { RepositoryIndex } from './repository-index.js';
import type { RepositoryFact } from './repository-rule-context.js';

/**
 * Indexes every connector folder of the work tree under `topLevel` with only the facts asked for:
 * title and host need one read and JSON.parse of each swagger, icon hashes one decode per icon.
 * A file that cannot be read or parsed leaves its fact out: the folder rules report such files.
 * Reads are synchronous, like the loader's: a thousand small files, no waiting on the thread pool.
 */
export async function readRepositoryIndex(
  topLevel: string,
  facts: ReadonlySet<RepositoryFact>,
): Promise<RepositoryIndex> {
  if (facts.size === 0) return new RepositoryIndex([]);
  const wantsSwagger = facts.has('connector-titles') || facts.has('connector-hosts');
  const wantsIcon = facts.has('connector-icons');
  const connectors: ConnectorIdentity[] = [];
  for (const folder of await discoverConnectorFolders([topLevel], topLevel)) {
    const identity: ConnectorIdentity = {
      repositoryPath: slashSeparated(path.relative(topLevel, folder)) || '.',
    };
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    if (wantsSwagger) {
      const swagger = swaggerFileName(names);
      const text = swagger === undefined ? undefined : readText(path.join(folder, swagger));
      if (text !== undefined) Object.assign(identity, titleAndHostOf(text));
    }
    if (wantsIcon) {
      const icon = fileNameReadAs('icon', names);
      const data = icon === undefined ? undefined : readBytes(path.join(folder, icon));
      const hash = data && iconDifferenceHash(data);
      if (hash) identity.iconHash = hash;
    }
    connectors.push(identity);
  }
  return new RepositoryIndex(connectors);
}

/**
 * The swagger of a folder's file names, the one the loader reads (fileNameReadAs): of two case twins,
 * the canonical name, where the first listed was taken here, so that the index and a base's listing
 * read a title and a host from a file validation did not read.
 */
export function swaggerFileName(names: readonly string[]): string | undefined {
  return fileNameReadAs('swagger', names);
}

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  return readBytes(file)?.toString('utf8');
}
