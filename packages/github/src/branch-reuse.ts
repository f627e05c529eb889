import { joinedList, printable, type Logger, type SaySetting } from '@connector-alm/core';
import { isOwnCommit } from './branch-commit.js';
import type { LocalFile } from './connector-files.js';
import type { GitHubClient } from './octokit-client.js';
import type { PullRequestDetails } from './pull-request.js';
import { readCommit, readRemoteFolder, type BranchHead } from './remote-tree.js';
import type { RepositoryName } from './repository-name.js';
import type { RemoteFile } from './remote-file.js';
import { leftOutDifferences, upstreamFilesToMatch, type LeftOutFile } from './sent-files.js';
import { diffConnectorFiles, hasChanges, sameFiles } from './tree-changes.js';

export interface BranchReuse {
  /** The branch as it is, if it exists. */
  existing: BranchHead | undefined;
  /** The head of the upstream's base branch now. */
  base: BranchHead;
  /** "owner/repo@base", for the log. */
  baseName: string;
  targetFolder: string;
  /** The maker's connector: the files the pull request carries. */
  local: readonly LocalFile[];
  /** The files of the connector folder the pull request leaves out: on the branch, as upstream. */
  leftOut: readonly LeftOutFile[];
  /** The target folder in the upstream's base now. */
  upstreamFiles: readonly RemoteFile[];
  /** The open pull request against the base whose head is the branch, if any: its number and details. */
  openPullRequest: { number: number; details: () => Promise<PullRequestDetails> } | undefined;
  /** How advice names a setting: the CLI's options or an action's inputs. */
  say: SaySetting;
}

/**
 * Whether a rerun leaves the pull request's branch as it is, rather than rebuilding it on the base.
 * It does when the branch holds the maker's connector and moving it would not change the pull
 * request: it is one commit on the base as it is now, or one commit of ours on an older base
 * whose target folder is the same as now. Rebuilding it then would only push a commit with the same
 * diff, which reruns the upstream's checks and notifies the reviewers for nothing; the checks run on
 * the pull request merged into the base as it is anyway. When the upstream changed the target
 * folder since (somebody else's commit to the same connector), the diff would change: it is rebuilt.
 */
export async function keepsBranch(
  client: GitHubClient,
  fork: RepositoryName,
  reuse: BranchReuse,
  logger: Logger,
): Promise<boolean> {
  const { existing, base, targetFolder } = reuse;
  if (!existing || existing.parents.length !== 1) return false;
  const builtOn = existing.parents[0]!;
  const sameBase = builtOn === base.sha;
  // On an older base only a commit of ours is kept: ours are one commit on an upstream base commit
  // that change the target folder alone, so its diff is the folder's. The open pull request against
  // the base vouches that this older base is the base branch's: a branch last built for another
  // base (or for no pull request) gets the base as it is now, as a first run would.
  if (!sameBase && !(reuse.openPullRequest && isOwnCommit(existing.message))) return false;
  const onBranch = await readRemoteFolder(client, fork, existing.treeSha, targetFolder, reuse.say);
  if (hasChanges(diffConnectorFiles(reuse.local, upstreamFilesToMatch(onBranch, reuse.leftOut))))
    return false;
  // The upstream's copies of left-out files stay; any other copy on the branch is a change to undo.
  // On an older base too: its target folder must be the base's now (below), left-out files included.
  const stray = leftOutDifferences(onBranch, reuse.upstreamFiles, reuse.leftOut);
  if (stray.length > 0) {
    logger.info(
      `The branch still changes ${joinedList(stray.map((file) => printable(file)))} of ${reuse.baseName}, which the pull request leaves out now: it is built again on ${base.sha}.`,
    );
    return false;
  }
  if (sameBase) {
    logger.info(`The branch already holds this version of the connector (${existing.sha}): nothing to push.`);
    return true;
  }
  // The open pull request shows the commits of the branch that its base lacks: ours alone on a commit
  // of the base's history. More, and the older base is not the base's own: a pull request built for
  // master, whose base was then changed to dev on GitHub, shows master's merge commits until rebuilt.
  const shown = (await reuse.openPullRequest!.details()).commits;
  if (shown !== 1) {
    logger.info(
      `Pull request #${reuse.openPullRequest!.number} shows ${shown} commits, not only the branch's own: the commit the branch is built on (${builtOn}) is not in ${reuse.baseName}'s history, so the branch is built again on ${base.sha}.`,
    );
    return false;
  }
  const older = await readCommit(client, fork, builtOn, `the commit the branch is built on (${builtOn})`);
  if (
    !sameFiles(
      await readRemoteFolder(client, fork, older.treeSha, targetFolder, reuse.say),
      reuse.upstreamFiles,
    )
  ) {
    logger.info(
      `${targetFolder} changed in ${reuse.baseName} since the branch was built on ${builtOn}: the branch is built again on ${base.sha}.`,
    );
    return false;
  }
  logger.info(
    `The branch already holds this version of the connector (${existing.sha}), on an older ${reuse.baseName} whose ${targetFolder} is the same: left as it is, since moving it to ${base.sha} would not change the pull request.`,
  );
  return true;
}
