import type { LocalFile } from './connector-files.js';
import { lineEndingShas } from './line-endings.js';
import type { RemoteFile } from './remote-file.js';

export interface TreeChanges {
  /** Files to add or replace, relative to the target folder. */
  upserts: LocalFile[];
  /** Files the connector folder no longer has, relative to the target folder. */
  deletions: string[];
  /** The paths among upserts that the upstream does not have yet (the others replace its files). */
  additions: string[];
}

/**
 * Whether the local files' modes say if a file is executable. Windows file systems keep no such bit:
 * Node reports every file there as not executable (mode 0o666), and Git for Windows keeps the mode
 * in its index instead (core.fileMode false).
 */
export function executableBitsKnown(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

/**
 * What must change upstream so that the target folder holds exactly the connector's files. A text
 * file that differs from the upstream's only in its line endings (a Windows checkout has CRLF where
 * the repository has LF, or the other way round) or in its final newline is no change. Where the local modes say nothing of
 * the executable bit (`executableBits` false: Windows), a file keeps the upstream's mode: read as
 * 100644 there, an executable upstream file would otherwise be a change of every pull request.
 */
export function diffConnectorFiles(
  local: readonly LocalFile[],
  remote: readonly RemoteFile[],
  executableBits: boolean = executableBitsKnown(),
): TreeChanges {
  const remoteByPath = new Map(remote.map((file) => [file.path, file]));
  const localPaths = new Set(local.map((file) => file.path));
  const withMode = (file: LocalFile): LocalFile =>
    executableBits || remoteByPath.get(file.path)?.mode !== '100755' ? file : { ...file, mode: '100755' };
  return {
    additions: local.filter((file) => !remoteByPath.has(file.path)).map((file) => file.path),
    upserts: local.map(withMode).filter((file) => {
      const there = remoteByPath.get(file.path);
      if (!there || there.mode !== file.mode) return true;
      return there.sha !== file.sha && !lineEndingShas(file).includes(there.sha);
    }),
    deletions: remote.filter((file) => !localPaths.has(file.path)).map((file) => file.path),
  };
}

export function hasChanges(changes: TreeChanges): boolean {
  return changes.upserts.length > 0 || changes.deletions.length > 0;
}

/** Whether two listings of a folder hold the same files: same paths, modes and blobs. */
export function sameFiles(a: readonly RemoteFile[], b: readonly RemoteFile[]): boolean {
  if (a.length !== b.length) return false;
  const byPath = new Map(a.map((file) => [file.path, file]));
  return b.every((file) => {
    const other = byPath.get(file.path);
    return other !== undefined && other.mode === file.mode && other.sha === file.sha;
  });
}
