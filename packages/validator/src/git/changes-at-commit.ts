import path from 'node:path';
import { isWithin } from '@connector-alm/core';
import type { Change } from '../diff/change.js';
import { connectorFoldersOf } from './changed-connectors.js';
import { diffConnectorFiles } from '../diff/connector-diff.js';
import { connectorVersion } from '../diff/connector-version.js';
import { loadConnectorFolder } from '../loader/connector-folder.js';
import type { ConnectorDiff } from './base-validation.js';
import { withoutCurrentSyntaxErrors } from './compare-with-base.js';
import { connectorDeletedChange, deletedConnectorFolders } from './deleted-connectors.js';
import type { Git } from './git.js';
import { materializeFirstFolder } from './materialize.js';
import { realCasePath } from './repository-paths.js';

/**
 * The changes that the connectors of a comparison had at `commit`, an earlier head of the branch (the
 * one a push replaced), against its own merge base with `baseRef`: what `validate --base` found on that
 * commit, so that a later head's changes can be set against them. For each connector of the
 * comparison that `commit` changed, keyed by its entry of `diffs` (one unchanged now included: the push
 * may have put it back as the base has it). A connector is looked for where it is now,
 * then where it was renamed from; one absent at `commit` that the base has was deleted there
 * (BRK-CONNECTOR-DELETED), and one the base lacks, or has without a swagger, was new: no changes.
 * Only the two versions' files are read and compared, nothing is validated.
 */
export async function changesAtCommit(
  git: Git,
  commit: string,
  baseRef: string,
  diffs: readonly ConnectorDiff[],
): Promise<Map<ConnectorDiff, Change[]>> {
  const mergeBase = await git.mergeBase(commit, baseRef);
  // A connector unchanged now may have had changes then (the push put it back as the base has it); one
  // that `commit` left as the base had it had none, whatever it has now: only those it touched are read.
  const touched = await git.changedFiles(mergeBase, commit);
  const changes = new Map<ConnectorDiff, Change[]>();
  for (const entry of diffs) {
    // Outside the repository: `commit` has nothing of it.
    if (entry.status === 'uncompared') continue;
    const places = [entry.repositoryPath, ...(entry.renamedFrom === undefined ? [] : [entry.renamedFrom])];
    // Repository paths, `.` for the top level: compared as POSIX paths.
    if (!places.some((place) => touched.some((file) => isWithin(place, file, path.posix)))) continue;
    changes.set(entry, await changesOfConnector(git, commit, mergeBase, places));
  }
  return changes;
}

/** A connector `commit` changed that a later head put back as the base has it, with the changes it had then. */
export interface RestoredConnector {
  /** Repository-relative, `.` for the top level. */
  repositoryPath: string;
  /** Its folder in the work tree (absent when the base lacks it: the later head took a new one out). */
  folder: string;
  changes: Change[];
}

/**
 * The connectors that `commit` changed against its merge base with `baseRef` and that no entry of
 * `diffs` is: the head compared since put them back exactly as the base has them, so the pull request
 * no longer changes them and a run on it checks them not, yet what they had at `commit` is resolved.
 * With the changes they had then (none for one the base lacks: it was new), as changesAtCommit reads
 * them. Those in none of the `scope` folders (absolute: the run's paths) are left out, as the run
 * leaves them out.
 */
export async function restoredAtCommit(
  git: Git,
  commit: string,
  baseRef: string,
  diffs: readonly ConnectorDiff[],
  scope: readonly string[],
): Promise<RestoredConnector[]> {
  const mergeBase = await git.mergeBase(commit, baseRef);
  const topLevel = await realCasePath(await git.topLevel());
  // Named as git names the top level: by its real path (a workspace may be reached through a link).
  const places = await Promise.all(
    scope.map((place) => realCasePath(place).catch(() => path.resolve(place))),
  );
  const checked = new Set(
    diffs.flatMap((entry) => [
      entry.repositoryPath,
      ...(entry.renamedFrom === undefined ? [] : [entry.renamedFrom]),
    ]),
  );
  const touched = await git.changedFiles(mergeBase, commit);
  const restored: RestoredConnector[] = [];
  for (const repositoryPath of await connectorFoldersOf(touched, git, topLevel, mergeBase)) {
    const folder = path.join(topLevel, repositoryPath);
    if (checked.has(repositoryPath) || !places.some((place) => isWithin(place, folder))) continue;
    const changes = await changesOfConnector(git, commit, mergeBase, [repositoryPath]);
    restored.push({ repositoryPath, folder, changes });
  }
  return restored;
}

async function changesOfConnector(
  git: Git,
  commit: string,
  mergeBase: string,
  places: readonly string[],
): Promise<Change[]> {
  const base = await materializeFirstFolder(git, mergeBase, places);
  if (!base) return [];
  try {
    const baseFolder = await loadConnectorFolder(base.folder.path, base.folder.root);
    if (!baseFolder.files.swagger) return [];
    const then = await materializeFirstFolder(git, commit, places);
    if (!then) {
      const deleted = await deletedConnectorFolders([base.place], new Map(), git, mergeBase);
      return deleted.map((folder) => connectorDeletedChange(folder, mergeBase));
    }
    try {
      const thenFolder = await loadConnectorFolder(then.folder.path, then.folder.root);
      const diff = diffConnectorFiles(connectorVersion(baseFolder), connectorVersion(thenFolder));
      return withoutCurrentSyntaxErrors(diff).changes;
    } finally {
      await then.folder.cleanup();
    }
  } finally {
    await base.folder.cleanup();
  }
}
