import type { LocalFile } from './connector-files.js';

/** A file as it is upstream (a blob of the base tree), relative to the connector's target folder. */
export interface RemoteFile {
  path: string;
  mode: string;
  sha: string;
}

export interface TreeChanges {
  /** Files to add or replace, relative to the target folder. */
  upserts: LocalFile[];
  /** Files the connector folder no longer has, relative to the target folder. */
  deletions: string[];
}

/** What must change upstream so that the target folder holds exactly the connector's files. */
export function diffConnectorFiles(local: readonly LocalFile[], remote: readonly RemoteFile[]): TreeChanges {
  const remoteByPath = new Map(remote.map((file) => [file.path, file]));
  const localPaths = new Set(local.map((file) => file.path));
  return {
    upserts: local.filter((file) => {
      const there = remoteByPath.get(file.path);
      return !there || there.sha !== file.sha || there.mode !== file.mode;
    }),
    deletions: remote.filter((file) => !localPaths.has(file.path)).map((file) => file.path),
  };
}

export function hasChanges(changes: TreeChanges): boolean {
  return changes.upserts.length > 0 || changes.deletions.length > 0;
}
