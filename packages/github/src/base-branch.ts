import { optionWords, UsageError, type SaySetting, type Setting } from '@connector-alm/core';
import { step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { readBranch, type BranchHead } from './remote-tree.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/**
 * What to check when GitHub cannot see the upstream: an action's input, by name; the CLI's words
 * stay "the name" (its message names the repository, whether from --upstream or the default).
 */
const UPSTREAM_NAME: Setting = { option: 'the name', input: 'the upstream input' };

/**
 * The head of the upstream's base branch. GitHub answers 404 both for a branch the upstream does not
 * have and for a repository the token cannot see; the repository is read again to tell them apart,
 * because the fix differs: another base (an upstream whose default branch is main, not dev) or
 * another name or token. A branch the upstream does not have is a usage error (exit code 2 on the
 * CLI), as a base ref of validate that names no commit is: the option names nothing to target.
 */
export async function readBaseCommit(
  client: GitHubClient,
  upstream: RepositoryName,
  base: string,
  say: SaySetting = optionWords,
): Promise<BranchHead> {
  const head = await readBranch(client, upstream, base, 'base branch');
  if (head) return head;
  const upstreamName = formatRepositoryName(upstream);
  // The first request that can find the upstream missing: its 404 names the setting that named it.
  const { data: repository } = await step(
    `reading the base branch ${base}`,
    upstreamName,
    () => client.rest.repos.get({ ...upstream }),
    say(UPSTREAM_NAME),
  );
  throw new UsageError(
    `${upstreamName} has no branch '${base}' for the pull request to target; its default branch is '${repository.default_branch}'.`,
    {
      hint: `Name the branch the pull request should target (${say({ option: `--base ${repository.default_branch}`, input: `base: ${repository.default_branch}` })}, or another). PowerPlatformConnectors takes pull requests on dev.`,
    },
  );
}
