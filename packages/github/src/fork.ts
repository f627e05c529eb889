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

/**
 * The token owner's fork of `upstream`, created if missing, once its git data can be read. GitHub
 * creates forks asynchronously: the answer comes at once, the git data later, so we poll the default
 * branch with exponential backoff and take 404 and 409 ("Git Repository is empty") as "not yet".
 */
export async function ensureFork(
  client: GitHubClient,
  upstream: RepositoryName,
  logger: Logger,
  sleep: Sleep,
  options: ForkOptions = {},
): Promise<RepositoryName & { defaultBranch: string }> {
  const upstreamName = formatRepositoryName(upstream);
  let fork = await findFork(client, upstream);
  if (fork) logger.info(`Using the fork ${fork.owner}/${fork.repo}.`);
  else {
    // An existing repository of the same name that is not a fork makes GitHub pick another name
    // (a -1 suffix), so the answer's full_name is what counts.
    const { data } = await step('creating the fork', upstreamName, () =>
      client.rest.repos.createFork({ owner: upstream.owner, repo: upstream.repo, default_branch_only: true }),
    );
    fork = { owner: data.owner.login, repo: data.name, defaultBranch: data.default_branch };
    logger.info(`Created the fork ${data.full_name}; waiting until GitHub has copied it.`);
  }
  await waitUntilReady(client, fork, logger, sleep, options);
  return fork;
}

/** The token owner's fork of `upstream`, or undefined when it has none; nothing is created. */
export async function findFork(
  client: GitHubClient,
  upstream: RepositoryName,
): Promise<(RepositoryName & { defaultBranch: string }) | undefined> {
  const { data: user } = await step(
    'reading the token owner (GET /user)',
    formatRepositoryName(upstream),
    () => client.rest.users.getAuthenticated(),
  );
  return step('looking for the fork', `${user.login}/${upstream.repo}`, () =>
    findExistingFork(client, user.login, upstream),
  );
}

async function findExistingFork(
  client: GitHubClient,
  login: string,
  upstream: RepositoryName,
): Promise<(RepositoryName & { defaultBranch: string }) | undefined> {
  try {
    const { data } = await client.rest.repos.get({ owner: login, repo: upstream.repo });
    const parent = data.parent?.full_name?.toLowerCase();
    if (data.fork && parent === formatRepositoryName(upstream).toLowerCase()) {
      return { owner: data.owner.login, repo: data.name, defaultBranch: data.default_branch };
    }
    return undefined;
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
