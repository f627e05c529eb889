import { statSync } from 'node:fs';
import path from 'node:path';
import { discoverConnectorFolders } from '@connector-alm/validator';

/**
 * The paths given to validate that led to no connector folder, while others did: each names nothing
 * validate reads, a usage error as when it is the only path (most often a wrong folder, which would
 * otherwise pass unnoticed beside the right ones). A path whose connector folders the configuration
 * ignores is not one of them: the folders are there, and leaving them out is what was asked.
 *
 * `validated` are the paths of the connector folders validated, relative to `cwd` or absolute.
 */
export async function pathsWithoutConnectors(
  paths: readonly string[],
  validated: readonly string[],
  cwd: string,
): Promise<string[]> {
  const folders = validated.map((folder) => path.resolve(cwd, folder));
  const empty: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    // A file stands for the connector folder it is in; a folder for every connector below it.
    const led = statSync(absolute).isFile()
      ? folders.includes(path.dirname(absolute))
      : folders.some((folder) => isWithin(absolute, folder));
    if (!led && (await discoverConnectorFolders([given], cwd)).length === 0) empty.push(given);
  }
  return empty;
}

function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
