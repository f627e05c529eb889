import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type Logger } from '@connector-alm/core';
import { validatePaths } from '@connector-alm/validator';
import { step } from './api-errors.js';
import { branchNameFor, DEFAULT_BRANCH_PREFIX } from './branch-name.js';
import { realSleep, type Sleep } from './clock.js';
import { commitChanges, setBranch } from './commit-changes.js';
import { readConnectorFiles } from './connector-files.js';
import { ensureFork, type ForkOptions } from './fork.js';
import { syncFork } from './sync-fork.js';
import { createGitHubClient, type GitHubClient } from './octokit-client.js';
import { createOrUpdatePullRequest, decoratePullRequest } from './pull-request.js';
import { pullRequestBody, pullRequestTitle } from './pull-request-text.js';
import { readBranch, readRemoteFolder } from './remote-tree.js';
import { formatRepositoryName, parseRepositoryName } from './repository-name.js';
import { targetFolderFor } from './target-folder.js';
import { diffConnectorFiles, hasChanges } from './tree-changes.js';

export const DEFAULT_UPSTREAM = 'microsoft/PowerPlatformConnectors';
export const DEFAULT_BASE = 'dev';

export interface OpenPullRequestOptions {
  token: string;
  /** REST API root (GITHUB_API_URL). */
  apiUrl: string;
  /** "owner/repo" of the upstream. */
  upstream: string;
  base: string;
  /** The connector folder, relative to `cwd`. */
  connector: string;
  cwd: string;
  /** Folder in the upstream; empty derives it from the profile and the folder name. */
  targetFolder?: string;
  branchPrefix?: string;
  title?: string;
  /** Text put before the generated body. */
  body?: string;
  draft?: boolean;
  labels?: string[];
  reviewers?: string[];
  maintainerCanModify?: boolean;
  /** Fast-forward the fork's base branch to the upstream's first (best effort). */
  syncFork?: boolean;
  /** Where the change comes from, named in the body and the commit message. */
  source?: string;
}

export interface OpenPullRequestPorts {
  logger: Logger;
  sleep?: Sleep;
  /** A prepared client; made from token and apiUrl otherwise. */
  client?: GitHubClient;
  fork?: ForkOptions;
  /** Milliseconds between writes, for a made client (default: GitHub's one second). */
  writeIntervalMs?: number;
}

export type PullRequestOperation = 'created' | 'updated' | 'none';

/** What happened, as data: the action's outputs and the CLI's JSON are this object. */
export interface PullRequestResult {
  connector: string;
  targetFolder: string;
  operation: PullRequestOperation;
  /** Why nothing was done, when operation is none. */
  reason?: string;
  number?: number;
  url?: string;
  branch: string;
  headSha?: string;
  /** Labels or reviewers that could not be set. */
  warnings: string[];
}

/**
 * Puts one connector folder into a branch of the token owner's fork of the upstream, entirely over
 * the REST API, and opens the pull request or updates the open one. The branch is rebuilt on the
 * upstream base each run, so creating and updating give the same result; a connector that equals the
 * upstream's makes no branch and no pull request.
 */
export async function openPullRequest(
  options: OpenPullRequestOptions,
  ports: OpenPullRequestPorts,
): Promise<PullRequestResult> {
  const { logger } = ports;
  const sleep = ports.sleep ?? realSleep;
  const client =
    ports.client ??
    createGitHubClient({
      token: options.token,
      baseUrl: options.apiUrl,
      logger,
      writeIntervalMs: ports.writeIntervalMs,
    });
  const upstream = parseRepositoryName(options.upstream);
  const upstreamName = formatRepositoryName(upstream);

  const validation = await logger.group(`Validate ${options.connector}`, async () => {
    const result = await validatePaths([options.connector], { cwd: options.cwd });
    if (result.connectors.length !== 1) {
      throw new UsageError(
        `"${options.connector}" is not one connector folder (found ${result.connectors.length}).`,
        {
          hint: 'Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.',
        },
      );
    }
    return result.connectors[0]!;
  });
  const folder = path.resolve(options.cwd, options.connector);
  const targetFolder = targetFolderFor(folder, validation.profile, options.targetFolder);
  const branch = branchNameFor(targetFolder, options.branchPrefix ?? DEFAULT_BRANCH_PREFIX);
  const title = options.title?.trim() || pullRequestTitle(await connectorTitle(folder), validation.profile);
  const result: PullRequestResult = {
    connector: options.connector,
    targetFolder,
    operation: 'none',
    branch,
    warnings: [],
  };

  const base = await logger.group(`Compare with ${upstreamName}@${options.base}`, async () => {
    const { data: ref } = await step(`reading the base branch ${options.base}`, upstreamName, () =>
      client.rest.git.getRef({ ...upstream, ref: `heads/${options.base}` }),
    );
    const { data: commit } = await step('reading the base commit', upstreamName, () =>
      client.rest.git.getCommit({ ...upstream, commit_sha: ref.object.sha }),
    );
    return { sha: ref.object.sha, treeSha: commit.tree.sha };
  });
  const local = await readConnectorFiles(folder);
  const changes = diffConnectorFiles(
    local,
    await readRemoteFolder(client, upstream, base.treeSha, targetFolder),
  );
  if (!hasChanges(changes)) {
    logger.info(
      `${targetFolder} in ${upstreamName}@${options.base} already equals ${options.connector}: no branch, no pull request.`,
    );
    return { ...result, reason: `no difference from ${upstreamName}@${options.base}` };
  }
  logger.info(
    `${changes.upserts.length} files to add or update, ${changes.deletions.length} to delete in ${targetFolder}.`,
  );

  const { owner: forkOwner, repo: forkRepo } = await logger.group('Find or create the fork', () =>
    ensureFork(client, upstream, logger, sleep, ports.fork),
  );
  // Only owner and repo: Octokit sends any other field along as a query parameter.
  const fork = { owner: forkOwner, repo: forkRepo };
  const forkName = formatRepositoryName(fork);
  if (options.syncFork) {
    const warning = await logger.group(`Sync ${forkName}@${options.base} with the upstream`, () =>
      syncFork(client, fork, options.base, logger),
    );
    if (warning) result.warnings.push(warning);
  }
  const branchChanged = await logger.group(`Create or update the branch ${forkName}:${branch}`, async () => {
    const existing = await readBranch(client, fork, branch);
    if (existing && existing.parents.length === 1 && existing.parents[0] === base.sha) {
      // Already built on this base: compare its folder with ours before writing anything.
      const onBranch = diffConnectorFiles(
        local,
        await readRemoteFolder(client, fork, existing.treeSha, targetFolder),
      );
      if (!hasChanges(onBranch)) {
        logger.info(`The branch already holds this version of the connector (${existing.sha}).`);
        result.headSha = existing.sha;
        return false;
      }
    }
    const verb = changes.deletions.length === 0 && changes.upserts.length === local.length ? 'Add' : 'Update';
    const message = `${verb} ${title}${options.source ? `\n\nFrom ${options.source}.` : ''}`;
    const commit = await commitChanges(client, fork, base, targetFolder, changes, message);
    await setBranch(client, fork, branch, commit.commitSha, existing !== undefined);
    logger.info(`${existing ? 'Moved' : 'Created'} ${branch} at ${commit.commitSha}.`);
    result.headSha = commit.commitSha;
    return true;
  });

  const body = pullRequestBody({
    connectorTitle: title,
    targetFolder,
    validation,
    changes,
    introduction: options.body,
    source: options.source,
  });
  const pull = await logger.group(`Create or update the pull request on ${upstreamName}`, () =>
    createOrUpdatePullRequest(
      client,
      {
        upstream,
        base: options.base,
        head: `${fork.owner}:${branch}`,
        title,
        body,
        draft: options.draft ?? false,
        maintainerCanModify: options.maintainerCanModify ?? true,
        branchMoved: branchChanged,
      },
      logger,
    ),
  );
  result.number = pull.number;
  result.url = pull.url;
  result.operation = pull.created ? 'created' : branchChanged || pull.changed ? 'updated' : 'none';
  if (result.operation === 'none') result.reason = `pull request #${pull.number} is up to date`;
  if (pull.created) {
    // Keep the sync warning, if any: labels and reviewers add their own.
    result.warnings.push(
      ...(await decoratePullRequest(
        client,
        upstream,
        pull.number,
        { labels: options.labels ?? [], reviewers: options.reviewers ?? [] },
        logger,
        sleep,
      )),
    );
  }
  return result;
}

/** The connector's display name: info.title of its swagger, else the folder name. */
async function connectorTitle(folder: string): Promise<string> {
  try {
    const swagger = JSON.parse(await readFile(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')) as {
      info?: { title?: unknown };
    };
    if (typeof swagger.info?.title === 'string' && swagger.info.title.trim() !== '')
      return swagger.info.title.trim();
  } catch {
    // A swagger that does not parse is reported by validation; the folder name will do as a title.
  }
  return path.basename(folder);
}
