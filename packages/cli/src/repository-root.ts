import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The root of the git checkout holding `cwd` (the nearest folder with a `.git`), else `cwd`. Code
 * scanning matches SARIF paths against the repository, so they are made relative to this folder.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
