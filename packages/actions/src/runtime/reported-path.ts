import path from 'node:path';
import { isWithin, posixRelativePath } from '@connector-alm/core';

/**
 * A file or folder an action wrote, as its log, job summary and outputs name it: inside the
 * workspace, relative to it with '/' (as its inputs name it there, and GitHub names the files of the
 * repository); outside it, which can only be under runner.temp, its absolute path, as
 * `${{ runner.temp }}/…` gave it. Relative to the workspace that was `../../_temp/…` on a hosted
 * runner, a path nobody wrote. Either form is a path a later step's input takes as it is. `paths`
 * lets tests pass path.win32.
 */
export function reportedPath(workspace: string, file: string, paths: path.PlatformPath = path): string {
  const absolute = paths.resolve(workspace, file);
  return isWithin(workspace, absolute, paths) ? posixRelativePath(workspace, absolute, paths) : absolute;
}
