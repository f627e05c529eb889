import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONNECTOR_FILE_NAMES, UserError } from '@connector-alm/core';
import type { StalePolicy } from '../fs/commit-folder.js';
import { listFiles } from '../fs/list-files.js';
import { isRepositoryFile } from './layout.js';
import { isLeftOut } from './left-out-files.js';
import { strayFolderOf } from './stray-connector-folders.js';

/**
 * Refuses, before anything is written, an update of `folder` that would delete a file unpack
 * promises to keep: one that is not part of a solution (pack leaves it out, see left-out-files), or
 * any file when stale files are kept. Such a file goes all the same when the new content (`files`,
 * relative with '/') needs its path as a folder (a note named `Connectors` at the root), or needs as
 * a file the path of a folder that holds it (`x.xml/draft.xml~`): commitFolder makes way for the
 * content. Listed among the deleted files, it was lost to a user who was told it is kept; the user
 * is the one to move it. Repository files (.DS_Store, …) in such a folder do not stop it. So is an
 * update that writes into one of `strays`, the folder's connector folders that pack leaves out whole
 * (stray-connector-folders): the solution's files there would be left out with the connector.
 */
export async function refuseKeptInTheWay(
  folder: string,
  files: readonly string[],
  stale: StalePolicy,
  strays: ReadonlySet<string> = new Set(),
): Promise<void> {
  const leftOut = (file: string): boolean => isLeftOut(file, strays);
  const keeps = (file: string): boolean => !isRepositoryFile(file) && (stale === 'keep' || leftOut(file));
  // Its files would be the solution's and the maker's connector's at once, and pack leaves it all out.
  const intoStray = files.find((file) => strayFolderOf(file, strays) !== undefined);
  if (intoStray !== undefined) {
    const stray = strayFolderOf(intoStray, strays)!;
    throw new UserError(
      `holds a connector in the PowerPlatformConnectors layout (${CONNECTOR_FILE_NAMES.swagger}), which pack leaves out of the solution with all the folder holds; the solution has files there (${intoStray}).`,
      {
        location: { file: path.join(folder, stray) },
        hint: 'Move the connector folder out of the solution folder, then unpack again.',
      },
    );
  }
  const needed = neededFolders(files);
  for (const [needs, forFiles] of needed) {
    const entry = await fs.lstat(path.join(folder, needs)).catch(() => undefined);
    if (!entry || entry.isDirectory() || entry.isSymbolicLink() || !keeps(needs)) continue;
    const more = forFiles.length > 1 ? ` and ${forFiles.length - 1} more` : '';
    throw new UserError(
      `is a file ${whatItIs([needs], leftOut)}; the solution needs it as a folder (for ${forFiles[0]}${more}).`,
      { location: { file: path.join(folder, needs) }, hint: 'Move or rename it, then unpack again.' },
    );
  }
  for (const file of files) {
    const entry = await fs.lstat(path.join(folder, file)).catch(() => undefined);
    if (!entry?.isDirectory()) continue;
    const inside = (await listFiles(path.join(folder, file))).filter((inner) => keeps(`${file}/${inner}`));
    if (inside.length === 0) continue;
    const count = inside.length === 1 ? '1 file' : `${inside.length} files`;
    throw new UserError(
      `is a folder holding ${count} ${whatItIs(
        inside.map((inner) => `${file}/${inner}`),
        leftOut,
        inside,
      )}; the solution has a file there.`,
      {
        location: { file: path.join(folder, file) },
        hint: `Move ${inside.length === 1 ? 'that file' : 'those files'} out of the folder (or delete ${inside.length === 1 ? 'it' : 'them'}), then unpack again.`,
      },
    );
  }
}

/**
 * Why unpack keeps `files` (relative to the folder), named in parentheses when `names` is given:
 * "that are not part of the solution (a~, b.orig), which unpack keeps".
 */
function whatItIs(
  files: readonly string[],
  leftOut: (file: string) => boolean,
  names?: readonly string[],
): string {
  const listed = names ? ` (${names.join(', ')})` : '';
  if (files.every(leftOut))
    return `that ${files.length === 1 ? 'is' : 'are'} not part of the solution${listed}, which unpack keeps`;
  return `that the solution does not have${listed}, which unpack keeps as stale files are kept`;
}

/** Every folder the files lie in (relative, '/'), shortest first, with the files that need it. */
function neededFolders(files: readonly string[]): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const file of files) {
    const segments = file.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      // Added to, not copied: a folder of 48,000 files copied its list once per file (a minute).
      const list = needed.get(folder);
      if (list) list.push(file);
      else needed.set(folder, [file]);
    }
  }
  return new Map([...needed].sort(([a], [b]) => a.split('/').length - b.split('/').length));
}
