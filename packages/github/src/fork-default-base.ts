import type { SaySetting } from '@connector-alm/core';
import { step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { readBranch, readRemoteFolder, type BranchHead } from './remote-tree.js';
import type { RemoteFile } from './remote-file.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';
import { sameFiles } from './tree-changes.js';

/** The fork's default branch and its head: what a new branch can be built on instead of the base. */
export interface ForkDefaultBase {
  branch: string;
  head: BranchHead;
}

/**
 * The head of the fork's default branch, for a new branch that GitHub refused to create on the
 * upstream's base for a token without the workflow scope: GitHub compares a new branch with the
 * fork's default branch, and the upstream's workflows changed since the fork was last synced. Built
 * on that head instead, the branch changes no workflow. It proposes the same change when the head is
 * in the base's history (the fork is only behind: GitHub's compare of the two says "behind"), so the
 * pull request shows its commit alone, and when the target folder there is the base's now. Undefined
 * otherwise: a fork with commits of its own on that branch, or a folder that changed since.
 */
export async function forkDefaultBase(
  client: GitHubClient,
  fork: RepositoryName,
  base: { sha: string },
  target: { folder: string; upstreamFiles: readonly RemoteFile[]; say: SaySetting },
): Promise<ForkDefaultBase | undefined> {
  const name = formatRepositoryName(fork);
  const { data: repository } = await step('reading the fork', name, () =>
    client.rest.repos.get({ owner: fork.owner, repo: fork.repo }),
  );
  const branch = repository.default_branch;
  const head = await readBranch(client, fork, branch, 'default branch');
  if (!head || head.sha === base.sha) return undefined;
  const { data: comparison } = await step(`comparing ${branch} with the base`, name, () =>
    client.rest.repos.compareCommitsWithBasehead({
      owner: fork.owner,
      repo: fork.repo,
      basehead: `${base.sha}...${head.sha}`,
      per_page: 1,
    }),
  );
  if (comparison.status !== 'behind') return undefined;
  const folder = await readRemoteFolder(client, fork, head.treeSha, target.folder, target.say);
  return sameFiles(folder, target.upstreamFiles) ? { branch, head } : undefined;
}
