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
 * that still names nothing is refused as before, with git's advice. A local branch or tag of the
 * name comes first; then the remote's branch, before a commit whose id starts so: git too prefers a
 * ref to an abbreviated id, and a branch named `cafe1` is no less a branch for being hex.
 */
export async function resolveBaseRef(git: Git, ref: string): Promise<BaseRef> {
  if (!isPlainBranchName(ref) || (await isLocalRef(git, ref))) return { ref };
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

async function isLocalRef(git: Git, ref: string): Promise<boolean> {
  return (
    (await git.commitOf(`refs/heads/${ref}`)) !== undefined ||
    (await git.commitOf(`refs/tags/${ref}`)) !== undefined
  );
}

/**
 * A name that may be a branch's: not a full commit id, a full ref or an expression (`dev~1`,
 * `main@{1}`, `@`). An `@` alone in a name is allowed, as git allows it (`release@2`).
 */
function isPlainBranchName(ref: string): boolean {
  return (
    ref !== '' &&
    ref !== 'HEAD' &&
    ref !== '@' &&
    !ref.startsWith('refs/') &&
    !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref) &&
    !/[~^:{\\\s]/.test(ref) &&
    !ref.includes('@{') &&
    !ref.startsWith('-')
  );
}
