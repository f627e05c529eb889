import path from 'node:path';
import { repositoryRootOf } from '@connector-alm/validator';

/**
 * The root of the git checkout holding `cwd` (the nearest folder with a `.git`), else `cwd`. Code
 * scanning matches SARIF paths against the repository, so they are made relative to this folder.
 */
export function repositoryRoot(cwd: string): string {
  return repositoryRootOf(cwd) ?? path.resolve(cwd);
}
