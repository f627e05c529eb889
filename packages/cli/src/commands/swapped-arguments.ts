import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';

/** The two paths of a solution command, and how to say their order. */
export interface SolutionCommandPaths {
  /** The path given where a folder goes, and what the command calls that folder. */
  folder: { path: string; role: string };
  /** The path given where the solution zip goes. */
  zip: string;
  /** What to give first and what second, in the command's words. */
  order: string;
  /** The command line as --help names its arguments. */
  usage: string;
}

/**
 * Refuses the two paths of unpack, pack and extract-connectors given the other way round, as a maker
 * types them from memory (`unpack src contoso.zip`). The command refused them anyway, but named the
 * solution zip as a file to "move out of the way", or the folder as a name that "must end in .zip",
 * which points away from the mistake. Told only where the order is the likely slip: a .zip file where
 * the folder goes, and where the zip goes a folder, or nothing and a name without .zip; two zips, or a
 * missing zip, are left to the command's own messages. A usage error (exit code 2), as before.
 */
export function refuseSwappedPaths(cwd: string, paths: SolutionCommandPaths): void {
  const folder = statOrNothing(path.resolve(cwd, paths.folder.path));
  if (!folder?.isFile() || !isZipName(paths.folder.path)) return;
  const zip = statOrNothing(path.resolve(cwd, paths.zip));
  if (zip ? !zip.isDirectory() : isZipName(paths.zip)) return;
  throw new UsageError(`is a zip file, given where ${paths.folder.role} goes.`, {
    location: { file: paths.folder.path },
    hint: `Give ${paths.order}: connector-alm ${paths.usage}.`,
  });
}

function isZipName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

/** What stands at a path; nothing for one that cannot be reached (below a file, unreadable), which the command names. */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
