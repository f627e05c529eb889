import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a path names a file (through links), for deciding where a message goes: false for a
 * folder, and for a path that is not there or cannot be reached (below a file, say), which the
 * caller's own read reports with its located error.
 */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether a path names a folder (through links); false for a file and a path that is not there. */
export function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The folder an absolute path is in, or is: a path that does not exist (a connector folder the branch
 * deleted, a mistyped one that validation will report) is in the nearest folder above it that does.
 */
export function existingFolderOf(absolute: string): string {
  let at = absolute;
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return isFile(at) ? path.dirname(at) : at;
}
