import type { SaySetting, Setting } from '@connector-alm/core';
import { step } from './api-errors.js';
import type { LocalFile } from './connector-files.js';
import type { GitHubClient } from './octokit-client.js';
import { readCommit, readRemoteFolder } from './remote-tree.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';
import { upstreamFilesToMatch, type LeftOutFile } from './sent-files.js';
import { diffConnectorFiles, hasChanges } from './tree-changes.js';

export const RESUBMIT: Setting = { option: '--resubmit', input: 'resubmit: true' };

/** The last closed pull request of the run's branch, which proposed the connector as it is now. */
export interface ClosedPullRequest {
  number: number;
  url: string;
  merged: boolean;
}

export interface ClosedPullRequestQuery {
  base: string;
  /** The fork's owner, whose `branch` is the head. */
  owner: string;
  branch: string;
  targetFolder: string;
  /** The files the run would send. */
  local: readonly LocalFile[];
  leftOut: readonly LeftOutFile[];
  say: SaySetting;
}

/**
 * The last pull request of `owner:branch` against the base, if it is closed (merged or not) and its
 * head holds in the target folder what the run would send: the connector has not changed since. A
 * scheduled run would otherwise open it again every time, sending the upstream what it closed; or,
 * after a merge, a pull request that takes back what the upstream changed in the folder since.
 */
export async function closedWithThisVersion(
  client: GitHubClient,
  upstream: RepositoryName,
  query: ClosedPullRequestQuery,
): Promise<ClosedPullRequest | undefined> {
  const { data } = await step('looking for a closed pull request', formatRepositoryName(upstream), () =>
    client.rest.pulls.list({
      ...upstream,
      state: 'closed',
      head: `${query.owner}:${query.branch}`,
      base: query.base,
      sort: 'created',
      direction: 'desc',
      per_page: 1,
    }),
  );
  const pull = data[0];
  // Its fork deleted, there is nothing to read its head from: the maker has started over.
  const repo = pull?.head.repo;
  if (!pull || !repo) return undefined;
  const fork = { owner: repo.owner.login, repo: repo.name };
  // GitHub keeps a closed pull request's head commit, whatever became of the branch since.
  const head = await readCommit(
    client,
    fork,
    pull.head.sha,
    `the head commit of pull request #${pull.number} (${pull.head.sha})`,
  );
  const proposed = await readRemoteFolder(client, fork, head.treeSha, query.targetFolder, query.say);
  if (hasChanges(diffConnectorFiles(query.local, upstreamFilesToMatch(proposed, query.leftOut))))
    return undefined;
  return { number: pull.number, url: pull.html_url, merged: pull.merged_at !== null };
}

/** Why nothing was sent (the result's reason), and what to do (a warning, said on every run). */
export function closedPullRequestNotice(
  closed: ClosedPullRequest,
  words: { connector: string; targetFolder: string; upstream: string; say: SaySetting },
): { reason: string; warning: string } {
  const resubmit = words.say(RESUBMIT);
  if (closed.merged)
    return {
      reason: `pull request #${closed.number} was merged, and the connector has not changed since, but ${words.upstream} has`,
      warning: `Pull request #${closed.number} (${closed.url}) was merged, and ${words.connector} has not changed since; ${words.targetFolder} in ${words.upstream} has changed since then, and a pull request now would take those changes back: none was opened. Bring the upstream's ${words.targetFolder} into ${words.connector} and change it from there, or run with ${resubmit} to propose this version all the same.`,
    };
  return {
    reason: `pull request #${closed.number} was closed without merging, and the connector has not changed since`,
    warning: `Pull request #${closed.number} (${closed.url}) was closed without merging, and ${words.connector} has not changed since: no pull request was opened, so as not to send ${words.upstream} again what it closed. Read why on the pull request; once you change the connector, the next run opens a new pull request. To send this version again as it is, run with ${resubmit}.`,
  };
}
