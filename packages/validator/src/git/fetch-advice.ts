/**
 * The names a remote most often has: `origin` (git clone, actions/checkout) and `upstream` (GitHub's
 * guide to forks, for the original repository). A ref that starts with one of them is taken for a
 * remote-tracking name even when that remote is not configured here.
 */
const USUAL_REMOTE_NAMES: readonly string[] = ['origin', 'upstream'];

const URL_PLACEHOLDER = '<URL of its repository>';

/**
 * The hint of a base ref that names no commit here. `upstream/dev` in a CI checkout, which has only
 * origin, was taken for a branch of origin (`git fetch origin upstream/dev`, which fails too): when the
 * ref starts with a usual remote name that is not configured, the hint says to add that remote.
 * fetch-depth: 0 is advised in a shallow clone only: a checkout that has it already was told to set it.
 * `ancestry` is what an ancestor expression adds to the ref (`~2` of `dev~2`), kept in the ref to
 * compare with.
 */
export function unknownRefHint(
  ref: string,
  remotes: readonly string[],
  shallow: boolean,
  ancestry = '',
): string {
  const missing = unconfiguredRemote(ref, remotes);
  if (missing && USUAL_REMOTE_NAMES.includes(missing.remote)) {
    return (
      `This repository has no remote named ${missing.remote}: add it, then fetch the branch ` +
      `(${addRemoteAdvice(missing)}). In GitHub Actions, actions/checkout sets up only origin: ` +
      `run both after it${shallow ? ', and check out with fetch-depth: 0' : ''}.`
    );
  }
  const fetch = `Fetch it first (e.g. ${fetchAdvice(ref, remotes, ancestry)})`;
  return shallow ? `${fetch}; in GitHub Actions, check out with fetch-depth: 0.` : `${fetch}.`;
}

/**
 * What to run when a base ref names no commit here, for its hint. A remote-tracking name
 * (`upstream/dev`, `refs/remotes/upstream/dev`) is fetched from its own remote: a fork of
 * PowerPlatformConnectors most often names Microsoft's repository `upstream`, and `git fetch origin
 * upstream/dev` would fail. A branch name (`dev`) is not created by a fetch, which updates
 * `origin/dev`: the advice says to compare with that. A commit id needs the history that holds it.
 * `fork/dev`, where no remote is named fork, may be a branch of origin or a branch of a remote not
 * configured here: the advice gives both readings.
 */
export function fetchAdvice(ref: string, remotes: readonly string[], ancestry = ''): string {
  const tracking = ref.replace(/^refs\/remotes\//, '');
  const remote = remotes.find((name) => tracking.startsWith(`${name}/`));
  if (remote) return `git fetch ${remote} ${tracking.slice(remote.length + 1)}`;
  const fallback = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  if (/^[0-9a-f]{7,64}$/i.test(ref)) return `git fetch ${fallback}, with the history that holds ${ref}`;
  const missing = unconfiguredRemote(ref, remotes);
  if (missing && ref.startsWith('refs/remotes/')) return addRemoteAdvice(missing);
  const branch = ref.replace(/^refs\/heads\//, '');
  const asBranch = `git fetch ${fallback} ${branch}, then compare with ${fallback}/${branch}${ancestry}`;
  if (!missing) return asBranch;
  return `${asBranch}; or, if ${missing.remote} is a remote, ${addRemoteAdvice(missing)}`;
}

interface RemoteBranch {
  remote: string;
  branch: string;
}

/** The remote and branch a ref names when read as `<remote>/<branch>` of a remote not configured. */
function unconfiguredRemote(ref: string, remotes: readonly string[]): RemoteBranch | undefined {
  if (ref.startsWith('refs/') && !ref.startsWith('refs/remotes/')) return undefined;
  const tracking = ref.replace(/^refs\/remotes\//, '');
  const slash = tracking.indexOf('/');
  if (slash <= 0 || slash === tracking.length - 1) return undefined;
  if (remotes.some((name) => tracking.startsWith(`${name}/`))) return undefined;
  return { remote: tracking.slice(0, slash), branch: tracking.slice(slash + 1) };
}

function addRemoteAdvice({ remote, branch }: RemoteBranch): string {
  return `git remote add ${remote} ${URL_PLACEHOLDER}, then git fetch ${remote} ${branch}`;
}
