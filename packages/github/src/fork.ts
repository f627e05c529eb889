import { UserError, type Logger } from '@connector-alm/core';
import { apiStatus, describeApiFailure, step } from './api-errors.js';
import { backoffDelays, type Sleep } from './clock.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

export interface ForkOptions {
  /** First wait between readiness polls; doubled up to 30 s. */
  pollIntervalMs?: number;
  /** Give up waiting after this long; GitHub says to contact support after five minutes. */
  readinessTimeoutMs?: number;
}

/** The login the token signs in as: the owner of the fork and of the pull request's head. */
export async function readTokenOwner(client: GitHubClient, upstream: RepositoryName): Promise<string> {
  const { data } = await step('reading the token owner (GET /user)', formatRepositoryName(upstream), () =>
    client.rest.users.getAuthenticated(),
  );
  return data.login;
}

/**
 * The fork of `upstream` that `login` owns, created if missing, once its git data can be read. GitHub
 * creates forks asynchronously: the answer comes at once, the git data later, so we poll the default
 * branch with exponential backoff and take 404 and 409 ("Git Repository is empty") as "not yet".
 */
export async function ensureFork(
  client: GitHubClient,
  upstream: RepositoryName,
  login: string,
  logger: Logger,
  sleep: Sleep,
  options: ForkOptions = {},
): Promise<RepositoryName & { defaultBranch: string }> {
  const upstreamName = formatRepositoryName(upstream);
  // The usual case, in one read: the fork under the upstream's name.
  const named = await step('looking for the fork', `${login}/${upstream.repo}`, () =>
    readRepository(client, login, upstream.repo),
  );
  const parent = named?.parent?.full_name?.toLowerCase();
  let fork: RepositoryName & { defaultBranch: string };
  if (named?.fork && parent === upstreamName.toLowerCase()) {
    fork = { owner: named.owner.login, repo: named.name, defaultBranch: named.default_branch };
    logger.info(`Using the fork ${fork.owner}/${fork.repo}.`);
  } else {
    // GitHub answers a fork request with the fork the account has, whatever it was renamed to, and
    // makes one only when there is none. A new fork whose name is taken by a repository that is not
    // a fork gets another name (a -1 suffix): the answer's name is what counts.
    const { data } = await step('creating the fork', upstreamName, () =>
      client.rest.repos.createFork({ owner: upstream.owner, repo: upstream.repo, default_branch_only: true }),
    );
    fork = { owner: data.owner.login, repo: data.name, defaultBranch: data.default_branch };
    logger.info(
      !named && data.name === upstream.repo
        ? `Created the fork ${data.full_name}; waiting until GitHub has copied it.`
        : `Using your fork ${data.full_name}, which GitHub gives as your fork of ${upstreamName}.`,
    );
  }
  await waitUntilReady(client, fork, logger, sleep, options);
  return fork;
}

async function readRepository(client: GitHubClient, owner: string, repo: string) {
  try {
    return (await client.rest.repos.get({ owner, repo })).data;
  } catch (error) {
    if (apiStatus(error) === 404) return undefined;
    throw error;
  }
}

async function waitUntilReady(
  client: GitHubClient,
  fork: RepositoryName & { defaultBranch: string },
  logger: Logger,
  sleep: Sleep,
  options: ForkOptions,
): Promise<void> {
  const delays = backoffDelays(options.pollIntervalMs ?? 1000, 30_000, options.readinessTimeoutMs ?? 300_000);
  for (let attempt = 0; ; attempt++) {
    try {
      await client.rest.git.getRef({
        owner: fork.owner,
        repo: fork.repo,
        ref: `heads/${fork.defaultBranch}`,
      });
      return;
    } catch (error) {
      const status = apiStatus(error);
      if (status !== 404 && status !== 409)
        throw describeApiFailure(error, 'waiting for the fork to be ready', `${fork.owner}/${fork.repo}`);
      const delay = delays[attempt];
      if (delay === undefined) {
        throw new UserError(
          `The fork ${fork.owner}/${fork.repo} was not ready after ${Math.round((options.readinessTimeoutMs ?? 300_000) / 1000)} s.`,
          {
            hint: 'GitHub copies forks in the background; run the job again later, and contact GitHub support if it stays empty.',
          },
        );
      }
      logger.info(`The fork is not ready yet (${status}); checking again in ${delay / 1000} s.`);
      await sleep(delay);
    }
  }
}
