import { apiErrorText, apiStatus, describeApiFailure, ERROR_REF_ALREADY_EXISTS, step } from './api-errors.js';
import { BranchNotCreated, refusedBranchName } from './branch-clash.js';
import type { GitHubClient } from './octokit-client.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';
import type { TreeChanges } from './tree-changes.js';

/** GitHub times out on big tree requests; entries go in chunks, each building on the last tree. */
const TREE_CHUNK = 100;

/**
 * One commit on `baseSha` that makes `folder` hold the connector's files, made with the git-data API
 * in the fork: base64 blobs (byte-exact, icons included), a tree on the base tree with `sha: null`
 * for deleted files, and the commit. Calls are made one after another, as GitHub asks for
 * content-creating requests.
 */
export async function commitChanges(
  client: GitHubClient,
  fork: RepositoryName,
  base: { sha: string; treeSha: string },
  folder: string,
  changes: TreeChanges,
  message: string,
): Promise<{ commitSha: string; treeSha: string }> {
  const name = formatRepositoryName(fork);
  const entries: { path: string; mode: '100644' | '100755'; type: 'blob'; sha: string | null }[] = [];
  for (const file of changes.upserts) {
    const { data } = await step(`uploading ${folder}/${file.path}`, name, () =>
      client.rest.git.createBlob({ ...fork, content: file.content.toString('base64'), encoding: 'base64' }),
    );
    entries.push({ path: `${folder}/${file.path}`, mode: file.mode, type: 'blob', sha: data.sha });
  }
  for (const path of changes.deletions)
    entries.push({ path: `${folder}/${path}`, mode: '100644', type: 'blob', sha: null });

  let treeSha = base.treeSha;
  for (let start = 0; start < entries.length; start += TREE_CHUNK) {
    const chunk = entries.slice(start, start + TREE_CHUNK);
    const { data } = await step('writing the tree', name, () =>
      client.rest.git.createTree({ ...fork, base_tree: treeSha, tree: chunk }),
    );
    treeSha = data.sha;
  }
  const { data: commit } = await step('writing the commit', name, () =>
    client.rest.git.createCommit({ ...fork, message, tree: treeSha, parents: [base.sha] }),
  );
  return { commitSha: commit.sha, treeSha };
}

/**
 * Points the branch at `sha`, creating it or moving it by force (the branch is rebuilt from the base
 * whenever a run changes it). A creation whose answer was lost is sent again and then finds the branch it made:
 * "Reference already exists" at `sha` is that success; at another commit (another run got there
 * first) the branch is moved, as an existing branch is.
 */
export async function setBranch(
  client: GitHubClient,
  fork: RepositoryName,
  branch: string,
  sha: string,
  exists: boolean,
): Promise<void> {
  const name = formatRepositoryName(fork);
  const move = () =>
    step(`moving the branch ${branch}`, name, () =>
      client.rest.git.updateRef({ ...fork, ref: `heads/${branch}`, sha, force: true }),
    );
  if (exists) {
    await move();
    return;
  }
  try {
    await client.rest.git.createRef({ ...fork, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    // A name git cannot hold beside a branch of the fork: said as such, not as GitHub's failure.
    if (refusedBranchName(error)) throw new BranchNotCreated(branch, fork, error);
    if (apiStatus(error) !== 422 || !apiErrorText(error).includes(ERROR_REF_ALREADY_EXISTS))
      throw describeApiFailure(error, `creating the branch ${branch}`, name);
    const { data } = await step(`reading the branch ${branch}`, name, () =>
      client.rest.git.getRef({ ...fork, ref: `heads/${branch}` }),
    );
    if (data.object.sha !== sha) await move();
  }
}
