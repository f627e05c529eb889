// The git side of a release: the tags a remote holds, and moving the major tag there.
import { execFileSync } from 'node:child_process';
import { ReleaseError } from './release-error.mjs';

/** Runs git, its output trimmed; a failure is a ReleaseError saying what failed, in git's words. */
export function git(cwd, args, whatFailed) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const said = String(error.stderr ?? error.message).trim();
    throw new ReleaseError(`${whatFailed}: git ${args.join(' ')} failed${said ? `: ${said}` : ''}`);
  }
}

/**
 * The tag names the remote holds. The remote, not the local clone, is what users' `@v1` reads, and a
 * CI checkout fetches only the tag it runs for.
 */
export function remoteTags(cwd, remote) {
  const listing = git(cwd, ['ls-remote', '--tags', '--refs', remote], `Cannot list the tags of '${remote}'`);
  return listing
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[1].replace(/^refs\/tags\//, ''));
}

/** The commit a tag of the local clone points at (through an annotated tag to its commit). */
export function tagCommit(cwd, tag) {
  return git(
    cwd,
    ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`],
    `The tag ${tag} is not in this clone; fetch it (git fetch origin tag ${tag}) or create it`,
  );
}

/**
 * Points the remote's major tag (v1) at the release commit, creating it for a new major. Forced, since
 * moving it is the point; it names the commit itself, not the annotated tag, so `@v1` resolves to the
 * same commit as `@v1.2.0` wherever it is read.
 */
export function moveMajorTag(cwd, remote, release) {
  const commit = tagCommit(cwd, release.tag);
  git(
    cwd,
    ['push', '--force', remote, `${commit}:refs/tags/${release.majorTag}`],
    `Cannot move ${release.majorTag} on '${remote}' (the job needs contents: write)`,
  );
  return commit;
}
