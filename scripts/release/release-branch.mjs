// Whether a release tag is on a branch that releases. Users of `@v1` get whatever commit the tag names,
// so it must be one merged to main (reviewed, tested by CI), not one pushed only on a side branch.
import { spawnSync } from 'node:child_process';
import { git } from './git-tags.mjs';
import { ReleaseError } from './release-error.mjs';

export const DEFAULT_BRANCH = 'main';

/** Where a fix of an older major is released from once a newer major exists: v1.x (docs/releasing.md). */
export const maintenanceBranch = (release) => `${release.majorTag}.x`;

/**
 * The commit the clone's tag names, or undefined when the clone has no such tag: a maintainer runs
 * check before tagging (docs/releasing.md), and the workflow's checkout always has the tag.
 */
function localTagCommit(cwd, tag) {
  const run = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], {
    cwd,
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Which of the branches the remote has: v1.x mostly does not exist. */
function remoteBranches(cwd, remote, branches) {
  const listing = git(
    cwd,
    ['ls-remote', '--heads', remote, ...branches.map((branch) => `refs/heads/${branch}`)],
    `Cannot list the branches of '${remote}'`,
  );
  const present = new Set(listing.split('\n').map((line) => line.split('\t')[1]));
  return branches.filter((branch) => present.has(`refs/heads/${branch}`));
}

/**
 * Fetches the branches as they are on the remote now (a maintainer's origin/main may be older than
 * the merge). The release workflow's checkout is one commit deep, with neither main nor the history
 * that joins the tag to it: the history is fetched too, or no ancestry can be read.
 */
function fetchBranches(cwd, remote, branches) {
  const shallow = git(cwd, ['rev-parse', '--is-shallow-repository'], 'Cannot read the clone') === 'true';
  git(
    cwd,
    [
      'fetch',
      '--quiet',
      '--no-tags',
      ...(shallow ? ['--unshallow'] : []),
      remote,
      ...branches.map((branch) => `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`),
    ],
    `Cannot fetch ${branches.join(' and ')} from '${remote}'`,
  );
}

function isAncestor(cwd, commit, ref) {
  const run = spawnSync('git', ['merge-base', '--is-ancestor', commit, ref], { cwd, encoding: 'utf8' });
  if (run.status === 0 || run.status === 1) return run.status === 0;
  throw new ReleaseError(`Cannot tell whether ${ref} holds ${commit}: ${String(run.stderr).trim()}`);
}

/**
 * Refuses a tag whose commit is on neither the remote's main nor its maintenance branch of the
 * release's major; returns the branch it is on, or undefined when the clone has no such tag yet.
 */
export function checkOnReleaseBranch(cwd, remote, release) {
  const commit = localTagCommit(cwd, release.tag);
  if (commit === undefined) return undefined;
  const branches = remoteBranches(cwd, remote, [DEFAULT_BRANCH, maintenanceBranch(release)]);
  if (branches.length > 0) fetchBranches(cwd, remote, branches);
  const on = branches.find((branch) => isAncestor(cwd, commit, `refs/remotes/${remote}/${branch}`));
  if (on !== undefined) return on;
  throw new ReleaseError(
    `${release.tag} is not on ${remote}/${DEFAULT_BRANCH}: its commit ${commit.slice(0, 12)} was never merged there. ` +
      `Merge the change into ${DEFAULT_BRANCH}, delete the tag (git push ${remote} :refs/tags/${release.tag} && git tag -d ${release.tag}) ` +
      `and tag the merge commit; a fix of an older major is tagged on its branch ${maintenanceBranch(release)}.`,
  );
}
