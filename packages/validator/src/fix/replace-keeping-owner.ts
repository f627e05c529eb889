/** Who owns a file and how many names it has (hard links), as a stat gives them. */
export interface FileOwner {
  uid: number;
  gid: number;
  nlink: number;
}

/** The user the process runs as, and the groups it is a member of; `uid` undefined on Windows. */
export interface ProcessUser {
  uid: number | undefined;
  groups: readonly number[];
}

/**
 * Whether a new file written by `user` can replace `file` (a rename) and be given its owner and
 * group first: root may give a file to anyone; its owner may give it any group they are a member
 * of; anyone else, though they may write the file (a group's write bit), would make it theirs.
 * On Windows there are no owners to keep.
 * A file with other names (hard links) is never replaced, whoever runs the fix: the rename gives
 * the fixed text to this name only and leaves the old text under the others, while a group member,
 * who writes in place, fixed it under every name. One result for everyone, and the one that keeps
 * the file as the maker linked it: they made the names share one text, as an editor that writes in
 * place keeps them (vim's backupcopy=auto does so for a file with links).
 */
export function canReplaceKeepingOwner(file: FileOwner, user: ProcessUser): boolean {
  if (file.nlink > 1) return false;
  if (user.uid === undefined || user.uid === 0) return true;
  return user.uid === file.uid && user.groups.includes(file.gid);
}

/** The user this process runs as (effective ids, those the file system checks). */
export function processUser(): ProcessUser {
  const uid = process.geteuid?.();
  if (uid === undefined) return { uid, groups: [] };
  return { uid, groups: [process.getegid?.() ?? -1, ...(process.getgroups?.() ?? [])] };
}
