import path from 'node:path';

/**
 * What to rename when `wanted` (a path in the solution folder, with `/`) is missing but `files` has it
 * in other letter case: a folder or file renamed on Windows or macOS, whose disks take either name,
 * reads as missing on Linux (a CI runner). Undefined when no file differs from it in case only. Called
 * on the way to an error, so going through every file is no cost worth an index.
 */
export function caseOnlyRenameHint(wanted: string, files: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  const list = [...files];
  for (const file of list) {
    if (file === wanted || file.toLowerCase() !== lower) continue;
    const [folder, wantedFolder] = [path.posix.dirname(file), path.posix.dirname(wanted)];
    // The folder is there too (Other/ beside other/, which Linux holds apart): renaming other/ to it
    // cannot be done, moving the file can.
    if (folder !== wantedFolder && list.some((each) => path.posix.dirname(each) === wantedFolder))
      return `${file} is in ${folder}/, which differs from ${wantedFolder}/ in letter case only, which Linux tells apart: move it to ${wanted}.`;
    // The whole folder was renamed: every file in it reads as missing, so the folder is the fix.
    if (folder !== wantedFolder)
      return `${folder}/ differs from ${wantedFolder}/ in letter case only, which Linux tells apart: rename the folder to ${wantedFolder}/.`;
    // Named, not "it": a hint may name two files (Other/solution.xml and Other/customizations.xml).
    return `${file} differs from ${wanted} in letter case only, which Linux tells apart: rename it to ${wanted}.`;
  }
  return undefined;
}
