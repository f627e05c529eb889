import type { Git } from './git.js';

/** A base ref as given, or the remote-tracking branch it was read as, with the note that says so. */
export interface BaseRef {
  /** The ref to compare with: the one given, or `origin/dev` for `dev`. */
  ref: string;
  /** Said once to the user when the ref was read as a remote-tracking branch. */
  note?: string;
}

/**
 * The base ref to compare with. actions/checkout (fetch-depth: 0 included) creates remote-tracking
 * branches only, so `base: dev` named no commit there, and the advice to fetch it was advice to do
 * what the checkout had done. A plain branch name that names no commit is read as that branch of
 * origin when origin has it, or else of the one remote that has it (several without origin are not
 * guessed between). Anything else (a commit id, `refs/…`, `dev~1`) is taken as given, and a ref
 * that still names nothing is refused as before, with git's advice.
 */
export async function resolveBaseRef(git: Git, ref: string): Promise<BaseRef> {
  if (!isPlainBranchName(ref) || (await git.commitOf(ref)) !== undefined) return { ref };
  const remotes = await git.remotes();
  const ordered = remotes.includes('origin')
    ? ['origin', ...remotes.filter((remote) => remote !== 'origin')]
    : remotes;
  const holding: string[] = [];
  for (const remote of ordered) {
    if ((await git.commitOf(`refs/remotes/${remote}/${ref}`)) !== undefined) holding.push(remote);
  }
  const remote = holding[0] === 'origin' || holding.length === 1 ? holding[0] : undefined;
  if (remote === undefined) return { ref };
  const tracking = `${remote}/${ref}`;
  return { ref: tracking, note: `base '${ref}' read as '${tracking}': there is no local branch '${ref}'.` };
}

/** A name that may be a branch's: not a commit id, a full ref or an expression (`dev~1`, `main@{1}`). */
function isPlainBranchName(ref: string): boolean {
  return (
    ref !== '' &&
    ref !== 'HEAD' &&
    !ref.startsWith('refs/') &&
    !/^[0-9a-f]{7,64}$/i.test(ref) &&
    !/[~^:@{\\\s]/.test(ref) &&
    !ref.startsWith('-')
  );
}
