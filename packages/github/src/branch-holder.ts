import { committedFolder } from './branch-commit.js';
import { step } from './api-errors.js';
import type { GitHubClient } from './octokit-client.js';
import { readCommit, type BranchHead } from './remote-tree.js';
import { formatRepositoryName, type RepositoryName } from './repository-name.js';

/**
 * Whether a fork branch holds another connector than `targetFolder`, and which: the folder its head
 * commit names (commits of ours name it in a trailer), or else a folder with the same branch name
 * (`sharesBranch`) that its head commit changes (commits of connector-alm before that trailer, and
 * commits somebody pushed on top). Undefined when the branch is this folder's, or when its head tells
 * nothing (a merge, or a commit that changes nothing). A head commit that changes some other file
 * (a maintainer's fix of the upstream readme) does not make the branch another connector's.
 *
 * Branch names are made from target folders by a mapping that is not one to one (`Contoso Tasks` and
 * `Contoso-Tasks` both give `…/contoso-tasks`), and it cannot become one without renaming the
 * branches of open pull requests (reruns find their pull request by its branch). So a run reads the
 * branch before it moves it: moving another folder's branch would turn that connector's pull request
 * into this one's.
 */
export async function otherFolderOnBranch(
  client: GitHubClient,
  fork: RepositoryName,
  head: BranchHead,
  targetFolder: string,
  sharesBranch: (folder: string) => boolean,
): Promise<string | undefined> {
  const named = committedFolder(head.message);
  if (named !== undefined) return named === targetFolder ? undefined : named;
  if (head.parents.length !== 1) return undefined;
  const parent = await readCommit(client, fork, head.parents[0]!, `the parent of ${head.sha}`);
  return changedNamesake(client, fork, head.treeSha, parent.treeSha, targetFolder, sharesBranch);
}

/**
 * The first folder beside `folder`'s path, of the same branch name, whose tree entry differs between
 * two trees. It walks down the folder's path one level at a time, reading only the trees on it: the
 * upstream's top folders hold hundreds of connectors, and only the entries beside the path are
 * compared, never their content. A namesake that differs above the last level is named with the
 * rest of `folder`'s path, which is where its connector would be.
 */
async function changedNamesake(
  client: GitHubClient,
  repository: RepositoryName,
  treeSha: string,
  otherTreeSha: string,
  folder: string,
  sharesBranch: (folder: string) => boolean,
): Promise<string | undefined> {
  let [current, other] = [treeSha, otherTreeSha];
  const segments = folder.split('/');
  let prefix = '';
  for (const [index, segment] of segments.entries()) {
    if (current === other) return undefined;
    const [entries, otherEntries] = await Promise.all([
      treeEntries(client, repository, current),
      treeEntries(client, repository, other),
    ]);
    const rest = segments
      .slice(index + 1)
      .map((each) => `/${each}`)
      .join('');
    const names = new Set([...entries.keys(), ...otherEntries.keys()]);
    const namesake = [...names]
      .filter((name) => name !== segment && !sameEntry(entries.get(name), otherEntries.get(name)))
      .map((name) => `${prefix}${name}${rest}`)
      .find(sharesBranch);
    if (namesake !== undefined) return namesake;
    const [next, otherNext] = [entries.get(segment), otherEntries.get(segment)];
    // The folder (or one above it) is new or gone: every change is inside it.
    if (next === undefined || otherNext === undefined) return undefined;
    [current, other] = [next.sha, otherNext.sha];
    prefix += `${segment}/`;
  }
  return undefined;
}

/** A tree's entries by name: object SHA and mode (a changed mode is a change as well). */
async function treeEntries(
  client: GitHubClient,
  repository: RepositoryName,
  sha: string,
): Promise<Map<string, { sha: string; mode: string }>> {
  const { data } = await step(`reading the tree ${sha}`, formatRepositoryName(repository), () =>
    client.rest.git.getTree({ ...repository, tree_sha: sha }),
  );
  return new Map(data.tree.map((item) => [item.path ?? '', { sha: item.sha ?? '', mode: item.mode ?? '' }]));
}

function sameEntry(
  a: { sha: string; mode: string } | undefined,
  b: { sha: string; mode: string } | undefined,
): boolean {
  return a?.sha === b?.sha && a?.mode === b?.mode;
}
