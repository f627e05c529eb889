/**
 * What git has of a file: `committed` when the last commit holds it as the work tree does, so that
 * a change to it shows in `git diff` and can be undone; `changed` when the last commit has it with
 * other content (staged or not); `untracked` when the last commit has no such file (a new file,
 * staged or not, or a branch without a commit); `ignored` when it has none and git ignores the file
 * (.gitignore), so that no plain commit would keep it either: often a local secret or setting.
 */
export type CommitState = 'committed' | 'changed' | 'untracked' | 'ignored';

/** What git has of some files: each one's state, or why git cannot tell (`it is not in a git work tree`). */
export type FilesInGit =
  { inWorkTree: true; states: ReadonlyMap<string, CommitState> } | { inWorkTree: false; why: string };

/**
 * Asks git what it has of `files` (absolute paths of files in one folder). A port: the validator's
 * commitStates runs git; the solution package, which runs no git, takes it from its callers.
 */
export type AskGit = (files: readonly string[]) => Promise<FilesInGit>;
