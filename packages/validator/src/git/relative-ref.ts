/**
 * The ref that an ancestor expression starts from: `HEAD` of `HEAD~5`, `main` of `main^2`,
 * `origin/dev` of `origin/dev~1^`, `HEAD` of `HEAD@{3}`; undefined for a plain name or commit id. Such
 * a ref cannot be fetched: `git fetch origin HEAD~5` fails as `--base HEAD~5` did, so the advice for
 * it is about the history or the ref it starts from.
 */
export function relativeRefStart(ref: string): string | undefined {
  // Git allows none of `~`, `^` and `@{` in a ref's name: the first of them ends the name.
  const end = ref.search(/[~^]|@\{/);
  if (end <= 0 || !/^(?:@\{[^}]*\})?(?:[~^]\d*)*$/.test(ref.slice(end))) return undefined;
  return ref.slice(0, end);
}

/**
 * The hint for an ancestor expression whose starting ref names a commit here, but which names none:
 * the history here is too short for it (a shallow clone keeps one commit, as actions/checkout makes
 * by default), or a reflog entry (`@{3}`) is not in this clone's reflog.
 */
export function missingAncestorHint(ref: string, start: string, shallow: boolean): string {
  if (ref.includes('@{'))
    return (
      `"${ref}" is read from this clone's reflog, which records only what was done in this clone and ` +
      `has no such entry: give a branch name or commit id instead.`
    );
  if (shallow)
    return (
      `This clone is shallow: it holds too little of the history of ${start} for "${ref}". ` +
      'Fetch the rest (git fetch --unshallow), then compare again; in GitHub Actions, check out with fetch-depth: 0.'
    );
  return (
    `The history of ${start} is shorter than "${ref}" goes back (or a commit on the way has no such ` +
    `parent). Give a nearer ancestor (git log --oneline ${start} lists them), or a branch name or commit id.`
  );
}
