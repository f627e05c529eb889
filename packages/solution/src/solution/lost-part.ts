import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { caseOnlyRenameHint } from './case-only-rename.js';
import { FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION } from './layout.js';

/**
 * A folder unpack wrote that has Other/Solution.xml without Other/Customizations.xml, or the
 * reverse: a solution with a part missing (exit code 1), not a folder that holds none (exit code 2).
 * The error names the one it lacks, and the file to rename when `files` (the folder's, with `/`) has
 * it in other letter case, else how to get it back.
 */
export function lostPartError(folder: string, hasManifest: boolean, files: Iterable<string>): UserError {
  const [kept, lost, what] = hasManifest
    ? [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS, "the solution's components"]
    : [FOLDER_CUSTOMIZATIONS, FOLDER_SOLUTION, "the solution's manifest"];
  return new UserError(`has ${kept} but no ${lost}, ${what}.`, {
    location: { file: folder },
    hint: caseOnlyRenameHint(lost, files) ?? `Restore ${lost} (e.g. from git), or unpack the solution again.`,
  });
}

/**
 * Why pack (and extract-connectors, for the manifest) refuses a folder whose Other/Solution.xml or Other/Customizations.xml is there but is no
 * file (a folder, say, made by an archive tool or a mistyped `mkdir -p`): said as what it is, not as
 * a part that went missing, which would send the user looking for a file they can see. Undefined
 * when each of `parts` is a file or absent. `shown` is the folder as the user named it.
 */
export async function partNotAFileError(
  folder: string,
  parts: readonly string[] = [FOLDER_SOLUTION, FOLDER_CUSTOMIZATIONS],
  shown = folder,
): Promise<UserError | undefined> {
  for (const part of parts) {
    const stat = await fs.lstat(path.join(folder, part)).catch(() => undefined);
    if (stat === undefined || stat.isFile()) continue;
    const what = part === FOLDER_SOLUTION ? "the solution's manifest" : "the solution's components";
    const [kind, hint] = stat.isDirectory()
      ? [
          'a folder',
          `Move anything you keep in it elsewhere and delete the folder, then restore the file ${part} (e.g. from git), or unpack the solution again.`,
        ]
      : stat.isSymbolicLink()
        ? [
            'a symbolic link',
            'Replace the link with the file itself: links in the folder are not followed, so that none pulls a file from outside it into the solution.',
          ]
        : ['neither a file nor a folder', `Replace it with the file ${part}, or unpack the solution again.`];
    return new UserError(`is ${kind}, not a file; ${part} is the file that holds ${what}.`, {
      location: { file: path.join(shown, part) },
      hint,
    });
  }
  return undefined;
}
