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
 */
export function renamedFolderSources(
  renames: readonly FileRename[],
  folders: Iterable<string>,
): Map<string, string> {
  const sources = new Map<string, string>();
  for (const folder of folders) {
    if (folder === '.') continue;
    const votes = new Map<string, number>();
    for (const { from, to } of renames) {
      if (!to.startsWith(`${folder}/`)) continue;
      const inside = to.slice(folder.length + 1);
      if (!from.endsWith(`/${inside}`)) continue;
      const source = from.slice(0, from.length - inside.length - 1);
      if (source !== folder) votes.set(source, (votes.get(source) ?? 0) + 1);
    }
    // Most votes; on a tie the first in path order, so that the answer does not depend on git's order.
    const [best] = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (best) sources.set(folder, best[0]);
  }
  return sources;
}
