/**
 * Which commits of a fork branch this package made. Each commit it makes ends with a trailer, so that a
 * later run can tell its own head commit from one that somebody pushed on top (an upstream maintainer
 * with "Allow edits by maintainers", or the author on GitHub's web editor). A run rebuilds the branch
 * from the maker's connector, so such a commit is replaced: the run says so instead of dropping it silently.
 */
export const COMMIT_TRAILER = 'Made-by: connector-alm';

/**
 * The trailer naming the target folder a commit is for. Two folders can share a branch name
 * (`Contoso Tasks` and `Contoso-Tasks`); a later run reads it to tell a branch of another folder
 * from its own before it moves the branch (see branch-holder.ts).
 */
const FOLDER_TRAILER = 'Connector-folder:';

/**
 * The message of a commit this package makes: the summary, where it came from, and the trailers
 * (the target folder, when it fits on one line, and the mark).
 */
export function commitMessage(summary: string, source: string | undefined, targetFolder?: string): string {
  const folder =
    targetFolder !== undefined && !/[\r\n]/.test(targetFolder) ? `${FOLDER_TRAILER} ${targetFolder}\n` : '';
  return `${summary}${source ? `\n\nFrom ${source}.` : ''}\n\n${folder}${COMMIT_TRAILER}`;
}

/** The target folder a commit of ours names in its trailer; undefined for other commits and older ones. */
export function committedFolder(message: string): string | undefined {
  if (!isOwnCommit(message)) return undefined;
  const line = message
    .split(/\r?\n/)
    .reverse()
    .find((each) => each.startsWith(FOLDER_TRAILER));
  return line?.slice(FOLDER_TRAILER.length).trim() || undefined;
}

export function isOwnCommit(message: string): boolean {
  return message.split(/\r?\n/).some((line) => line.trim() === COMMIT_TRAILER);
}

/**
 * The warning for a replaced head commit without the trailer. Versions before the trailer made their
 * commits without it, so such a commit is not surely somebody else's: the warning says both (their
 * "Add …" / "Update …" subjects cannot tell them apart from a web edit's "Update readme.md").
 */
export function replacedCommitWarning(
  branch: string,
  commit: { sha: string; message: string },
  connector: string,
): string {
  const subject = commit.message.split(/\r?\n/)[0]!.trim();
  return `The branch ${branch} held commit ${commit.sha.slice(0, 7)} ("${subject}"), which does not end with "${COMMIT_TRAILER}": somebody else pushed it, or a connector-alm older than that mark made it (then nothing is lost). This run replaced it with ${connector} as your repository has it. If it was a fix, bring it into your repository, or the next run replaces it again; the pull request's timeline links to it.`;
}
