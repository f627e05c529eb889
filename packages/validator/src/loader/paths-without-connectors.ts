import path from 'node:path';
import { isFile, isWithin } from '@connector-alm/core';
import { discoverConnectorFolders } from './discover.js';

/**
 * The paths given to validate that lead to no connector folder: each names nothing validate reads, a
 * usage error whether or not the other paths hold some (most often a wrong folder, which would
 * otherwise pass unnoticed beside the right ones). A path whose connector folders the configuration
 * ignores is not one of them: the folders are there, and leaving them out is what was asked. The CLI's
 * validate and the validate-connector action both ask this, so a path is judged alike in either.
 *
 * `validated` are the connector folders already validated, relative to `cwd` or absolute: a path that
 * led to one of them is not searched again. Every path must exist (discovery has said so already, or
 * is asked here and throws its located error: missing, or a file outside any connector folder).
 */
export async function pathsWithoutConnectors(
  paths: readonly string[],
  cwd: string,
  validated: readonly string[] = [],
): Promise<string[]> {
  const folders = validated.map((folder) => path.resolve(cwd, folder));
  const empty: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    // A file stands for the connector folder it is in; a folder for every connector below it.
    const led = isFile(absolute)
      ? folders.includes(path.dirname(absolute))
      : folders.some((folder) => isWithin(absolute, folder));
    if (!led && (await discoverConnectorFolders([given], cwd)).length === 0) empty.push(given);
  }
  return empty;
}
