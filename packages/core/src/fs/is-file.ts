import { statSync } from 'node:fs';

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
