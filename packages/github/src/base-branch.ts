import { UserError } from '@connector-alm/core';
import { apiStatus, describeApiFailure, step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/** The upstream commit a pull request is built on, and its tree. */
export interface BaseCommit {
  sha: string;
  treeSha: string;
}

/**
 * The head of the upstream's base branch. GitHub answers 404 both for a branch the upstream does not
 * have and for a repository the token cannot see; the repository is read again to tell them apart,
 * because the fix differs: another base (an upstream whose default branch is main, not dev) or
 * another name or token.
 */
export async function readBaseCommit(
  client: GitHubClient,
  upstream: RepositoryName,
  base: string,
): Promise<BaseCommit> {
  const upstreamName = formatRepositoryName(upstream);
  const doing = `reading the base branch ${base}`;
  const ref = await client.rest.git
    .getRef({ ...upstream, ref: `heads/${base}` })
    .catch(async (error: unknown) => {
      const repository =
        apiStatus(error) === 404
          ? await client.rest.repos.get({ ...upstream }).catch(() => undefined)
          : undefined;
      if (!repository) throw describeApiFailure(error, doing, upstreamName);
      const defaultBranch = repository.data.default_branch;
      throw new UserError(
        `${upstreamName} has no branch '${base}' for the pull request to target; its default branch is '${defaultBranch}'.`,
        {
          hint: `Set base (--base) to the branch the pull request should target, e.g. '${defaultBranch}'. PowerPlatformConnectors takes pull requests on dev.`,
        },
      );
    });
  const { data: commit } = await step('reading the base commit', upstreamName, () =>
    client.rest.git.getCommit({ ...upstream, commit_sha: ref.data.object.sha }),
  );
  return { sha: ref.data.object.sha, treeSha: commit.tree.sha };
}
