/** A file that git saw renamed (moved) between two versions. */
export interface FileRename {
  from: string;
  to: string;
}

/**
 * For each of `folders` (repository-relative), the folder its files were moved from, when the
 * branch renamed a whole connector folder (`git mv certified-connectors/JIRA certified-connectors/Jira`):
 * the folder that most of its renamed files came from with the same path inside it. Folders no
 * renamed file came into are left out.
 *
 * One pass over the renames, each voting for the folders among its destination's ancestors: a pull
 * request that renames thousands of folders has thousands of renames per folder list, and asking
 * every folder about every rename took their product.
 */
export function renamedFolderSources(
  renames: Iterable<FileRename>,
  folders: Iterable<string>,
): Map<string, string> {
  const votesByFolder = new Map<string, Map<string, number>>();
  for (const folder of folders) if (folder !== '.') votesByFolder.set(folder, new Map());
  for (const { from, to } of renames) {
    for (let slash = to.lastIndexOf('/'); slash > 0; slash = to.lastIndexOf('/', slash - 1)) {
      const folder = to.slice(0, slash);
      const votes = votesByFolder.get(folder);
      if (!votes) continue;
      const inside = to.slice(slash + 1);
      if (!from.endsWith(`/${inside}`)) continue;
      const source = from.slice(0, from.length - inside.length - 1);
      if (source !== folder) votes.set(source, (votes.get(source) ?? 0) + 1);
    }
  }
  const sources = new Map<string, string>();
  for (const [folder, votes] of votesByFolder) {
    // Most votes; on a tie the first in path order, so that the answer does not depend on git's order.
    const [best] = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (best) sources.set(folder, best[0]);
  }
  return sources;
}
