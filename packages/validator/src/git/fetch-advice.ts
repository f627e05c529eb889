/**
 * What to run when a base ref names no commit here, for its hint. A remote-tracking name
 * (`upstream/dev`, `refs/remotes/upstream/dev`) is fetched from its own remote: a fork of
 * PowerPlatformConnectors most often names Microsoft's repository `upstream`, and `git fetch origin
 * upstream/dev` would fail. A branch name (`dev`) is not created by a fetch, which updates
 * `origin/dev`: the advice says to compare with that. A commit id needs the history that holds it.
 */
export function fetchAdvice(ref: string, remotes: readonly string[]): string {
  const tracking = ref.replace(/^refs\/remotes\//, '');
  const remote = remotes.find((name) => tracking.startsWith(`${name}/`));
  if (remote) return `git fetch ${remote} ${tracking.slice(remote.length + 1)}`;
  const fallback = remotes.includes('origin') ? 'origin' : (remotes[0] ?? 'origin');
  if (/^[0-9a-f]{7,64}$/i.test(ref)) return `git fetch ${fallback}, with the history that holds ${ref}`;
  const branch = ref.replace(/^refs\/heads\//, '');
  return `git fetch ${fallback} ${branch}, then compare with ${fallback}/${branch}`;
}
