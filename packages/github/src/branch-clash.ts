import { UserError, type SaySetting, type Setting } from '@connector-alm/core';
import {
  apiErrorText,
  apiStatus,
  describeApiFailure,
  ERROR_REF_UPDATE_FAILED,
  gitHubMessage,
} from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

const BRANCH_PREFIX: Setting = { option: '--branch-prefix <prefix>', input: 'branch-prefix: <prefix>' };

/**
 * GitHub's 422 to a new branch it cannot write (git/create-ref): "Reference update failed". What a
 * branch of the fork named like a folder of the new one gives (`connector-alm` beside
 * `connector-alm/certified-connectors/…`), or one under it: git keeps branches as files and folders.
 */
export class BranchNotCreated extends UserError {
  constructor(
    readonly branch: string,
    readonly fork: RepositoryName,
    cause: unknown,
  ) {
    super(
      `GitHub refused creating the branch ${branch} on ${formatRepositoryName(fork)} (422 ${gitHubMessage(cause)}).`,
      { cause },
    );
  }
}

/**
 * Whether GitHub refused to create a branch for a name git cannot hold (BranchNotCreated's 422):
 * "Reference already exists" is another 422, a success of a creation sent again (setBranch).
 */
export function refusedBranchName(error: unknown): boolean {
  return apiStatus(error) === 422 && apiErrorText(error).includes(ERROR_REF_UPDATE_FAILED);
}

/**
 * The fork's branch named like a folder of `branch` (`connector-alm` for
 * `connector-alm/certified-connectors/contoso-tasks`), shortest first: the branch that keeps git from
 * creating `branch`. GitHub's git/ref reads a ref of that exact name, so one branch per folder is read.
 */
export async function folderBranchOf(
  client: GitHubClient,
  fork: RepositoryName,
  branch: string,
): Promise<string | undefined> {
  const parts = branch.split('/');
  for (let end = 1; end < parts.length; end++) {
    const folder = parts.slice(0, end).join('/');
    try {
      await client.rest.git.getRef({ ...fork, ref: `heads/${folder}` });
      return folder;
    } catch (error) {
      if (apiStatus(error) !== 404)
        throw describeApiFailure(error, `reading the branch ${folder}`, formatRepositoryName(fork));
    }
  }
  return undefined;
}

/** The refusal's reason when the fork's branch `folderBranch` keeps git from creating `branch`. */
export function branchClashReason(fork: RepositoryName, folderBranch: string, branch: string): string {
  return `the fork ${formatRepositoryName(fork)} has a branch ${folderBranch}, so it cannot hold the branch ${branch} (git keeps branches as files and folders; GitHub answered 422 ${ERROR_REF_UPDATE_FAILED}): no branch was made for it, no pull request opened or updated`;
}

/**
 * BranchNotCreated where no branch of the fork is named like a folder of the branch: then one under
 * it (`<branch>/old`) is the likely cause, which git/ref does not list.
 */
export function branchNotCreatedError(error: BranchNotCreated, say: SaySetting): UserError {
  const name = formatRepositoryName(error.fork);
  return new UserError(error.message, {
    hint: `GitHub creates no branch that a branch of the fork would be a folder of, or that would be a folder of one (git keeps branches as files and folders), and ${name} has no branch named like a folder of ${error.branch}: look among its branches on GitHub for one under ${error.branch}/, and rename or delete it, or give another ${say(BRANCH_PREFIX)}, the same on every rerun.`,
    cause: error.cause,
  });
}
