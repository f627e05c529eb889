import type { Logger, SaySetting } from '@connector-alm/core';
import { refusedForWorkflowScope } from './api-errors.js';
import { isOwnCommit } from './branch-commit.js';
import { commitChanges, setBranch } from './commit-changes.js';
import { forkDefaultBase } from './fork-default-base.js';
import type { GitHubClient } from './octokit-client.js';
import { readCommit, readRemoteFolder, type BranchHead } from './remote-tree.js';
import type { RemoteFile } from './remote-file.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';
import { sameFiles, type TreeChanges } from './tree-changes.js';

export interface BranchWrite {
  branch: string;
  /** The branch as it is, if it exists. */
  existing: BranchHead | undefined;
  /** The head of the upstream's base branch now, which the commit is built on. */
  base: { sha: string; treeSha: string };
  /** "owner/repo@base", for the log. */
  baseName: string;
  targetFolder: string;
  changes: TreeChanges;
  message: string;
  /** The target folder in the upstream's base now. */
  upstreamFiles: readonly RemoteFile[];
  say: SaySetting;
}

/**
 * Builds the pull request's commit on the base and points the branch at it. When GitHub refuses to
 * move the branch for a token without the workflow scope (the base's files under .github/workflows
 * changed since the branch was built: see the local GitHub's workflow-scope.ts), the commit is built
 * on the branch's own base instead, if the branch is one commit of ours there and the target folder
 * there is the base's now: the pull request then proposes the same change, and its update needs no
 * scope the maker's token lacks. A warning says so. Otherwise the refusal stands, with its hint.
 */
export async function writeBranchCommit(
  client: GitHubClient,
  fork: RepositoryName,
  write: BranchWrite,
  logger: Logger,
): Promise<{ commitSha: string; warning?: string }> {
  const commit = await commitChanges(
    client,
    fork,
    write.base,
    write.targetFolder,
    write.changes,
    write.message,
  );
  try {
    await setBranch(client, fork, write.branch, commit.commitSha, write.existing !== undefined);
    return { commitSha: commit.commitSha };
  } catch (error) {
    if (!(error instanceof Error && refusedForWorkflowScope(error.cause))) throw error;
    const fallback = write.existing
      ? await earlierBaseWithSameFolder(client, fork, write)
      : await forkBranchBase(client, fork, write);
    if (!fallback) throw error;
    const again = await commitChanges(
      client,
      fork,
      fallback.base,
      write.targetFolder,
      write.changes,
      write.message,
    );
    await setBranch(client, fork, write.branch, again.commitSha, write.existing !== undefined);
    logger.warning(fallback.warning);
    return { commitSha: again.commitSha, warning: fallback.warning };
  }
}

/** A base the branch can be built on without the workflow scope, and the warning that says so. */
interface WorkflowScopeFallback {
  base: { sha: string; treeSha: string };
  warning: string;
}

/** A new branch built on the fork's default branch (forkDefaultBase), where that proposes the same change. */
async function forkBranchBase(
  client: GitHubClient,
  fork: RepositoryName,
  write: BranchWrite,
): Promise<WorkflowScopeFallback | undefined> {
  const found = await forkDefaultBase(client, fork, write.base, {
    folder: write.targetFolder,
    upstreamFiles: write.upstreamFiles,
    say: write.say,
  });
  if (!found) return undefined;
  const forkBranch = `${formatRepositoryName(fork)}@${found.branch}`;
  return {
    base: found.head,
    warning: `GitHub refused to create ${write.branch} on ${write.baseName} (${write.base.sha}) for a token without the workflow scope, as the upstream's workflows changed since ${forkBranch} was synced: it is built on ${forkBranch} (${found.head.sha}) instead, which ${write.baseName} has in its history and where ${write.targetFolder} is the same, so the pull request proposes the same change. Sync the fork (Sync fork on its page on GitHub) or give the token the workflow scope to build it on the base as it is now.`,
  };
}

/** The commit the existing branch is built on, if the branch is one commit of ours there and the target folder there is the base's now. */
async function earlierBaseWithSameFolder(
  client: GitHubClient,
  fork: RepositoryName,
  write: BranchWrite,
): Promise<WorkflowScopeFallback | undefined> {
  const { existing } = write;
  if (!existing || existing.parents.length !== 1 || !isOwnCommit(existing.message)) return undefined;
  const builtOn = await readCommit(
    client,
    fork,
    existing.parents[0]!,
    `the commit the branch is built on (${existing.parents[0]})`,
  );
  const folder = await readRemoteFolder(client, fork, builtOn.treeSha, write.targetFolder, write.say);
  if (!sameFiles(folder, write.upstreamFiles)) return undefined;
  return {
    base: builtOn,
    warning: `GitHub refused to build ${write.branch} on ${write.baseName} (${write.base.sha}) for a token without the workflow scope, as the upstream's workflows changed since the branch was built: it is built again on its earlier base ${builtOn.sha}, where ${write.targetFolder} is the same, so the pull request proposes the same change. Give the token the workflow scope to build it on the base as it is now.`,
  };
}
