/** One entry of a git tree object as git stores it. */
export interface RawTreeEntry {
  /** The mode as `git ls-tree` prints it: six octal digits ("040000" for a subtree). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  name: string;
}

/**
 * The entries of a tree object's bytes, in the order git stored them (its sort order, which is the
 * order `git ls-tree` prints). Each entry is `<octal mode> <name>\0<20-byte object id>`; git writes
 * the mode without leading zeros ("40000"), and ls-tree pads it to six digits.
 */
export function parseTreeObject(bytes: Buffer): RawTreeEntry[] {
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(0x20, at);
    const nul = space < 0 ? -1 : bytes.indexOf(0x00, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > bytes.length)
      throw new Error(`a truncated tree entry at byte ${at}`);
    const mode = bytes.toString('latin1', at, space).padStart(6, '0');
    entries.push({
      mode,
      type: typeOfMode(mode),
      sha: bytes.toString('hex', nul + 1, nul + 21),
      name: bytes.toString('utf8', space + 1, nul),
    });
    at = nul + 21;
  }
  return entries;
}

/** What a mode says an entry is, as ls-tree says it: a subtree, a submodule's commit, or a blob. */
function typeOfMode(mode: string): RawTreeEntry['type'] {
  if (mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}
