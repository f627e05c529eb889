import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DeletedConnector } from './deleted-connectors.js';
import { realCasePath, toRepositoryPath } from './repository-paths.js';

/**
 * The paths to validate, and the deleted connectors that `paths` cover: those inside a path given,
 * and those a path names itself. A path that names a folder the branch deleted or moved away
 * (`gone`) is not validated: nothing of it is left (the action passes every folder a pull request
 * changed, those among them; on the command line it names the connector whose deletion to check).
 * Any other path that does not exist is left for validation to refuse, as without a base.
 */
export async function deletionScope(
  paths: readonly string[],
  gone: readonly string[],
  deleted: readonly DeletedConnector[],
  where: { cwd: string; realCwd: string; topLevel: string },
): Promise<{ paths: string[]; deleted: DeletedConnector[] }> {
  const kept: string[] = [];
  const covered = new Set<DeletedConnector>();
  // Each path is looked up, not compared with every deleted folder: a pull request's run names
  // every folder it changed, which may be thousands, each deleted.
  const byPath = new Map<string, DeletedConnector>();
  for (const folder of deleted)
    if (!byPath.has(folder.repositoryPath)) byPath.set(folder.repositoryPath, folder);
  const goneSet = new Set(gone);
  const containing = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(where.cwd, given);
    const exists = existsSync(absolute);
    // Resolved from cwd's real path when it does not exist: there is nothing to ask the disk about.
    const real = exists
      ? await realCasePath(absolute)
      : path.resolve(where.realCwd, path.relative(where.cwd, absolute));
    const inRepository = toRepositoryPath(where.topLevel, real);
    const named = inRepository === undefined ? undefined : byPath.get(inRepository);
    if (named) covered.add(named);
    if (!named && !(inRepository !== undefined && goneSet.has(inRepository))) kept.push(given);
    if (!exists || inRepository === undefined) continue;
    containing.add(inRepository);
  }
  // A deleted folder is covered by a path given that is one of its parent folders (or the top).
  const isCovered = (folder: DeletedConnector): boolean =>
    covered.has(folder) ||
    containing.has('.') ||
    parentFolders(folder.repositoryPath).some((parent) => containing.has(parent));
  return { paths: kept, deleted: deleted.filter(isCovered) };
}

/** `a/b/c` → `a`, `a/b`: the folders a repository path is inside, not itself. */
function parentFolders(repositoryPath: string): string[] {
  const parts = repositoryPath.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}
