import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, type SaySetting } from '@connector-alm/core';
import type { StalePolicy } from '../fs/commit-folder.js';
import { refuseNonFolder } from '../fs/folder-path.js';
import { listFiles } from '../fs/list-files.js';
import { decodeUtf8Strict } from '../text/decode.js';
import { parseXml } from '../xml/parse-xml.js';
import { FOLDER_SOLUTION, isRepositoryFile } from './layout.js';
import { isLeftOut } from './left-out-files.js';
import { misnamedPartsHint } from './misnamed-parts.js';
import { strayConnectorFolders } from './stray-connector-folders.js';
import { readManifest } from './manifest.js';

const OVERWRITE = { option: '--overwrite', input: 'overwrite: true' };
const KEEP_STALE = { option: '--stale keep', input: 'stale-files: keep' };
const OVERWRITE_KEEPING_STALE = {
  option: '--overwrite --stale keep',
  input: 'overwrite: true with stale-files: keep',
};

/**
 * Refuses, before anything is read or written, a target that unpack must not update: a file, a
 * folder with content when overwriting was not asked for, and a folder with files to delete but no
 * unpacked solution when stale files are to be deleted. Files that are not part of a solution (a
 * README.md at the root, see left-out-files) are never deleted, so they alone do not refuse it.
 *
 * Why the last: "stale" means files an earlier unpack wrote that the solution no longer has. In a
 * folder that holds no earlier unpack (a workflow's `folder: .`, or `solutions` beside other
 * solutions), every file is "stale", and overwrite plus deletion are the action's defaults.
 */
export async function refuseUnpackTarget(
  folder: string,
  options: { overwrite: boolean; stale: StalePolicy; say: SaySetting },
): Promise<void> {
  // Checked even when overwriting: a file there would otherwise fail half-way with ENOTDIR.
  await refuseNonFolder(folder);
  if (!(await fs.stat(folder).catch(() => undefined))) return;
  const files = await listFiles(folder, isRepositoryFile);
  if (files.length === 0) return;
  const holdsSolution = files.includes(FOLDER_SOLUTION);
  // What updating would delete: files that are not part of a solution (a readme) never are.
  const strays = strayConnectorFolders(files);
  const stale = files.filter((file) => !isLeftOut(file, strays));
  const ownFolder = 'Unpack into a folder of its own (e.g. a <solution name> folder inside this one)';
  const location = { file: folder };
  // Said to the unpack command and the unpack-solution action alike, each in its own words.
  const { say } = options;
  if (!options.overwrite) {
    throw new UserError(`already holds ${fileCount(files)}.`, {
      location,
      hint: holdsSolution
        ? `Update it in place (${say(OVERWRITE)}).`
        : stale.length === 0
          ? `${ownFolder}, or add the solution beside them (${say(OVERWRITE)}); unpack never deletes files that are not part of a solution.`
          : `${ownFolder}, or add the solution beside them (${say(OVERWRITE_KEEPING_STALE)}).`,
    });
  }
  if (!holdsSolution && options.stale === 'delete' && stale.length > 0) {
    throw new UserError(
      `holds ${fileCount(stale)} but no unpacked solution (no ${FOLDER_SOLUTION}); updating it would delete ${stale.length === 1 ? 'it' : 'them'}.`,
      {
        location,
        // Its solution under a name in other letter case (other/, renamed on Windows or macOS) is
        // what to update, once renamed: beside it, the solution would be in the folder twice.
        hint:
          (await misnamedPartsHint(folder)) ??
          `${ownFolder}, or add the solution beside those files (${say(KEEP_STALE)}).`,
      },
    );
  }
}

function fileCount(files: readonly string[]): string {
  return `${files.length} ${files.length === 1 ? 'file' : 'files'}`;
}

/**
 * Refuses to update a folder that holds the unpacked form of another solution (a workflow copied for
 * a second solution that still names the first one's folder): its files would be replaced, or mixed
 * with the other solution's. Unique names never change in Dataverse, so a different one is a mistake.
 * A manifest that cannot be read is left to the update, which replaces it.
 */
export async function refuseOtherSolution(
  folder: string,
  uniqueName: string,
  zipPath: string,
): Promise<void> {
  const file = path.join(folder, FOLDER_SOLUTION);
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes === undefined) return;
  let committed: string;
  try {
    committed = readManifest(parseXml(decodeUtf8Strict(bytes, file), file), file).uniqueName;
  } catch {
    return;
  }
  if (committed.toLowerCase() === uniqueName.toLowerCase()) return;
  // The zip by its file name: the message is located at the folder, and the libraries do not know the
  // working directory from which the CLI names paths.
  throw new UserError(
    `holds the unpacked solution ${committed}; ${path.basename(zipPath)} is ${uniqueName}.`,
    {
      location: { file: folder },
      hint: `Unpack ${uniqueName} into a folder of its own; to replace ${committed} there, delete the folder first.`,
    },
  );
}
