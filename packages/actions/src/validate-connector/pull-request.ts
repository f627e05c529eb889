import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, isUserError, UsageError, UserError } from '@connector-alm/core';
import {
  Git,
  changedFilesSince,
  connectorFoldersOf,
  RepositoryOwnerError,
  type PullRequestFacts,
} from '@connector-alm/validator';
import { repositoryOwnerInWorkflow } from './repository-owner.js';

/** The part of a pull_request event payload that the action uses. */
export interface PullRequestEvent {
  baseSha: string;
  headSha: string | undefined;
  number: number | undefined;
  /**
   * The head the push replaced, on a `synchronize` event (a push to the pull request): what the job
   * summary says this push changed against (push-progress.ts).
   */
  before?: string;
  /** The title, base branch, base and head repositories, for the rules about the pull request itself. */
  facts: PullRequestFacts;
}

/**
 * The webhook payload the runner wrote for the job. One that cannot be read or is no JSON comes of
 * running the action outside GitHub Actions (act, a script that sets the runner's variables): it
 * failed as a bug of ours, with JSON.parse's or Node's words.
 */
function eventPayload(file: string, eventName: string): unknown {
  const hint = `The runner writes it for each job; outside GitHub Actions, point GITHUB_EVENT_PATH at the ${eventName} event's JSON payload, or leave GITHUB_EVENT_NAME unset to validate the workspace.`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
    throw new UserError(`The event file GITHUB_EVENT_PATH names cannot be read (${code}).`, {
      location: { file },
      hint,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`The event file GITHUB_EVENT_PATH names is not JSON: ${errorMessage(error)}.`, {
      location: { file },
      hint,
    });
  }
}

/** The pull request the workflow runs for, from GITHUB_EVENT_PATH, or undefined for other events. */
export function readPullRequestEvent(env: NodeJS.ProcessEnv = process.env): PullRequestEvent | undefined {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  if (!['pull_request', 'pull_request_target', 'merge_group'].includes(eventName) || !env.GITHUB_EVENT_PATH)
    return undefined;
  const payload = eventPayload(env.GITHUB_EVENT_PATH, eventName) as {
    action?: string;
    before?: string;
    pull_request?: {
      number?: number;
      title?: string;
      base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
      // head.repo is null when the fork the pull request came from was deleted.
      head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    };
    merge_group?: { base_sha?: string; head_sha?: string };
  };
  const baseSha = payload.pull_request?.base?.sha ?? payload.merge_group?.base_sha;
  if (!baseSha) return undefined;
  return {
    baseSha,
    headSha: payload.pull_request?.head?.sha ?? payload.merge_group?.head_sha,
    number: payload.pull_request?.number,
    ...(payload.action === 'synchronize' &&
      typeof payload.before === 'string' &&
      payload.before !== '' && { before: payload.before }),
    // A merge group has no title and no base branch of its own: those rules skip.
    facts: {
      title: payload.pull_request?.title,
      baseRef: payload.pull_request?.base?.ref,
      baseRepository: payload.pull_request?.base?.repo?.full_name,
      headRepository: payload.pull_request?.head?.repo?.full_name,
      headRef: payload.pull_request?.head?.ref,
    },
  };
}

/**
 * Checks that a pull request, compared with its base because the workflow gave no `base`, can be: the
 * workspace is a git work tree, and git is there. git's refusal, said for the CLI, located the
 * workspace as '.' and advised to "leave out the base ref", which the workflow had not given; here the
 * way out is `base: none`, or a checkout (or, for a repository git refuses for its owner, a step
 * that marks it safe).
 */
export async function requirePullRequestWorkTree(workspace: string): Promise<void> {
  try {
    await new Git(workspace).topLevel();
  } catch (error) {
    if (error instanceof RepositoryOwnerError) throw repositoryOwnerInWorkflow(error);
    if (!isUserError(error)) throw error;
    const notInstalled = error.location === undefined;
    throw new UsageError(
      notInstalled
        ? 'Comparing the pull request with its base needs git, and it is not installed on this runner.'
        : `The workspace (${workspace}) is not inside a git work tree, so the pull request cannot be compared with its base.`,
      {
        hint: notInstalled
          ? 'Install git before this step, or set base: none to check the connector folders without comparing them with the base.'
          : 'Check out the repository before this step (actions/checkout, with fetch-depth: 0), or set base: none to check the connector folders without comparing them with the base.',
      },
    );
  }
}

/**
 * The commit a pull request is compared with. For pull_request, actions/checkout checks out
 * refs/pull/N/merge: GitHub's merge of the head into the base branch as it is now, whose first parent
 * is that base. The event's base sha can be older (GitHub does not move it when the base branch moves
 * on, and a re-run replays the old event); compared with it, the merge commit would hold every pull
 * request merged into the base meanwhile as if this one made those changes. So on that merge commit
 * its first parent is the base; on anything else (the head checked out, a shallow clone) the event's.
 */
export async function comparisonBase(workspace: string, event: PullRequestEvent): Promise<string> {
  if (!event.headSha) return event.baseSha;
  try {
    const parents = await new Git(workspace).parents('HEAD');
    if (parents.length === 2 && parents[1] === event.headSha) return parents[0]!;
  } catch {
    // Not a repository, or no commit checked out: the comparison with the event's base says so.
  }
  return event.baseSha;
}

/**
 * The connector folders a change touches: files that differ between the merge base of HEAD and
 * `base` and HEAD, mapped to their connector folders. The merge base, not the base branch's tip, so a
 * pull request with several commits, or with merges from its base branch, is judged on its own changes.
 * Paths are relative to the workspace.
 */
export async function changedConnectorFolders(workspace: string, base: string): Promise<string[]> {
  const git = new Git(workspace);
  const topLevel = await git.topLevel();
  const mergeBase = await git.mergeBase('HEAD', base);
  const files = await changedFilesSince(git, mergeBase, { includeWorkingTree: false });
  const folders = await connectorFoldersOf(files, git, topLevel, mergeBase);
  // git names the top level by its real path; a workspace reached through a link (self-hosted
  // runners often have one) would otherwise give '../../…' folders.
  const realWorkspace = await fs.realpath(workspace);
  return folders.map((folder) => path.relative(realWorkspace, path.join(topLevel, folder)) || '.');
}
