import { step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import type { OpenPull } from './pull-request.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/** An open pull request whose head is the run's branch, against another base branch. */
export interface PullRequestOnOtherBase {
  number: number;
  url: string;
  /** The base branch it targets. */
  base: string;
}

/** The open pull requests whose head is the run's branch, by the base they target. */
export interface HeadPullRequests {
  /**
   * The one against the run's base, and the fork it comes from. GitHub matches the head by owner,
   * whatever the fork is named, so a fork renamed away from the upstream's name is found too: the
   * answer names it. One whose fork was deleted is left out: it has no head repository to write to.
   */
  onBase?: { fork: RepositoryName; pull: OpenPull };
  /**
   * One against another base branch (a run with --base master, then one with --base dev): the
   * branch is its head too, and rebuilding it on the run's base would put all of that base's commits
   * into that pull request, and notify its reviewers of them.
   */
  onOtherBase?: PullRequestOnOtherBase;
}

/**
 * The open pull requests of `owner:branch`, found without creating anything, in one request for
 * every base: GitHub keeps one open pull request per head and base, and a branch heads those of a
 * few bases at most.
 */
export async function openPullRequestsOfHead(
  client: GitHubClient,
  upstream: RepositoryName,
  base: string,
  owner: string,
  branch: string,
): Promise<HeadPullRequests> {
  const { data } = await step('looking for an open pull request', formatRepositoryName(upstream), () =>
    client.rest.pulls.list({ ...upstream, state: 'open', head: `${owner}:${branch}`, per_page: 100 }),
  );
  const found: HeadPullRequests = {};
  const pull = data.find((entry) => entry.base.ref === base);
  const repo = pull?.head.repo;
  if (pull && repo) found.onBase = { fork: { owner: repo.owner.login, repo: repo.name }, pull };
  const other = data.find((entry) => entry.base.ref !== base);
  if (other) found.onOtherBase = { number: other.number, url: other.html_url, base: other.base.ref };
  return found;
}
