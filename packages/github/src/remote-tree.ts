import { UserError, type SaySetting, type Setting } from '@connector-alm/core';
import { apiStatus, describeApiFailure, step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';
import type { RemoteFile } from './remote-file.js';

/**
 * The blobs under `folder` in a tree, relative to the folder ([] when the folder does not exist).
 * Walks one level per path segment rather than reading the whole tree recursively: the upstream has
 * thousands of connectors, and GitHub truncates big recursive listings. `say` names the setting
 * that chooses the folder, in the CLI's or an action's words.
 */
const TARGET_FOLDER: Setting = { option: '--target-folder <folder>', input: 'target-folder: <folder>' };

export async function readRemoteFolder(
  client: GitHubClient,
  repository: RepositoryName,
  treeSha: string,
  folder: string,
  say: SaySetting,
): Promise<RemoteFile[]> {
  const name = formatRepositoryName(repository);
  let current = treeSha;
  for (const segment of folder.split('/').filter(Boolean)) {
    const { data } = await step(`reading the tree of ${folder}`, name, () =>
      client.rest.git.getTree({ ...repository, tree_sha: current }),
    );
    const entry = data.tree.find((item) => item.path === segment);
    if (!entry) return [];
    if (entry.type !== 'tree' || !entry.sha)
      throw new UserError(`${folder} in ${name} is not a folder.`, {
        hint: `Give another folder of the upstream (${say(TARGET_FOLDER)}).`,
      });
    current = entry.sha;
  }
  const { data } = await step(`reading the files of ${folder}`, name, () =>
    client.rest.git.getTree({ ...repository, tree_sha: current, recursive: 'true' }),
  );
  if (data.truncated)
    throw new UserError(`GitHub truncated the listing of ${folder} in ${name}.`, {
      hint: `The folder is too big for one connector: give the folder of one connector (${say(TARGET_FOLDER)}).`,
    });
  return data.tree
    .filter((item) => item.type === 'blob' && item.path && item.sha && item.mode)
    .map((item) => ({ path: item.path!, mode: item.mode!, sha: item.sha! }));
}

/** A branch's head commit, its tree, parents and message. */
export interface BranchHead {
  sha: string;
  treeSha: string;
  parents: string[];
  message: string;
}

/**
 * A branch's head, or undefined when GitHub answers 404 for it. `what` names the branch in errors
 * ("branch", "base branch"), so a failure says which of the branches a run reads was at fault.
 */
export async function readBranch(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  what = 'branch',
): Promise<BranchHead | undefined> {
  const name = formatRepositoryName(repository);
  let sha: string;
  try {
    const { data } = await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` });
    sha = data.object.sha;
  } catch (error) {
    if (apiStatus(error) === 404) return undefined;
    throw describeApiFailure(error, `reading the ${what} ${branch}`, name);
  }
  return readCommit(client, repository, sha, `the head commit of the ${what} ${branch}`);
}

/** A commit's tree, parents and message; `what` names it in errors ("the head commit of …"). */
export async function readCommit(
  client: GitHubClient,
  repository: RepositoryName,
  sha: string,
  what: string,
): Promise<BranchHead> {
  const { data: commit } = await step(`reading ${what}`, formatRepositoryName(repository), () =>
    client.rest.git.getCommit({ ...repository, commit_sha: sha }),
  );
  return {
    sha,
    treeSha: commit.tree.sha,
    parents: commit.parents.map((parent) => parent.sha),
    message: commit.message,
  };
}

/** The bytes of a blob. */
export async function readBlob(
  client: GitHubClient,
  repository: RepositoryName,
  sha: string,
): Promise<Buffer> {
  const { data } = await step(`reading the blob ${sha}`, formatRepositoryName(repository), () =>
    client.rest.git.getBlob({ ...repository, file_sha: sha }),
  );
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
}
