import { withoutFullStop, type Logger } from '@connector-alm/core';
import { apiStatus, gitHubMessage, refusedForWorkflowScope } from './api-errors.js';
import type { RepositoryName } from './repository-name.js';
import type { GitHubClient } from './octokit-client.js';

/**
 * Brings the fork's base branch up to the upstream's (POST /repos/{owner}/{repo}/merge-upstream), as
 * reviewers ask contributors to do before a pull request (PowerPlatformConnectors PR #3045). The pull
 * request itself does not need it: its commit is built on the upstream's base directly. So this is
 * best effort: a conflict or a refusal is a warning, never a failure.
 */
export async function syncFork(
  client: GitHubClient,
  fork: RepositoryName,
  branch: string,
  logger: Logger,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.mergeUpstream({ ...fork, branch });
    logger.info(data.message ?? `Synced ${fork.owner}/${fork.repo}@${branch}.`);
    return undefined;
  } catch (error) {
    const status = apiStatus(error);
    const said = gitHubMessage(error);
    // GitHub's own words say which: a token without the workflow scope may not sync an upstream's
    // change to its workflows (cli/cli#7574), which PowerPlatformConnectors makes now and then. An
    // error without a status is no answer of GitHub's (the API could not be reached): it says so itself.
    const why =
      status === 409
        ? 'it has commits the upstream does not have'
        : status === undefined
          ? withoutFullStop(error instanceof Error ? error.message : String(error))
          : `GitHub answered ${status} ${said}`;
    const advice = refusedForWorkflowScope(error)
      ? ' Sync it with the Sync fork button on GitHub, or give the token the workflow scope.'
      : '';
    const warning = `Could not sync ${fork.owner}/${fork.repo}@${branch} with the upstream (${why}); the pull request does not depend on it.${advice}`;
    logger.warning(warning);
    return warning;
  }
}
