// Apart from tree-changes.ts, which compares local files with these, because line-endings.ts,
// which tree-changes.ts calls, reads them too.

/** A file as it is upstream (a blob of the base tree), relative to the connector's target folder. */
export interface RemoteFile {
  path: string;
  mode: string;
  sha: string;
}
