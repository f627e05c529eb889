import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether `folder` is the top level of a repository: it holds a `.git` entry, a folder, or the file a
 * worktree or submodule has. Looked at on disk, without asking git: the configuration search stops
 * there, and a repository nested in another is told apart by it.
 */
export function isRepositoryRoot(folder: string): boolean {
  return existsSync(path.join(folder, '.git'));
}

/** The top level of the repository `folder` is in: the nearest folder upwards that is one; undefined in none. */
export function repositoryRootOf(folder: string): string | undefined {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    if (isRepositoryRoot(at)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}
