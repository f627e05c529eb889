import { step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/** An open pull request whose head is the run's branch, against another base branch. */
export interface PullRequestOnOtherBase {
  number: number;
  url: string;
  /** The base branch it targets. */
  base: string;
}

/**
 * An open pull request of `owner:branch` against another base branch than `base`: the branch is its
 * head too (a run with --base master, then one with --base dev). Rebuilding the branch on `base`
 * would put all of `base`'s commits into that pull request, and notify its reviewers of them.
 */
export async function openPullRequestOnOtherBase(
  client: GitHubClient,
  upstream: RepositoryName,
  base: string,
  owner: string,
  branch: string,
): Promise<PullRequestOnOtherBase | undefined> {
  const { data } = await step('looking for an open pull request', formatRepositoryName(upstream), () =>
    client.rest.pulls.list({ ...upstream, state: 'open', head: `${owner}:${branch}`, per_page: 10 }),
  );
  const other = data.find((pull) => pull.base.ref !== base);
  return other && { number: other.number, url: other.html_url, base: other.base.ref };
}
